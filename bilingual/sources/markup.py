"""Which characters of a Markdown article are prose, so an edit can stay out of its structure.

Prose is the text a reader sees: paragraphs, headings, list items, quotes,
table cells, link text and image alt text. Not prose: front matter, fenced and
indented code blocks, HTML blocks and comments, inline code, inline HTML,
link and image targets (``(...)``, ``[label]``, ``<...>`` autolinks), link
reference definitions and bare URLs. Block structure comes from markdown-it
(CommonMark, with tables): the source lines of each inline token; inside those
lines the inline structure is found by one left-to-right scan.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Inline pieces that are not prose, tried left to right in one alternation so a
# code span hides a link inside it and a comment hides a code span.
_NOT_PROSE = re.compile(r"""
      (?P<code>(`+)(?:(?!\2)[\s\S])*?[^`]\2(?!`)|(`+)\3*?(?=\s))  # `code`, ``co`de``
    | <!--[\s\S]*?-->                                            # <!-- comment -->
    | <[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>                     # <https://autolink>
    | <[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>                            # <mail@autolink.org>
    | </?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>                    # <span class="x">, </b>
    | \]\((?:[^()\n]|\((?:[^()\n])*\))*\)                         # ](target "title")
    | \]\[[^\]\n]*\]                                              # ][reference label]
    | (?:https?://|ftp://|www\.)[^\s<>()\[\]]*(?:\([^\s()]*\)[^\s<>()\[\]]*)*   # a bare URL
""", re.X)


@dataclass(frozen=True)
class Prose:
    """The prose ranges of a text, as sorted, disjoint (start, stop) offsets."""

    ranges: tuple[tuple[int, int], ...]

    def covers(self, start: int, stop: int) -> bool:
        """Whether every character of [start, stop) is prose."""
        i = bisect.bisect_right(self.ranges, (start, float("inf"))) - 1
        return i >= 0 and self.ranges[i][0] <= start and stop <= self.ranges[i][1]


def all_prose(text: str) -> Prose:
    return Prose(((0, len(text)),))


def markdown_prose(text: str, offset: int = 0) -> Prose:
    """The prose of Markdown ``text`` (without front matter), as offsets plus ``offset``."""
    from markdown_it import MarkdownIt

    # block structure only: the inline pass (links, emphasis) is done by the scan below, far faster
    md = MarkdownIt("commonmark").enable("table").disable("inline")
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    lines = text.split("\n")
    cursor: dict[int, int] = {}  # table cells share a line: search on from the last cell found
    ranges: list[tuple[int, int]] = []
    for token in md.parse(text):
        if token.type != "inline" or not token.map:
            continue
        first, last = token.map
        for n, part in enumerate(token.content.split("\n")):
            row = first + n
            if row >= last or row >= len(lines) or not part:
                continue
            at = lines[row].find(part, cursor.get(row, 0))
            if at < 0:
                continue  # a line markdown-it rewrote (tabs expanded): leave it alone
            cursor[row] = at + len(part)
            ranges.extend(_inline_prose(part, offset + line_starts[row] + at))
    return Prose(tuple(_merge(ranges, text, offset)))


def _inline_prose(part: str, base: int):
    pos = 0
    for m in _NOT_PROSE.finditer(part):
        if m.start() > pos:
            yield base + pos, base + m.start()
        pos = m.end()
    if pos < len(part):
        yield base + pos, base + len(part)


def _merge(ranges, text: str, offset: int):
    """Sorted ranges, joined where they touch or only the newline between two lines of a paragraph parts them."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if out and (a <= out[-1][1] or (a == out[-1][1] + 1 and text[a - 1 - offset] == "\n")):
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out
