"""Aligned sentences as an XLIFF 1.2 file, one ``trans-unit`` per link.

Units carry the link's English and Russian sentences joined with a space; a
link with no Russian side is a unit with no target (work left to do), a link
with no English side has no source to translate and is left out. Each unit's
note records the sentence indices and the link's confidence, as in the TMX
output, and ``<file original>`` names the English article.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Link
from .tmx import _note

NS = "urn:oasis:names:tc:xliff:document:1.2"


def to_xliff(en: Sequence[str], ru: Sequence[str], links: Sequence[Link], *, original: str = "article",
             src_lang: str = "en", tgt_lang: str = "ru") -> bytes:
    """The links as an XLIFF 1.2 document (UTF-8 bytes)."""
    from lxml import etree

    root = etree.Element(f"{{{NS}}}xliff", nsmap={None: NS}, version="1.2")
    file_el = etree.SubElement(root, f"{{{NS}}}file", original=original, datatype="plaintext")
    file_el.set("source-language", src_lang)
    file_el.set("target-language", tgt_lang)
    body = etree.SubElement(file_el, f"{{{NS}}}body")
    n = 0
    for link in links:
        if not link.en:
            continue
        n += 1
        unit = etree.SubElement(body, f"{{{NS}}}trans-unit", id=str(n))
        unit.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        etree.SubElement(unit, f"{{{NS}}}source").text = " ".join(en[i] for i in link.en)
        if link.ru:
            target = etree.SubElement(unit, f"{{{NS}}}target", state="translated")
            target.text = " ".join(ru[j] for j in link.ru)
        note = etree.SubElement(unit, f"{{{NS}}}note")
        note.set("from", "bilingual")
        note.text = _note(link)
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
