"""Hostile-but-ordinary input, file formats: XLIFF inline tags, Hugo's TOML front matter, Word's
tracked changes / content controls / text boxes / fields, PO plurals, decomposed Unicode, inner
capitals, damaged Word files, formula cells in TSV.

Each row is a file a translator's or editor's tool writes every day; ``check`` must see its text,
``fix`` must correct it in place and leave every other byte of the structure alone.
"""

from __future__ import annotations

import io
import json
import time
import unicodedata
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from .helpers import SMALL_GLOSSARY
from .hostile_kit import EN, RU, build, one_error_line, run

X12 = ('<?xml version="1.0" encoding="UTF-8"?>\n'
       '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
       '<file original="a.md" source-language="en" target-language="ru" datatype="plaintext"><body>\n'
       '<trans-unit id="1"><source>{en}</source><target>{ru}</target></trans-unit>\n'
       '</body></file></xliff>\n')
X20 = ('<?xml version="1.0" encoding="UTF-8"?>\n'
       '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru">\n'
       '<file id="f"><unit id="u1"><segment><source>{en}</source><target>{ru}</target></segment></unit>'
       '</file></xliff>\n')

# id: (template, source, target, what the fixed target must read as text, markup that must stay)
XLIFF = {
    "1.2 <x/> and an entity": (X12, 'Sanctions against <x id="1"/>Moldova &amp; Georgia.',
                               'Санкции против <x id="1"/>Молдавии &amp; Грузии.',
                               "Санкции против Молдовы & Грузии.", '<x id="1"/>'),
    "1.2 <x equiv-text>": (X12, 'Sanctions against <x id="1" equiv-text="&lt;br/&gt;"/>Moldova.',
                           'Санкции против <x id="1" equiv-text="&lt;br/&gt;"/>Молдавии.',
                           "Санкции против Молдовы.", 'equiv-text="&lt;br/&gt;"'),
    "2.0 <ph disp>": (X20, 'Sanctions against <ph id="1" disp="&lt;b&gt;"/>Moldova.',
                      'Санкции против <ph id="1" disp="&lt;b&gt;"/>Молдавии.',
                      "Санкции против Молдовы.", 'disp="&lt;b&gt;"'),
    "1.2 a name inside <g>": (X12, 'Strikes on <g id="1">Kharkiv</g> continued.',
                              'Удары по <g id="1">Харкив</g> продолжились.',
                              "Удары по Харькову продолжились.", '<g id="1">'),
    "2.0 a name inside <pc>": (X20, 'Elections in <pc id="1">Moldova</pc> are near.',
                               'Выборы в <pc id="1">Молдавии</pc> близко.',
                               "Выборы в Молдове близко.", '<pc id="1">'),
    "an attribute and a comment stay": (X12, 'Sanctions against <g id="1" ctype="x-Moldavia">Moldova</g>.',
                                        'Санкции <!-- в Молдавии --> против <g id="1" ctype="x-Молдавии">'
                                        'Молдавии</g>.',
                                        "Санкции  против Молдовы.", 'ctype="x-Молдавии"'),
}


def _target(data: bytes) -> etree._Element:
    root = etree.fromstring(data)  # raises on a file that is not well-formed
    return next(e for e in root.iter() if isinstance(e.tag, str) and etree.QName(e).localname == "target")


def _text(el) -> str:
    return el.xpath("string(.)")  # the text of the element and its inline tags, comments left out


@pytest.mark.parametrize("kind", list(XLIFF))
def test_fix_on_xliff_edits_text_nodes_and_reads_across_inline_tags(kind, tmp_path):
    template, en, ru, want, markup = XLIFF[kind]
    root = build(tmp_path / "x", {"a.xlf": template.format(en=en, ru=ru), "g.csv": SMALL_GLOSSARY})
    result = run(["fix", "a.xlf", "-g", "g.csv", "--in-place", "--no-backup"], root)
    assert result.returncode == 0, result.stderr
    data = (root / "a.xlf").read_bytes()
    target = _target(data)
    assert _text(target) == want, data.decode()
    assert markup in data.decode()
    if "comment" in kind:
        assert "<!-- в Молдавии -->" in data.decode()


def test_fix_on_unclosed_xliff_is_refused_quickly(tmp_path):
    body = "<target>Молдавия " * 40_000  # 680 KB of unclosed targets
    root = build(tmp_path / "x", {"a.xlf": X12.format(en="Moldova", ru="Молдавия") + body,
                                  "g.csv": SMALL_GLOSSARY})
    started = time.monotonic()
    result = run(["fix", "a.xlf", "-g", "g.csv"], root, timeout=60)
    assert time.monotonic() - started < 15
    one_error_line(result, "a.xlf", "not well-formed")


# --- Hugo's TOML front matter (+++ ... +++) is front matter, not text
TOML = ('+++\ntitle = "Удары по Харкові: по словам чиновников, в городе погибли люди"\n'
        'description = "Российские ракеты снова ударили по Харкові ночью"\n'
        'slug = "udary-po-harkovi"\naliases = ["/ru/harkovi/"]\ntags = ["Харкові", "Київ"]\n+++\n\n')


