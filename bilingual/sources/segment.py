"""Paragraphs and sentences as spans into the text.

Paragraphs are blocks separated by blank lines; a Markdown heading line is a
paragraph (and a sentence) of its own. Sentences come from razdel (Russian,
Ukrainian) or pysbd (English and the other languages pysbd knows).

Every span satisfies ``text[start:stop] == sentence.text``. The segmenters
only decide *where* sentences start: their output is never copied into the
result, so whatever they do to whitespace or odd characters, spans stay exact
and together cover every non-whitespace character except the line-leading
Markdown markers (``# ``, ``- ``, ``* ``, ``+ ``, ``> ``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..model import Paragraph, Sentence

RAZDEL_LANGS = frozenset({"ru", "uk", "be"})

_LINE = re.compile(r"[^\n]*\n?")
_HEADING = re.compile(r"[ \t]{0,3}#{1,6}(?=\s|$)")
_QUOTE = re.compile(r"[ \t]*>(?:[ \t]*>)*")
_BULLET = re.compile(r"[ \t]*[-*+](?=[ \t])")
_ORDERED = re.compile(r"[ \t]*\d{1,3}[.)][ \t]")
_RULE = re.compile(r"\s*([-*_])(?:[ \t]*\1){2,}\s*")
# A chunk without any of these can't hold a sentence boundary for en/ru.
_TERMINAL = re.compile(r"[.!?…;。！？]")


def _strip_markers(line: str) -> tuple[int, bool]:
    """Length of the line's leading Markdown markers, and whether it starts a list item."""
    pos = 0
    m = _QUOTE.match(line)
    if m:
        pos = m.end()
    m = _BULLET.match(line, pos)
    if m:
        return m.end(), True
    # An ordered item starts a new unit too, but its number stays in the text.
    return pos, bool(_ORDERED.match(line, pos))


class _Block:
    __slots__ = ("start", "stop", "heading", "units")

    def __init__(self, start: int, stop: int, heading: bool = False):
        self.start = start
        self.stop = stop
        self.heading = heading
        # Each unit is a list of (content_start, content_stop) line ranges
        # segmented together; a list item starts a new unit.
        self.units: list[list[tuple[int, int]]] = []


def _markdown_blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    current: _Block | None = None
    for m in _LINE.finditer(text):
        line_start, line_end = m.start(), m.end()
        if line_start == line_end:
            break
        line = m.group().rstrip("\n")
        stop = line_start + len(line)
        if not line.strip() or _RULE.fullmatch(line):
            current = None
            continue
        h = _HEADING.match(line)
        if h:
            block = _Block(line_start, stop, heading=True)
            block.units.append([(line_start + h.end(), stop)])
            blocks.append(block)
            current = None
            continue
        offset, item = _strip_markers(line)
        if current is None:
            current = _Block(line_start, stop)
            blocks.append(current)
            item = True
        current.stop = stop
        if item:
            current.units.append([])
        current.units[-1].append((line_start + offset, stop))
    return blocks


# pysbd slows down more than linearly on long inputs (a 100,000-character
# paragraph takes half a minute), so long chunks go through in windows.
PYSBD_WINDOW = 3000


def _sentence_starts_pysbd(lang: str, chunk: str) -> list[int]:
    if len(chunk) <= PYSBD_WINDOW:
        return _pysbd_starts(lang, chunk)
    starts: list[int] = []
    pos, width = 0, PYSBD_WINDOW
    while True:
        end = pos + width
        interior = [s for s in _pysbd_starts(lang, chunk[pos:end]) if s > 0]
        if end >= len(chunk):
            return starts + [pos + s for s in interior]
        # The window's last sentence may be cut short (an open quotation, a
        # half abbreviation), so its start is not trusted: the next window
        # begins at the last trusted start and reads that sentence whole.
        if len(interior) >= 2:
            starts += [pos + s for s in interior[:-1]]
            pos, width = pos + interior[-2], PYSBD_WINDOW
        elif width < 4 * PYSBD_WINDOW:
            width *= 2  # too few sentences in view: look further
        else:
            starts += [pos + s for s in interior]
            pos, width = (pos + interior[-1] if interior else end), PYSBD_WINDOW


