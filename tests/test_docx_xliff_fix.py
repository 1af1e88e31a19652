"""Word documents read like Markdown articles; `fix` on .docx and XLIFF rewrites only the names."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from bilingual.cli import app
from bilingual.sources.corpus import read_document
from bilingual.checks.pipeline import check

from .catfile_builder import write_xliff12, write_xliff20
from .docx_builder import write_docx

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GLOSSARY = ROOT / "glossary.csv"
runner = CliRunner()

SLUGS = ["moldova-georgia-nato", "nato-open-door-bucharest", "putin-nato-pledge", "strikes-kharkiv-sumy"]


def _flags(article):
    return sorted((f.kind, f.en_index, f.ru_index, f.term, f.found) for f in article.flags)


@pytest.mark.parametrize("slug", SLUGS)
def test_docx_article_gives_the_markdown_flags(tmp_path, slug):
    folder = tmp_path / slug
    folder.mkdir()
    write_docx(slug, "en", folder / "en.docx")
    write_docx(slug, "ru", folder / "ru.docx")
    got = check([folder], GLOSSARY).articles[0]
    expected = check([CORPUS / slug], GLOSSARY).articles[0]
    assert got.error is None
    assert _flags(got) == _flags(expected) and got.flags


def test_docx_headings_by_style_and_no_header_footer_or_comment(tmp_path):
    doc = read_document(write_docx("moldova-georgia-nato", "ru", tmp_path / "ru.docx"), "ru")
    markdown = read_document(CORPUS / "moldova-georgia-nato" / "ru.md", "ru")
    assert [(p.text, p.heading) for p in doc.paragraphs] == [(p.text, p.heading) for p in markdown.paragraphs]
    for chrome in ("Newsroom draft", "Page 1 of 1", "check the name"):
        assert chrome not in doc.text


@pytest.mark.parametrize("data, message", [
    (b"not a zip at all", "not a readable Word document"),
    (b"PK\x03\x04broken", "not a readable Word document"),
])
def test_bad_docx_is_one_line(tmp_path, data, message):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "en.md").write_text("# Putin\n\nPutin spoke.\n", encoding="utf-8")
    (tmp_path / "a" / "ru.docx").write_bytes(data)
    res = runner.invoke(app, ["check", str(tmp_path / "a"), "-g", str(GLOSSARY)])
    assert res.exit_code == 2
    assert message in res.output and "Traceback" not in res.output


def _runs(path):
    return [[(r.text, r.bold, r.font.color.rgb) for r in p.runs] for p in docx.Document(str(path)).paragraphs]


def test_fix_docx_keeps_the_runs_formatting(tmp_path):
    en = write_docx("moldova-georgia-nato", "en", tmp_path / "en.docx")
    ru = write_docx("moldova-georgia-nato", "ru", tmp_path / "ru.docx", bold="Молдавии")
    out = tmp_path / "fixed.docx"
    res = runner.invoke(app, ["fix", str(ru), "--en", str(en), "-g", str(GLOSSARY), "-o", str(out)])
    assert res.exit_code == 0, res.output
    before, after = _runs(ru), _runs(out)
    changed = [(b, a) for b, a in zip(before, after) if b != a]
    assert len(before) == len(after) and len(changed) == 1
    old_runs, new_runs = changed[0]
    red = docx.shared.RGBColor(0xC0, 0, 0)
    assert [r[1:] for r in new_runs] == [r[1:] for r in old_runs]  # same runs, same formatting
    assert [r[0] for r in new_runs] == [r[0].replace("Молдавии", "Молдовы") for r in old_runs]
    assert ("Молдовы", True, red) in new_runs and (" с Украиной.", None, None) in new_runs
    assert docx.Document(str(out)).sections[0].header.paragraphs[0].text == "Newsroom draft — not for publication"
    assert check([en, out], GLOSSARY).articles[0].flags == ()


@pytest.mark.parametrize("writer", [write_xliff12, write_xliff20], ids=["1.2", "2.0"])
def test_fix_xliff_changes_only_the_target_text(tmp_path, writer):
    path = writer("moldova-georgia-nato", tmp_path / "m.xlf")
    out = tmp_path / "fixed.xlf"
    res = runner.invoke(app, ["fix", str(path), "-g", str(GLOSSARY), "-o", str(out)])
    assert res.exit_code == 0, res.output
    old, new = path.read_text(encoding="utf-8"), out.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(old.splitlines(), new.splitlines()) if a != b]
    assert len(old.splitlines()) == len(new.splitlines())
    assert len(changed) == 1
    a, b = changed[0]
    assert "<target" in a and "границе Молдавии с Украиной" in a
    assert b == a.replace("Молдавии", "Молдовы")
    assert check([out], GLOSSARY).articles[0].flags == ()


def test_fix_xliff_leaves_sources_notes_and_alt_trans_alone(tmp_path):
    path = tmp_path / "a.xlf"
    path.write_text(
        '<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file original="a" source-language="en" target-language="ru" datatype="plaintext"><body>\r\n'
        '<trans-unit id="t1"><source>Moldova &amp; Ukraine</source>'
        '<target>Молдавия &amp; <g id="1">Украина</g></target>'
        '<alt-trans><target>Молдавия</target></alt-trans><note>Молдавия</note></trans-unit>\r\n'
        '</body></file></xliff>\r\n', encoding="utf-8", newline="")
    out = tmp_path / "out.xlf"
    res = runner.invoke(app, ["fix", str(path), "-g", str(GLOSSARY), "-o", str(out)])
    assert res.exit_code == 0, res.output
    old, new = path.read_bytes().decode(), out.read_bytes().decode()
    assert new == old.replace("<target>Молдавия &amp;", "<target>Молдова &amp;")


@pytest.mark.parametrize("style, heading", [
    ("Heading 1", True),
    ("Title", True),
    ("Headline (house)", True),  # a custom style based on Heading 1
    ("Normal", False),
    ("Quote", False),
])
def test_heading_by_paragraph_style(tmp_path, style, heading):
    from docx.enum.style import WD_STYLE_TYPE

    doc = docx.Document()
    if style == "Headline (house)":
        custom = doc.styles.add_style(style, WD_STYLE_TYPE.PARAGRAPH)
        custom.base_style = doc.styles["Heading 1"]
    doc.add_paragraph("Putin and Trump", style=style)
    doc.add_paragraph("Putin spoke to Trump on Tuesday.")
    doc.save(str(tmp_path / "en.docx"))
    paragraphs = read_document(tmp_path / "en.docx", "en").paragraphs
    assert [p.heading for p in paragraphs] == [heading, False]


class _Run:
    def __init__(self, text):
        self.text = text


@pytest.mark.parametrize("runs, start, stop, new, expected", [
    # the name inside one run
    (["на границе Молдавии с Украиной"], 11, 19, "Молдовы", ["на границе Молдовы с Украиной"]),
    # the name is a run of its own (bold): only that run changes
    (["на границе ", "Молдавии", " с Украиной"], 11, 19, "Молдовы", ["на границе ", "Молдовы", " с Украиной"]),
    # the name split over two runs: the new form goes where the old one started
    (["на границе Мол", "давии с Украиной"], 11, 19, "Молдовы", ["на границе Молдовы", " с Украиной"]),
    # over three runs, the middle one emptied
    (["Мол", "да", "вии"], 0, 8, "Молдовы", ["Молдовы", "", ""]),
])
def test_replace_in_runs(runs, start, stop, new, expected):
    from bilingual.fix.formats import _replace_in_runs

    objs = [_Run(t) for t in runs]
    _replace_in_runs(objs, start, stop, new)
    assert [r.text for r in objs] == expected


def test_fix_docx_leaves_a_paragraph_in_ukrainian_alone(tmp_path):
    from bilingual import fix_file, load_glossary

    (tmp_path / "g.csv").write_text("en,ru,type,variants,forbidden,note\nKharkiv,Харьков,city,,Харкив;Харків,\n",
                                    encoding="utf-8")
    russian = "Власти Харкова сообщили, что в Харкиве объявлена воздушная тревога."
    ukrainian = "«Міська влада повідомила, що в Харкові та області оголошено повітряну тривогу до ранку»."
    document = docx.Document()
    for text in (russian, ukrainian):
        document.add_paragraph(text)
    document.save(str(tmp_path / "ru.docx"))
    result = fix_file(tmp_path / "ru.docx", load_glossary(tmp_path / "g.csv"))
    out = tmp_path / "fixed.docx"
    out.write_bytes(result.data)
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts == [russian.replace("Харкова", "Харькова").replace("в Харкиве", "в Харькове"), ukrainian]
    assert [(lang, c.old) for lang, c in result.other_language] == [("uk", "Харкові")]