def test_fix_leaves_toml_front_matter_alone(tmp_path):
    ru = TOML + RU.replace("в Харькове", "в Харкові")
    root = build(tmp_path / "a", {"en.md": EN, "ru.md": ru, "g.csv": SMALL_GLOSSARY})
    result = run(["fix", "ru.md", "-g", "g.csv", "--in-place", "--no-backup"], root)
    assert result.returncode == 0, result.stderr
    fixed = (root / "ru.md").read_text(encoding="utf-8")
    assert fixed.startswith(TOML), fixed
    assert "в Харькове погиб" in fixed


def test_check_does_not_read_toml_front_matter_as_a_sentence(tmp_path):
    en_toml = '+++\ntitle = "Kharkiv"\nslug = "strikes-on-kharkiv"\n+++\n\n'
    root = build(tmp_path / "a", {"en.md": en_toml + EN, "ru.md": TOML + RU})
    result = run(["align", "en.md", "ru.md", "-f", "tsv"], root)
    assert result.returncode == 0, result.stderr
    assert "slug" not in result.stdout and "+++" not in result.stdout, result.stdout
    assert "Путин встретился" in result.stdout


# --- Word: text in tracked insertions, content controls, text boxes and simple fields is text
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(tmp_path: Path, paragraph_xml: str) -> Path:
    """A .docx whose body is two ordinary paragraphs and one paragraph written as raw WordprocessingML."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("Путин встретился с чиновниками в Киеве в понедельник.")
    doc.add_paragraph("Министры стран НАТО встретятся в Брюсселе в четверг.")
    raw = etree.fromstring(f'<w:p xmlns:w="{W}">{paragraph_xml}</w:p>')
    doc.element.body.insert(len(doc.element.body) - 1, raw)
    path = tmp_path / "ru.docx"
    doc.save(path)
    return path


def _r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


WORD = {
    "tracked insertion w:ins": _r("По словам чиновников, ") + f'<w:ins w:id="1" w:author="ed" w:date="2025-01-01T00:00:00Z">'
                               + _r("в Харкові погиб") + "</w:ins>" + _r(" 21 человек."),
    "content control w:sdt": _r("По словам чиновников, ") + "<w:sdt><w:sdtContent>" + _r("в Харкові погиб")
                             + "</w:sdtContent></w:sdt>" + _r(" 21 человек."),
    "simple field w:fldSimple": _r("По словам чиновников, ") + '<w:fldSimple w:instr="DOCPROPERTY City">'
                                + _r("в Харкові погиб") + "</w:fldSimple>" + _r(" 21 человек."),
}


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    return "".join(root.xpath("//w:t/text()", namespaces={"w": W}))


@pytest.mark.parametrize("kind", list(WORD))
def test_word_text_in_wrappers_is_checked_and_fixed(kind, tmp_path):
    root = build(tmp_path / "a", {"en.md": EN, "g.csv": SMALL_GLOSSARY})
    _docx(root, WORD[kind])
    checked = run(["check", "en.md", "ru.docx", "-g", "g.csv", "-f", "json"], root)
    assert checked.returncode in (0, 1), checked.stderr
    flags = [f for a in json.loads(checked.stdout)["articles"] for f in a["flags"]]
    assert any(f["kind"] == "forbidden_variant" and f.get("found") == "Харкові" for f in flags), flags
    assert not any(f["kind"] == "missing_term" for f in flags), flags
    fixed = run(["fix", "ru.docx", "-g", "g.csv", "--in-place", "--no-backup"], root)
    assert fixed.returncode == 0, fixed.stderr
    text = _docx_text(root / "ru.docx")
    assert "в Харькове погиб" in text and "Харкові" not in text, text


def test_word_text_box_is_read(tmp_path):
    box = ('<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
           '<w:p>' + _r("По словам чиновников, в Харкові погиб 21 человек.") + '</w:p>'
           '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')
    root = build(tmp_path / "a", {"en.md": EN, "g.csv": SMALL_GLOSSARY})
    _docx(root, box)
    checked = run(["check", "en.md", "ru.docx", "-g", "g.csv", "-f", "json"], root)
    assert checked.returncode in (0, 1), checked.stderr
    flags = [f for a in json.loads(checked.stdout)["articles"] for f in a["flags"]]
    assert any(f["kind"] == "forbidden_variant" and f.get("found") == "Харкові" for f in flags), flags


# --- damaged Word files: one line, bounded work
def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def _valid_docx_members(tmp_path: Path) -> dict[str, bytes]:
    from docx import Document

    doc = Document()
    doc.add_paragraph("Путин встретился с чиновниками в Киеве.")
    path = tmp_path / "base.docx"
    doc.save(path)
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


@pytest.mark.parametrize("kind", ["malformed document.xml", "a zip bomb document.xml"])
def test_a_damaged_docx_is_one_line(kind, tmp_path):
    members = _valid_docx_members(tmp_path)
    if kind.startswith("malformed"):
        members["word/document.xml"] = members["word/document.xml"][:-40]
    else:
        members["word/document.xml"] = b"<" + b" " * 400_000_000  # 400 MB that packs into under 1 MB
    root = build(tmp_path / "a", {"en.md": EN, "ru.docx": _zip(members), "g.csv": SMALL_GLOSSARY})
    for args in (["check", "en.md", "ru.docx", "-g", "g.csv"], ["fix", "ru.docx", "-g", "g.csv"]):
        started = time.monotonic()
        result = run(args, root, timeout=120)
        assert time.monotonic() - started < 30
        one_error_line(result, "ru.docx", "")


# --- PO plural forms are Russian text too
PO = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
      '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || '
      'n%100>=20) ? 1 : 2);\\n"\n"Language: ru\\n"\n\n'
      'msgid "%d drone was shot down over Kharkiv"\nmsgid_plural "%d drones were shot down over Kharkiv"\n'
      'msgstr[0] "Над Харьковом сбит %d беспилотник"\nmsgstr[1] "Над Харьковом сбиты %d беспилотника"\n'
      'msgstr[2] "Над Харковом сбито %d беспилотников"\n')


def test_po_plural_forms_are_checked_and_fixed(tmp_path):
    glossary = SMALL_GLOSSARY.replace("Харкив;Харків", "Харкив;Харків;Харков")
    root = build(tmp_path / "p", {"m.po": PO, "g.csv": glossary})
    checked = run(["check", "m.po", "-g", "g.csv", "-f", "json"], root)
    assert checked.returncode == 1, checked.stderr
    flags = [f for a in json.loads(checked.stdout)["articles"] for f in a["flags"]]
    assert any(f["kind"] == "forbidden_variant" and f.get("found") == "Харковом" for f in flags), flags
    assert run(["fix", "m.po", "-g", "g.csv", "--check"], root).returncode == 1
    fixed = run(["fix", "m.po", "-g", "g.csv", "--in-place", "--no-backup"], root)
    assert fixed.returncode == 0, fixed.stderr
    text = (root / "m.po").read_text(encoding="utf-8")
    assert 'msgstr[2] "Над Харьковом сбито %d беспилотников"' in text, text
    assert text.replace("Над Харьковом сбито", "Над Харковом сбито") == PO


# --- Unicode form and letter case
def test_a_decomposed_file_is_fixed_as_it_is_checked(tmp_path):
    ru = unicodedata.normalize("NFD", RU.replace("в Киеве", "в Київі"))
    root = build(tmp_path / "a", {"en.md": EN, "ru.md": ru, "g.csv": SMALL_GLOSSARY})
    checked = run(["check", "en.md", "ru.md", "-g", "g.csv", "-f", "json"], root)
    flags = [f for a in json.loads(checked.stdout)["articles"] for f in a["flags"]]
    assert any(f["kind"] == "forbidden_variant" for f in flags), flags
    fixed = run(["fix", "ru.md", "-g", "g.csv", "-f", "json"], root)
    assert fixed.returncode == 0, fixed.stderr
    changes = json.loads(fixed.stdout)["changes"]
    assert [unicodedata.normalize("NFC", c["new"]) for c in changes] == ["Киеве"], changes


def test_an_inner_capital_is_kept(tmp_path):
    glossary = SMALL_GLOSSARY + "Cote d'Ivoire,Кот-д’Ивуар,country,,Берег Слоновой Кости,\n"
    en = "Talks were held in Cote d'Ivoire on Monday.\n"
    ru = "Переговоры прошли в Береге Слоновой Кости в понедельник.\n"
    root = build(tmp_path / "a", {"en.md": en, "ru.md": ru, "g.csv": glossary})
    fixed = run(["fix", "ru.md", "--en", "en.md", "-g", "g.csv", "-f", "json"], root)
    assert fixed.returncode == 0, fixed.stderr
    changes = json.loads(fixed.stdout)["changes"]
    assert [c["new"] for c in changes] == ["Кот-д’Ивуаре"], changes


# --- align's TSV is a spreadsheet file too
def test_align_tsv_neutralises_formula_cells(tmp_path):
    en = "=HYPERLINK(\"http://evil.example\") is what officials in Kyiv posted.\n\n" + EN
    ru = "=HYPERLINK(\"http://evil.example\") — вот что опубликовали чиновники в Киеве.\n\n" + RU
    root = build(tmp_path / "a", {"en.md": en, "ru.md": ru})
    result = run(["align", "en.md", "ru.md", "-f", "tsv"], root)
    assert result.returncode == 0, result.stderr
    cells = [c for line in result.stdout.splitlines() for c in line.split("\t")]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")], cells
    assert any("HYPERLINK" in c for c in cells)