def _pysbd_starts(lang: str, chunk: str) -> list[int]:
    seg = _pysbd_segmenter(lang)
    starts = []
    cursor = 0
    for sent in seg.segment(chunk):
        s = sent.strip()
        if not s:
            continue
        found = chunk.find(s, cursor)
        if found < 0:
            continue  # the segmenter rewrote this piece: merge it into the previous one
        starts.append(found)
        cursor = found + len(s)
    return starts


def _sentence_starts_razdel(chunk: str) -> list[int]:
    from razdel import sentenize

    return [s.start for s in sentenize(chunk)]


@lru_cache(maxsize=8192)
def _cuts(lang: str, chunk: str) -> tuple[int, ...]:
    """Offsets in ``chunk`` where sentences start (the first piece starts at 0)."""
    if lang in ("en", "ru", "uk") and not _TERMINAL.search(chunk):
        return ()
    if lang in RAZDEL_LANGS:
        starts = _sentence_starts_razdel(chunk)
    else:
        starts = _sentence_starts_pysbd(lang, chunk)
        starts += _inside_quotes(lang, chunk, starts)
        starts = [_past_closing_quote(chunk, s) for s in starts]
    # A boundary with no space before it is inside a token: a domain name
    # («сайт.рф») or a web address pysbd does not know as one. A clock time's "p.m." followed by
    # its time zone ("8 P.M. Kyiv time", "5 p.m. GMT") ends no sentence. Nor does a stop before
    # a word written all in lowercase ("The lid was shut. then it rained"): razdel keeps such text
    # whole on the Russian side, and a cut on one side only leaves a sentence without counterpart.
    # A word with a capital inside ("iPhone", "eBay", "iOS") is a name and may start a sentence.
    return tuple(sorted({s for s in starts if 0 < s < len(chunk) and chunk[s - 1].isspace()
                         and not _lowercase_word(chunk, s)
                         and not (_CLOCK_END.search(chunk, 0, s) and _TIME_ZONE.match(chunk, s))}))


def _lowercase_word(chunk: str, s: int) -> bool:
    """Whether the word at ``chunk[s]`` is written all in lowercase ("then", not "iPhone")."""
    word = chunk[s:s + 64].split(None, 1)[0]
    return word[:1].islower() and word.islower()


_CLOCK_END = re.compile(r"\d\s*[ap]\.\s?m\.\s+$", re.I)
_TIME_ZONE = re.compile(r"(?:[A-Z][a-z]+\s+(?:time|Time)\b|(?:GMT|UTC|[ECMP][SD]?T|BST|CET|MSK)\b)")


def _past_closing_quote(chunk: str, s: int) -> int:
    # A quote mark followed by a space closes the previous sentence's quotation.
    while s < len(chunk) - 1 and _QUOTES.match(chunk, s) and chunk[s + 1].isspace():
        s += 1
        while s < len(chunk) and chunk[s].isspace():
            s += 1
    return s


_QUOTES = re.compile(r"[\"“”„«»]")
_INNER_END = re.compile(r"[.!?…][\"“”»]?\s+\S")


def _inside_quotes(lang: str, chunk: str, starts: list[int]) -> list[int]:
    """Boundaries inside quotations, which pysbd keeps whole.

    News quotes often run to several sentences (razdel and translators split
    them). A second pysbd pass over such a sentence with its quote marks
    blanked finds the inner boundaries; only those followed by a capital or a
    digit are kept, so ``"Go!" he said`` stays one sentence.
    """
    extra = []
    bounds = [0, *sorted(s for s in starts if 0 < s < len(chunk)), len(chunk)]
    for a, b in zip(bounds, bounds[1:]):
        piece = chunk[a:b]
        if not _QUOTES.search(piece) or not _INNER_END.search(piece.rstrip()):
            continue
        masked = _QUOTES.sub(" ", piece)
        for s in _sentence_starts_pysbd(lang, masked):
            if 0 < s and (masked[s].isupper() or masked[s].isdigit()):
                while s > 0 and _QUOTES.match(piece, s - 1) and (s < 2 or piece[s - 2].isspace()):
                    s -= 1  # an opening quote belongs to the sentence it opens
                extra.append(a + s)
    return extra


