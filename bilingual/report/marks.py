"""Where in a sentence a flag's deviation is: the spans a report marks.

Every kind gets its words marked: the forbidden or stray rendering in the
Russian, the English term a Russian sentence lacks, the numbers that differ on
both sides, and the whole sentence for an omission, an addition or a sentence
left untranslated. Glossary hits are marked too, in a quieter style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

# kinds whose deviation is a whole sentence, and the side it is on
WHOLE_SENTENCE = {"omission": "en", "addition": "ru", "untranslated": "ru", "wrong_language": "ru"}


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    stop: int
    cls: str
    title: str = ""


def _find_all(text: str, needle: str) -> list[tuple[int, int]]:
    if not needle:
        return []
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text, re.IGNORECASE)]


def _sentence_span(texts: list[str], indexes: tuple[int, ...], idx: int | None) -> list[tuple[int, int]]:
    """The span of sentence ``idx`` inside the link's sentences joined by spaces."""
    pos = 0
    for i, t in zip(indexes, texts):
        if idx is None or i == idx:
            return [(pos, pos + len(t))]
        pos += len(t) + 1
    return []


def _numbers(text: str, lang: str, wanted: str | None) -> list[tuple[int, int]]:
    from ..numbers.reader import number_spans

    if not wanted:
        return []
    values = {v.strip() for v in wanted.split(",")}
    return [(s, e) for s, e, v in number_spans(text, lang) if v in values]


def _day(text: str, lang: str, day_month: str | None) -> list[tuple[int, int]]:
    if not day_month or "-" not in day_month:
        return []
    return _numbers(text, lang, str(int(day_month.split("-")[0])))


def deviation_spans(flag, link, en_texts: list[str], ru_texts: list[str], en_hits, ru_hits):
    """``(en_spans, ru_spans)``: what to mark for ``flag`` in the link's joined EN and RU text."""
    en_text, ru_text = " ".join(en_texts), " ".join(ru_texts)
    side = WHOLE_SENTENCE.get(flag.kind)
    if side == "en":
        return _sentence_span(en_texts, link.en, flag.en_index), []
    if side == "ru":
        return [], _sentence_span(ru_texts, link.ru, flag.ru_index)
    if flag.kind == "number_mismatch":
        return _numbers(en_text, "en", flag.expected), _numbers(ru_text, "ru", flag.found)
    if flag.kind == "date_mismatch":  # expected/found are DD-MM: the day numbers are marked
        return _day(en_text, "en", flag.expected), _day(ru_text, "ru", flag.found)
    en_spans = [(h.start, h.stop) for h in en_hits if flag.term and h.term.en == flag.term]
    ru_spans = []
    if flag.found:
        ru_spans = [(h.start, h.stop) for h in ru_hits if h.form.lower() == flag.found.lower()]
        ru_spans = ru_spans or _find_all(ru_text, flag.found)
    return en_spans, ru_spans


def highlight(text: str, marks: list[Mark]) -> Markup:
    """``text`` escaped, with each mark wrapped in ``<mark>``; overlapping marks merge their classes."""
    marks = sorted(marks, key=lambda m: (m.start, -(m.stop - m.start)))
    merged: list[Mark] = []
    for m in marks:
        if merged and m.start < merged[-1].stop:
            last = merged[-1]
            if m.cls not in last.cls.split():
                merged[-1] = Mark(last.start, max(last.stop, m.stop), f"{last.cls} {m.cls}",
                                  "; ".join(t for t in (last.title, m.title) if t))
            continue
        merged.append(m)
    out, pos = [], 0
    for m in merged:
        out.append(escape(text[pos:m.start]))
        title = Markup(' title="%s"') % m.title if m.title else ""
        out.append(Markup('<mark class="%s"%s>%s</mark>') % (m.cls, title, text[m.start:m.stop]))
        pos = m.stop
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def term_marks(hits) -> list[Mark]:
    out = []
    for h in hits:
        cls = "term" if h.kind == "allowed" else f"term {h.kind}"
        out.append(Mark(h.start, h.stop, cls, f"{h.term.en} → {h.term.ru}"))
    return out
