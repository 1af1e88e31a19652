"""Paragraphs in another language than Russian, which ``fix`` leaves alone."""

from __future__ import annotations


def other_language_paragraphs(doc, enforcer) -> dict[int, str]:
    """Paragraph index -> language, for paragraphs in a language other than Russian.

    The glossary's Russian forms are not for a quotation in Ukrainian or an English passage:
    «Харкові» there stays as written. A Russian paragraph dense with Ukrainian spellings of names
    (the very forms fix corrects) can read as Ukrainian, so a paragraph's language is judged
    again with its forbidden forms taken out: «Встреча прошла в Києві.» is Russian.
    """
    from ..sources import langid
    from ..sources.corpus import PARAGRAPH_SAMPLE

    out = {}
    for p in doc.paragraphs:
        if p.lang in (None, "ru"):
            continue
        text, last = [], 0
        for hit in enforcer.matcher.find_ru(p.text):
            if hit.kind == "forbidden":
                text.append(p.text[last:hit.start])
                last = hit.stop
        text.append(p.text[last:])
        lang = langid.detect(" ".join(text), frozenset({"en", "ru", "uk"}), PARAGRAPH_SAMPLE)
        if lang not in (None, "ru"):
            out[p.idx] = lang
    return out
