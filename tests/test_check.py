"""`bilingual check` end to end: pairing, exit codes, the JSON contract, archive-wide rules."""

from __future__ import annotations

import json
import re

import pytest

from typer.testing import CliRunner

from bilingual import check
from bilingual.cli import app
from tests.helpers import GLOSSARY_HEADER, write_article, write_glossary

runner = CliRunner()

CLEAN_EN = "# Talks\n\nVladimir Putin spoke with Donald Trump for two hours.\n\nThe talks took place in Kyiv in 2025.\n"
CLEAN_RU = "# Переговоры\n\nВладимир Путин два часа говорил с Дональдом Трампом.\n\nПереговоры прошли в Киеве в 2025 году.\n"


def run(*args):
    return runner.invoke(app, ["check", *map(str, args)])


def test_clean_corpus_exits_0(tmp_path):
    write_article(tmp_path / "corpus", "talks", CLEAN_EN, CLEAN_RU)
    res = run(tmp_path / "corpus", "-g", write_glossary(tmp_path))
    assert res.exit_code == 0, res.output
    assert "0 flags" in res.output


def test_flags_exit_1_and_fail_on_gates_by_level(tmp_path):
    corpus = tmp_path / "corpus"
    write_article(corpus, "extra", "The leader spoke.\n", "Путин выступил.\n")  # extra_term: info
    g = write_glossary(tmp_path)
    assert run(corpus, "-g", g).exit_code == 1
    assert run(corpus, "-g", g, "--fail-on", "warning").exit_code == 0


def test_json_contract(tmp_path):
    corpus = tmp_path / "corpus"
    write_article(corpus, "moldova", "Moldova wants to join the EU.\n", "Молдавия хочет вступить в ЕС.\n")
    res = run(corpus, "-g", write_glossary(tmp_path), "--format", "json")
    assert res.exit_code == 1
    data = json.loads(res.stdout)
    assert set(data["signature"]) >= {"version", "segmenters", "aligner", "glossary_sha256"}
    (article,) = data["articles"]
    assert set(article) >= {"slug", "en_path", "ru_path", "flags"}
    (flag,) = article["flags"]
    assert set(flag) >= {"id", "kind", "en_sentence", "ru_sentence", "en_text", "ru_text", "term", "expected", "found",
                         "message", "explanation", "suggestion"}
    assert (flag["en_sentence"], flag["ru_sentence"]) == (1, 1)  # sentences are numbered from 1 everywhere
    assert re.fullmatch(r"[0-9a-f]{10}", flag["id"])
    assert flag["explanation"] == {"rule": "forbidden_variant", "cue": flag["explanation"]["cue"],
                                   "en": "Moldova (glossary: «Молдова»)", "ru": "«Молдавия»"}
    assert "forbids Молдавия" in flag["explanation"]["cue"]
    assert (flag["kind"], flag["term"], flag["expected"], flag["found"]) == (
        "forbidden_variant", "Moldova", "Молдова", "Молдавия")


def test_unreadable_article_is_reported_while_others_run(tmp_path):
    corpus = tmp_path / "corpus"
    write_article(corpus, "good", CLEAN_EN, CLEAN_RU)
    lonely = corpus / "lonely"
    lonely.mkdir()
    (lonely / "en.md").write_text("Putin spoke.\n", encoding="utf-8")
    swapped = write_article(corpus, "swapped", CLEAN_RU, CLEAN_EN)
    res = run(corpus, "-g", write_glossary(tmp_path), "--format", "json")
    assert res.exit_code == 2
    data = json.loads(res.stdout)
    by_slug = {a["slug"]: a for a in data["articles"]}
    assert "error" not in by_slug["good"]
    assert "lonely" in by_slug["lonely"]["error"] and "ru" in by_slug["lonely"]["error"]
    assert str(swapped) in by_slug["swapped"]["error"] and "swapped" in by_slug["swapped"]["error"]
    assert "Traceback" not in res.output


