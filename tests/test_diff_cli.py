"""`bilingual diff` end to end on the version pairs in tests/data/diff: real
reading, segmentation, alignment to the English, glossary and drift rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilingual.cli import app
from tests.browser import chromium

DATA = Path(__file__).parent / "data" / "diff"
TALKS = DATA / "talks"
UPDATE = DATA / "update"
GLOSSARY = DATA / "glossary.csv"

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["diff", *map(str, args)])


@pytest.fixture(scope="module")
def talks() -> dict:
    res = run(TALKS / "ru_v1.md", TALKS / "ru_v2.md", "--en", TALKS / "en.md", "-g", GLOSSARY, "-f", "json")
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_versions_aligned_through_the_english(talks):
    # sentences and paragraphs numbered from 1, as in every other output
    rows = [(c["kind"], c["en_sentences"], c["old_sentences"], c["new_sentences"]) for c in talks["changes"]]
    assert rows == [
        ("merged", [1, 2], [1, 2], [1]),      # «…в июне. В Кремле…» -> «…в июне, однако в Кремле…»
        ("reworded", [3], [3], [2]),          # Харьковской -> Харкивской, 21 -> 12
        ("reworded", [4], [4], [3]),          # «Ещё 30 получили» -> «Ещё 30 человек получили»
        ("split", [5], [5], [4, 5]),          # «…в четверг, где обсудят…» -> «…в четверг. Они обсудят…»
        ("unchanged", [6], [6], [6]),
    ]
    assert [(c["en_sentence"], c["old_sentence"], c["new_sentence"]) for c in talks["changes"]][3] == (5, 5, 4)
    assert talks["summary"] == {"unchanged": 1, "reworded": 2, "added": 0, "removed": 0, "split": 1,
                                "merged": 1, "moved": 0}
    assert talks["paragraphs"] == [{"kind": "split", "old_paragraphs": [2], "new_paragraphs": [2, 3]}]


def test_terminal_term_lines_count_sentences_from_1(tmp_path):
    out = tmp_path / "diff.txt"
    res = run(TALKS / "ru_v1.md", TALKS / "ru_v2.md", "--en", TALKS / "en.md", "-g", GLOSSARY, "-o", out)
    assert res.exit_code == 0, res.output
    text = " ".join(out.read_text(encoding="utf-8").split())
    assert "term fixed EN 1 forbidden_variant: «Київом»" in text
    assert "term introduced EN 3 forbidden_variant: «Харкивской»" in text


@pytest.mark.parametrize("side, kind, term, found, en_index", [
    ("fixed", "forbidden_variant", "Kyiv", "Київом", 0),
    ("fixed", "number_mismatch", None, None, 2),
    ("introduced", "forbidden_variant", "Kharkiv", "Харкивской", 2),
])
def test_term_flags_fixed_and_introduced(talks, side, kind, term, found, en_index):
    flags = [f for f in talks["terms"][side] if f["kind"] == kind and f["en_sentence"] == en_index + 1]
    assert len(flags) == 1, talks["terms"]
    if term is not None:
        assert (flags[0]["term"], flags[0]["found"]) == (term, found)


def test_term_flags_are_only_the_differences(talks):
    assert len(talks["terms"]["fixed"]) == 2
    assert len(talks["terms"]["introduced"]) == 1


def test_word_diff_of_a_fixed_number(talks):
    ops = [(p["op"], p["text"]) for p in talks["changes"][1]["word_diff"]]
    assert ("delete", "21") in ops and ("insert", "12") in ops
    assert ("delete", "Харьковской") in ops and ("insert", "Харкивской") in ops


def test_table_in_a_file_marks_words_without_colour(tmp_path):
    out = tmp_path / "diff.txt"
    res = run(TALKS / "ru_v1.md", TALKS / "ru_v2.md", "--en", TALKS / "en.md", "-o", out)
    assert res.exit_code == 0, res.output
    text = out.read_text(encoding="utf-8")
    assert "[-Київом-]{+Киевом+}" in text
    assert "[-21-]{+12+}" in text
    # the terminal counts sentences and paragraphs from 1, as the JSON and HTML do
    assert "paragraph split: old 2 → new 2,3" in text
    assert "5   │   5 │ 4,5 │ split" in text
    assert "\x1b[" not in text
    assert "unchanged" not in text.split("change(s):")[0]  # unchanged rows only with --all
    res = run(TALKS / "ru_v1.md", TALKS / "ru_v2.md", "--all", "-o", out)
    assert res.exit_code == 0, res.output
    assert "Дипломаты ожидают нового пакета помощи." in out.read_text(encoding="utf-8")


def test_same_file_is_unchanged_and_exit_code(tmp_path):
    res = run(TALKS / "ru_v1.md", TALKS / "ru_v1.md", "--exit-code", "-f", "json")
    assert res.exit_code == 0, res.output
    kinds = {c["kind"] for c in json.loads(res.stdout)["changes"]}
    assert kinds == {"unchanged"}
    assert run(TALKS / "ru_v1.md", TALKS / "ru_v2.md", "--exit-code", "-f", "json").exit_code == 1


@pytest.fixture(scope="module")
def stale() -> list[dict]:
    res = run(UPDATE / "en_v1.md", UPDATE / "en_v2.md", "--ru", UPDATE / "ru.md", "-f", "json")
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)["stale"]


def test_stale_translations(stale):
    rows = [(s["reason"], s["ru_sentences"], s["old_en_sentences"], s["new_en_sentences"]) for s in stale]
    assert rows == [
        ("reworded", [1], [1], [1]),  # killing 3 -> 5 people; the Russian still says 3
        ("added", [], [], [3]),       # Rescuers are still searching...: nothing to reuse
        ("removed", [4], [4], []),    # He said allies would send...: the Russian must go
    ]
    assert [s["ru_sentence"] for s in stale] == [1, None, 4]
    assert stale[0]["ru_text"].startswith("Российские беспилотники ночью атаковали Харьков, погибли 3")


def test_stale_retranslated_sentence_is_not_listed(tmp_path):
    ru = (UPDATE / "ru.md").read_text(encoding="utf-8").replace("погибли 3 человека", "погибли 5 человек")
    (tmp_path / "ru.md").write_text(ru, encoding="utf-8")
    res = run(UPDATE / "en_v1.md", UPDATE / "en_v2.md", "--ru", tmp_path / "ru.md", "-f", "json")
    assert res.exit_code == 0, res.output
    assert [s["reason"] for s in json.loads(res.stdout)["stale"]] == ["added", "removed"]


@pytest.mark.parametrize("args, message", [
    (["missing.md", TALKS / "ru_v2.md"], "missing.md"),
    ([TALKS / "ru_v1.md", TALKS / "ru_v2.md", "-g", GLOSSARY], "--glossary needs --en"),
    ([UPDATE / "en_v1.md", UPDATE / "en_v2.md", "--ru", UPDATE / "ru.md", "--en", TALKS / "en.md"],
     "don't go together"),
    ([UPDATE / "en_v1.md", UPDATE / "en_v2.md", "--ru", UPDATE / "ru.md", "-f", "html"], "table or json"),
    ([TALKS / "ru_v1.md", TALKS / "ru_v2.md", "--en", TALKS / "ru_v1.md"], "expected English, detected Russian"),
    ([UPDATE / "en_v1.md", TALKS / "ru_v2.md"], "different languages (en, ru)"),
    ([UPDATE / "en_v1.md", UPDATE / "en_v2.md", "--ru", UPDATE / "en_v1.md"], "expected Russian, detected English"),
    ([TALKS / "ru_v1.md", TALKS / "ru_v2.md", "--en", TALKS / "en.md", "-g", DATA / "missing.csv"], "missing.csv"),
])
def test_bad_input_is_one_line_and_no_output(tmp_path, args, message):
    out = tmp_path / "out.txt"  # no format in the name: the error is the input's
    res = runner.invoke(app, ["diff", *map(str, args), "-o", str(out)])
    assert res.exit_code == 2
    assert message in res.output
    assert res.output.startswith("error: ") and res.output.count("\n") == 1
    assert "Traceback" not in res.output
    assert not out.exists() and not list(tmp_path.iterdir())


PAYLOAD = '<script>window.__pwned = 1;</script> & "quotes" <img src=x onerror="window.__pwned=2">'


@pytest.fixture()
def payload_pair(tmp_path) -> tuple[Path, Path]:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text(f"Путин прибыл в Минск. В Харькове погибли 12 человек {PAYLOAD}.\n", encoding="utf-8")
    new.write_text(f"Путин прибыл в Минск. В Харькове погибли 15 человек {PAYLOAD}.\n", encoding="utf-8")
    return old, new


def test_html_escapes_every_text(payload_pair, tmp_path):
    old, new = payload_pair
    out = tmp_path / "diff.html"
    res = run(old, new, "-f", "html", "-o", out)
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;" in page and "&#34;quotes&#34;" in page  # markupsafe escapes " as &#34;
    assert "<del>12</del>" in page and "<ins>15</ins>" in page
    assert page.count('<tr id="c') == 2


@pytest.mark.browser
@pytest.mark.slow
def test_html_diff_in_headless_chromium(payload_pair, tmp_path):
    old, new = payload_pair
    out = tmp_path / "diff.html"
    assert run(old, new, "-f", "html", "-o", out).exit_code == 0
    driver = chromium()
    try:
        driver.get(out.as_uri())
        assert driver.execute_script("return window.__pwned === undefined")
        assert not driver.find_elements("css selector", "img, script")
        headers = [th.text for th in driver.find_elements("css selector", "table.diff th")]
        assert headers == ["change", "old", "new"]  # no English column without --en
        assert [d.text for d in driver.find_elements("css selector", "td.old del")] == ["12"]
        assert [i.text for i in driver.find_elements("css selector", "td.new ins")] == ["15"]
        assert driver.find_element("css selector", "tr.reworded td.old").text.endswith(
            '<script>window.__pwned = 1;</script> & "quotes" <img src=x onerror="window.__pwned=2">.')
    finally:
        driver.quit()
