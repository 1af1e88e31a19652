"""XLIFF 1.2 / 2.0 and PO files built from a shipped corpus article's alignment: one unit per
link, so a CAT-file check can be held against the Markdown check of the same article."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from bilingual.align import align_files
from bilingual.glossary import load_glossary
from bilingual.report.tmx import _note
from bilingual.report.xliff import to_xliff

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GLOSSARY = ROOT / "glossary.csv"


def article_units(slug: str):
    """(alignment result, [(unit id, source, target, note)]) for the links with an English side."""
    result = align_files(CORPUS / slug / "en.md", CORPUS / slug / "ru.md", glossary=load_glossary(GLOSSARY))
    en, ru = result.en_doc.sentence_texts, result.ru_doc.sentence_texts
    units = []
    for link in result.links:
        if link.en:
            units.append((str(len(units) + 1), " ".join(en[i] for i in link.en),
                          " ".join(ru[j] for j in link.ru), _note(link)))
    return result, units


def write_xliff12(slug: str, path: Path) -> Path:
    result, _ = article_units(slug)
    path.write_bytes(to_xliff(result.en_doc.sentence_texts, result.ru_doc.sentence_texts, result.links,
                              original=f"corpus/{slug}/en.md"))
    return path


def write_xliff20(slug: str, path: Path, states: dict[str, str] | None = None) -> Path:
    _, units = article_units(slug)
    rows = ['<?xml version="1.0" encoding="UTF-8"?>',
            '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru">',
            f'  <file id="{slug}">']
    for uid, source, target, note in units:
        state = (states or {}).get(uid)
        rows.append(f'    <unit id="u{uid}">')
        rows.append(f'      <notes><note category="bilingual">{escape(note)}</note></notes>')
        rows.append(f'      <segment{f" state={chr(34)}{state}{chr(34)}" if state else ""}>')
        rows.append(f"        <source>{escape(source)}</source>")
        if target:
            rows.append(f"        <target>{escape(target)}</target>")
        rows += ["      </segment>", "    </unit>"]
    rows += ["  </file>", "</xliff>", ""]
    path.write_text("\n".join(rows), encoding="utf-8")
    return path


def _po_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_po(slug: str, path: Path, fuzzy: set[str] = frozenset()) -> Path:
    _, units = article_units(slug)
    rows = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', '"Language: ru\\n"', ""]
    for uid, source, target, note in units:
        rows.append(f"#. {note}")
        rows.append(f"#: corpus/{slug}/en.md:{uid}")
        if uid in fuzzy:
            rows.append("#, fuzzy")
        rows += [f"msgid {_po_string(source)}", f"msgstr {_po_string(target)}", ""]
    path.write_text("\n".join(rows), encoding="utf-8")
    return path