@pytest.mark.parametrize("options, written", [
    (["--no-cache"], set()),
    ([], {".bilingual", ".bilingual/check.sqlite", ".bilingual/check.sqlite-wal", ".bilingual/check.sqlite-shm"}),
])
def test_check_never_writes_into_the_articles(tmp_path, options, written):
    """The articles are never touched; the only thing written in the corpus is the check cache."""
    corpus = tmp_path / "corpus"
    write_article(corpus, "talks", CLEAN_EN, CLEAN_RU)
    before = sorted((p, p.stat().st_mtime_ns) for p in corpus.rglob("*"))
    for fmt in ("table", "json", "csv", "html"):
        run(corpus, "-g", write_glossary(tmp_path), "--format", fmt, *options)
    after = sorted((p, p.stat().st_mtime_ns) for p in corpus.rglob("*") if ".bilingual" not in p.parts)
    assert after == before
    assert {str(p.relative_to(corpus)) for p in corpus.rglob("*") if ".bilingual" in p.parts} <= written


def test_bad_glossary_is_one_line_exit_2(tmp_path):
    write_article(tmp_path / "corpus", "talks", CLEAN_EN, CLEAN_RU)
    g = tmp_path / "g.csv"
    g.write_text("en,ru,type,variants,forbidden\nKyiv,Киев,city,,\n", encoding="utf-8")
    res = run(tmp_path / "corpus", "-g", g)
    assert res.exit_code == 2
    assert res.output.count("\n") == 1 and str(g) in res.output and "Traceback" not in res.output


def test_two_files_form(tmp_path):
    folder = write_article(tmp_path, "talks", CLEAN_EN, CLEAN_RU)
    res = run(folder / "en.md", folder / "ru.md", "-g", write_glossary(tmp_path))
    assert res.exit_code == 0, res.output


def test_html_and_csv_go_to_file_atomically(tmp_path):
    corpus = tmp_path / "corpus"
    write_article(corpus, "moldova", "Moldova wants to join the EU.\n", "Молдавия хочет вступить в ЕС.\n")
    out = tmp_path / "flags.csv"
    assert run(corpus, "-g", write_glossary(tmp_path), "--format", "csv", "-o", out).exit_code == 1
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("id,slug,kind,level,status,reason")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".flags.csv")] == []


# --- one name rendered many ways across the archive, ordered by date ------------------------

PEZ_EN = "Iranian President Masoud Pezeshkian spoke with Putin on Friday.\n"


def _archive(tmp_path, renderings):
    corpus = tmp_path / "corpus"
    for day, ru_name in enumerate(renderings, start=1):
        write_article(corpus, f"a{day}", PEZ_EN,
                      f"Президент Ирана Масуд {ru_name} в пятницу поговорил с Путиным.\n", date=f"2025-06-0{day}")
    return corpus


def test_inconsistent_rendering_across_archive(tmp_path):
    corpus = _archive(tmp_path, ["Пезешкиан", "Пезешкиан", "Пезешкиян"])
    report = check([corpus], write_glossary(tmp_path))
    flags = [(a.pair.slug, f.found) for a in report.articles for f in a.flags if f.kind == "inconsistent_rendering"]
    assert flags == [("a1", "Пезешкиан"), ("a2", "Пезешкиан"), ("a3", "Пезешкиян")]
    a3 = next(f for a, f in report.flags if a.pair.slug == "a3")
    assert "«Пезешкиан» (a1, 2025-06-01)" in a3.message


def test_case_forms_are_one_rendering(tmp_path):
    corpus = tmp_path / "corpus"
    write_article(corpus, "a1", PEZ_EN, "Президент Ирана Масуд Пезешкиан в пятницу поговорил с Путиным.\n",
                  date="2025-06-01")
    write_article(corpus, "a2", "Putin thanked Masoud Pezeshkian for the call.\n",
                  "Путин поблагодарил Масуда Пезешкиана за звонок.\n", date="2025-06-02")
    report = check([corpus], write_glossary(tmp_path))
    assert [f for _, f in report.flags] == []


def test_glossary_term_rendered_two_wrong_ways(tmp_path):
    corpus = tmp_path / "corpus"
    g = write_glossary(tmp_path, GLOSSARY_HEADER + "Zelensky,Зеленский,person,,,\nPutin,Путин,person,,,\n")
    write_article(corpus, "a1", "Zelensky met Putin.\n", "Зеленський встретился с Путиным.\n", date="2025-06-01")
    write_article(corpus, "a2", "Zelensky met Putin.\n", "Зелинский встретился с Путиным.\n", date="2025-06-02")
    report = check([corpus], g)
    kinds = sorted((a.pair.slug, f.kind) for a, f in report.flags)
    assert kinds == [("a1", "inconsistent_rendering"), ("a1", "missing_term"),
                     ("a2", "inconsistent_rendering"), ("a2", "missing_term")]