@lru_cache(maxsize=None)
def _pysbd_segmenter(lang: str):
    import pysbd
    from pysbd.languages import LANGUAGE_CODES

    # pysbd builds several hundred regular expressions per call (one per
    # abbreviation rule), more than the 512 the re module keeps compiled, so
    # every call recompiles most of them. A larger cache makes it ~1.7x faster.
    if getattr(re, "_MAXCACHE", 0) < 2048:
        re._MAXCACHE = 2048
    code = lang if lang in LANGUAGE_CODES else "en"
    return pysbd.Segmenter(language=code, clean=False)


def segmenter_name(lang: str) -> str:
    """Which segmenter handles ``lang``: for signatures and messages."""
    if lang in RAZDEL_LANGS:
        return "razdel"
    from pysbd.languages import LANGUAGE_CODES

    return f"pysbd:{lang if lang in LANGUAGE_CODES else 'en'}"


def _trim(text: str, start: int, stop: int) -> tuple[int, int]:
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return start, stop


def _unit_spans(text: str, unit: list[tuple[int, int]], lang: str) -> list[tuple[int, int]]:
    lo, hi = unit[0][0], unit[-1][1]
    # Markers and line breaks become spaces of the same length, so offsets into
    # the masked chunk are offsets into the text, and a wrapped line doesn't
    # end a sentence.
    chars = [" "] * (hi - lo)
    for a, b in unit:
        chars[a - lo:b - lo] = text[a:b]
    chunk = "".join(chars).replace("\n", " ")
    bounds = [0, *_cuts(lang, chunk), len(chunk)]
    spans = []
    for a, b in zip(bounds, bounds[1:]):
        s, e = _trim(chunk, a, b)
        if s < e:
            if spans and not any(ch.isalnum() for ch in chunk[s:e]):
                # a closing quote or bracket cut off at the end: no sentence of its own
                spans[-1] = (spans[-1][0], lo + e)
            else:
                spans.append((lo + s, lo + e))
    return spans


def _assemble(text: str, blocks: Iterable[_Block], lang: str):
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for block in blocks:
        spans: list[tuple[int, int]] = []
        for unit in block.units:
            if block.heading:
                s, e = _trim(text, unit[0][0], unit[-1][1])
                if s < e:
                    spans.append((s, e))
            else:
                spans.extend(_unit_spans(text, unit, lang))
        if not spans:
            continue
        p = len(paragraphs)
        start, stop = spans[0][0], spans[-1][1]
        paragraphs.append(Paragraph(p, start, stop, text[start:stop], heading=block.heading))
        for s, e in spans:
            sentences.append(Sentence(len(sentences), p, s, e, text[s:e], heading=block.heading))
    return tuple(paragraphs), tuple(sentences)


def segment(text: str, lang: str) -> tuple[tuple[Paragraph, ...], tuple[Sentence, ...]]:
    """Split Markdown or plain ``text`` into paragraphs and sentences (spans into ``text``)."""
    return _assemble(text, _markdown_blocks(text), lang)


def segment_blocks(text: str, blocks: Iterable[tuple[int, int, bool]], lang: str):
    """Segment ``text`` whose paragraphs are already known: ``(start, stop, heading)`` ranges.

    Used for HTML, where headings come from tags rather than ``#`` markers.
    Lines inside a block are joined (no list-item or marker handling).
    """
    out = []
    for start, stop, heading in blocks:
        b = _Block(start, stop, heading)
        b.units.append([(start, stop)])
        out.append(b)
    return _assemble(text, out, lang)


def split_lines(text: str, lang: str) -> tuple[tuple[Paragraph, ...], tuple[Sentence, ...]]:
    """One sentence per non-blank line, taken literally (pre-segmented input, e.g. a corpus
    for ``--split lines``): no Markdown markers are removed; blank lines separate paragraphs.
    ``lang`` is accepted for symmetry with :func:`segment`.
    """
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    para_start = None
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            break
        s, e = _trim(text, m.start(), m.end())
        if s >= e:
            para_start = None
            continue
        if para_start is None:
            para_start = s
            paragraphs.append(Paragraph(len(paragraphs), s, e, text[s:e]))
        else:
            paragraphs[-1] = Paragraph(len(paragraphs) - 1, para_start, e, text[para_start:e])
        sentences.append(Sentence(len(sentences), len(paragraphs) - 1, s, e, text[s:e]))
    return tuple(paragraphs), tuple(sentences)


# The package exports this name: ``bilingual.sources.segment`` is the module itself.
segment_text = segment
