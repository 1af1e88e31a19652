"""XLIFF 1.2 / 2.0, PO and TMX files checked unit by unit, against the Markdown check of the
same shipped article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilingual.sources.catfiles import read_units
from bilingual.cli import app
from bilingual.checks.pipeline import check

from .catfile_builder import CORPUS, GLOSSARY, article_units, write_po, write_xliff12, write_xliff20

runner = CliRunner()

# corpus articles with known drift
SLUGS = ["moldova-georgia-nato", "nato-open-door-bucharest", "putin-nato-pledge", "strikes-kharkiv-sumy"]
WRITERS = {"xliff12": (write_xliff12, ".xlf"), "xliff20": (write_xliff20, ".xliff"), "po": (write_po, ".po")}


def _markdown_flags(slug: str) -> list[tuple]:
    """The Markdown check's flags as a CAT file states them: an English sentence left without
    Russian is a unit with an empty target; a Russian sentence with no source has no unit."""
    article = check([CORPUS / slug], GLOSSARY).articles[0]
    kinds = {"omission": "untranslated"}
    return sorted((kinds.get(f.kind, f.kind), f.term, f.found) for f in article.flags if f.kind != "addition")


@pytest.mark.parametrize("fmt", list(WRITERS))
@pytest.mark.parametrize("slug", SLUGS)
def test_cat_file_gives_the_markdown_flags(tmp_path, slug, fmt):
    writer, suffix = WRITERS[fmt]
    path = writer(slug, tmp_path / f"{slug}{suffix}")
    article = check([path], GLOSSARY).articles[0]
    assert article.error is None
    got = sorted((f.kind, f.term, f.found) for f in article.flags)
    assert got == _markdown_flags(slug)
    assert got  # each of these articles has drift


@pytest.mark.parametrize("fmt, unit_of_first", [("xliff12", "1"), ("xliff20", "u1"), ("po", "line 8")])
def test_units_are_named_as_the_file_names_them(tmp_path, fmt, unit_of_first):
    writer, suffix = WRITERS[fmt]
    units = read_units(writer("putin-nato-pledge", tmp_path / f"a{suffix}"))
    assert units[0].id == unit_of_first
    assert units[0].source.startswith("Putin Demands Written NATO Pledge")


def test_po_flag_names_the_line_of_its_msgid(tmp_path):
    path = write_po("moldova-georgia-nato", tmp_path / "m.po")
    flag = check([path], GLOSSARY).articles[0].flags[0]
    assert flag.kind == "forbidden_variant"
    line = int(flag.unit.split()[1])
    assert path.read_text(encoding="utf-8").splitlines()[line - 1].startswith("msgid ")
    assert flag.en_text[:40] in path.read_text(encoding="utf-8").splitlines()[line - 1]


# unit 5 of this article holds «Молдавии», a forbidden rendering; marked unfinished it is not drift
@pytest.mark.parametrize("fmt, marks, kind", [
    ("po", {"fuzzy": {"5"}}, "fuzzy"),
    ("xliff20", {"states": {"5": "initial"}}, "needs_translation"),
])
def test_fuzzy_and_needs_translation_units_are_reported_as_such(tmp_path, fmt, marks, kind):
    writer, suffix = WRITERS[fmt]
    path = writer("moldova-georgia-nato", tmp_path / f"m{suffix}", **marks)
    flags = check([path], GLOSSARY).articles[0].flags
    assert [(f.kind, f.en_index) for f in flags] == [(kind, 4)]


@pytest.mark.parametrize("state, kind", [
    ("needs-translation", "needs_translation"),
    ("new", "needs_translation"),
    ("needs-review-translation", "fuzzy"),
    ("translated", "forbidden_variant"),
])
def test_xliff12_target_states(tmp_path, state, kind):
    path = write_xliff12("moldova-georgia-nato", tmp_path / "m.xlf")
    text = path.read_text(encoding="utf-8")
    marker = '<trans-unit id="5" xml:space="preserve">'
    head, tail = text.split(marker)
    tail = tail.replace('<target state="translated">', f'<target state="{state}">', 1)
    path.write_text(head + marker + tail, encoding="utf-8")
    assert [f.kind for f in check([path], GLOSSARY).articles[0].flags] == [kind]


def test_tmx_units(tmp_path):
    res = runner.invoke(app, ["align", str(CORPUS / "moldova-georgia-nato" / "en.md"),
                              str(CORPUS / "moldova-georgia-nato" / "ru.md"), "-f", "tmx", "-o",
                              str(tmp_path / "m.tmx"), "-g", str(GLOSSARY)])
    assert res.exit_code == 0, res.output
    flags = check([tmp_path / "m.tmx"], GLOSSARY).articles[0].flags
    assert [(f.kind, f.unit) for f in flags] == [("forbidden_variant", "tu 5")]


@pytest.mark.parametrize("fmt", ["json", "csv", "html"])
def test_every_report_names_the_unit(tmp_path, fmt):
    path = write_xliff20("moldova-georgia-nato", tmp_path / "m.xliff")
    res = runner.invoke(app, ["check", str(path), "-g", str(GLOSSARY), "--format", fmt])
    assert res.exit_code == 1, res.output
    if fmt == "json":
        assert json.loads(res.stdout)["articles"][0]["flags"][0]["unit"] == "u5"
    elif fmt == "csv":
        header, row = res.stdout.splitlines()[:2]
        assert dict(zip(header.split(","), row.split(",")))["unit"] == "u5"
    else:
        assert '<span class="unit">unit u5</span>' in res.stdout


def test_align_writes_xliff12_with_notes(tmp_path):
    out = tmp_path / "pair.xlf"
    res = runner.invoke(app, ["align", str(CORPUS / "putin-nato-pledge" / "en.md"),
                              str(CORPUS / "putin-nato-pledge" / "ru.md"), "--format", "xliff", "-o", str(out)])
    assert res.exit_code == 0, res.output
    text = out.read_text(encoding="utf-8")
    assert 'xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"' in text
    _, units = article_units("putin-nato-pledge")
    assert text.count("<trans-unit ") == len(units)
    assert '<note from="bilingual">en=0 ru=0 score=' in text


@pytest.mark.parametrize("name, data, message", [
    ("bad.xlf", b"<xliff version='1.2'><file><body><trans-unit", "not a readable XLIFF file"),
    ("bad.po", b'msgid "a"\nmsgstr "b"\nmsgid\n', "not a readable PO file"),
    ("empty.po", b'msgid ""\nmsgstr ""\n"Language: ru\\n"\n', "no translation units"),
])
def test_bad_cat_file_is_one_line(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    res = runner.invoke(app, ["check", str(path), "-g", str(GLOSSARY)])
    assert res.exit_code == 2
    assert message in res.output and "Traceback" not in res.output


def test_one_name_rendered_two_ways_across_cat_files(tmp_path):
    """The archive-wide rule sees CAT files like articles: Pezeshkian is «Пезешкиан» in one and
    «Пезешкиян» in the other, as in the Markdown pair."""
    files = [write_po("moscow-iran-regime-change", tmp_path / "a.po"),
             write_xliff20("putin-iran-israel-calls", tmp_path / "b.xliff")]
    got = check(files, GLOSSARY)
    expected = check([CORPUS / "moscow-iran-regime-change", CORPUS / "putin-iran-israel-calls"], GLOSSARY)

    def rendering_flags(report):
        return sorted((f.term, f.found) for _, f in report.flags if f.kind == "inconsistent_rendering")

    assert rendering_flags(got) == rendering_flags(expected) != []
    assert all(f.unit for _, f in got.flags)


def test_xliff_units_marked_not_to_translate_are_skipped(tmp_path):
    path = write_xliff12("moldova-georgia-nato", tmp_path / "m.xlf")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('<trans-unit id="5" ', '<trans-unit id="5" translate="no" '), encoding="utf-8")
    units = read_units(path)
    assert "5" not in [u.id for u in units] and len(units) == text.count("<trans-unit ") - 1
    assert check([path], GLOSSARY).articles[0].flags == ()


def test_a_folder_of_cat_files_is_checked_file_by_file(tmp_path):
    write_po("moldova-georgia-nato", tmp_path / "moldova.po")
    (tmp_path / "2025").mkdir()
    write_xliff20("strikes-kharkiv-sumy", tmp_path / "2025" / "strikes.xliff")
    report = check([tmp_path], GLOSSARY)
    assert [(a.pair.slug, [f.kind for f in a.flags]) for a in report.articles] == [
        ("2025/strikes", ["number_mismatch"]), ("moldova", ["forbidden_variant"])]


def test_mining_a_folder_of_xliff_files_proposes_what_the_corpus_gives(tmp_path):
    from bilingual.glossary import load_glossary
    from bilingual.mining.mine import mine

    slugs = sorted(p.name for p in CORPUS.iterdir() if (p / "en.md").exists())
    for slug in slugs:
        write_xliff20(slug, tmp_path / f"{slug}.xliff")
    glossary = load_glossary(GLOSSARY)

    def proposals(paths):
        result = mine(paths, glossary)
        return (sorted((p.en, p.ru, p.variants) for p in result.proposals + result.variations),
                result.articles, result.errors)

    from_xliff, from_corpus = proposals([tmp_path]), proposals([CORPUS])
    assert from_xliff == from_corpus
    assert from_xliff[0] and from_xliff[1] == len(slugs)  # names were proposed, every file was read
