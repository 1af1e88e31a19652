"""Paragraphs trafilatura missed that two other extractors agree on.

trafilatura reads one part of the page as the article. When a site splits its article body over
several containers (an advertisement row between two halves, say), or when its precision pruning
throws the body away, the rest of the article is lost. Two extractors built on other principles
see it: readability-lxml scores containers and merges a winner's siblings, and jusText classifies
every paragraph on its own by its length, link density and share of stop words. A paragraph
that **both** find and trafilatura's text lacks is added to the article, at its place in the page;
one extractor alone adds nothing. (Extractors voting is the field's known way to beat each of
them: Bevendorff et al., "An Empirical Comparison of Web Content Extraction Algorithms", SIGIR
2023.)

Both read the page with its captions left out, as the article's rule is: ``<figure>`` and
``<figcaption>``, and the caption containers trafilatura itself drops when it extracts no images.
"""

from __future__ import annotations

import functools
import re

_WORD = re.compile(r"\w+")

# A block counts as found by an extractor when at least this share of its 4-word runs is in that
# extractor's text (blocks of fewer than four words: the whole word run).
SUPPORT = 0.5

_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th", "dd", "dt")
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
# trafilatura's own rule for captions when images are not extracted (DISCARD_IMAGE_ELEMENTS)
_CAPTIONS = ('//*[self::div or self::p or self::section or self::span]'
             '[contains(@id, "caption") or contains(@class, "caption")] | //figure | //figcaption')


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + 4]) for i in range(len(words) - 3)}


class _Text:
    """An extractor's text, ready for asking whether a block is in it."""

    def __init__(self, blocks):
        words = [_words(b) for b in blocks]
        self.joined = " " + " ".join(" ".join(w) for w in words if w) + " "
        self.runs = set().union(*(_runs(w) for w in words)) if words else set()

    def has(self, block: str) -> bool:
        words = _words(block)
        if not words:
            return False
        if len(words) < 4:
            return f" {' '.join(words)} " in self.joined
        runs = _runs(words)
        return sum(r in self.runs for r in runs) >= SUPPORT * len(runs)


@functools.cache
def _stoplist() -> frozenset[str]:
    """jusText's stop words of every language it has (the page's language is not known here)."""
    import justext

    return frozenset(w for lang in justext.get_stoplists() for w in justext.get_stoplist(lang))


def _clean(s: str) -> str:
    return " ".join(s.split())


def _readability_blocks(markup: str) -> list[tuple[str, bool]]:
    import lxml.html
    from readability import Document

    try:
        summary = Document(markup).summary(html_partial=True)
    except Exception:  # noqa: BLE001 - readability gives up on some pages; it then has no vote
        return []
    if not summary.strip():
        return []
    out = []
    for el in lxml.html.fromstring(summary).iter(*_BLOCKS):
        if any(a.tag in _BLOCKS for a in el.iterancestors()):
            continue
        text = _clean(el.text_content())
        if text:
            out.append((text, el.tag in _HEADINGS))
    return out


def _justext_blocks(markup: str) -> list[str]:
    import justext

    try:
        paragraphs = justext.justext(markup, _stoplist())
    except Exception:  # noqa: BLE001 - as above
        return []
    return [_clean(p.text) for p in paragraphs if not p.is_boilerplate]


def _without_captions(root):
    import copy

    root = copy.deepcopy(root)
    for el in root.xpath(_CAPTIONS):
        if el.getparent() is not None:
            el.drop_tree()
    return root


class _Locator:
    """Where a block's words first stand in the page's text (for putting added blocks in order)."""

    def __init__(self, root):
        body = root.find("body")
        texts = (body if body is not None else root).xpath(
            ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]")
        self.page = " " + " ".join(" ".join(_words(t)) for t in texts) + " "

    def find(self, block: str) -> int:
        words = _words(block)[:8]
        return self.page.find(f" {' '.join(words)} ") if words else -1


def supplement(root, parts: list[tuple[str, bool]], *, leave_out: str | None = None
               ) -> list[tuple[str, bool]]:
    """``parts`` (trafilatura's blocks of the page ``root``, in order) with the blocks that
    readability-lxml and jusText both find and ``parts`` lack, each put where it stands in the
    page. ``leave_out`` (the headline, which has a rule of its own) is never added."""
    import lxml.html

    markup = lxml.html.tostring(_without_captions(root), encoding="unicode")
    ours, skip = _Text(t for t, _ in parts), _clean(leave_out or "")
    missed = [(t, h) for t, h in _readability_blocks(markup) if t != skip and not ours.has(t)]
    if not missed:  # most pages: jusText is not asked
        return parts
    theirs = _Text(_justext_blocks(markup))
    added = [(t, h) for t, h in missed if theirs.has(t)]
    if not added:
        return parts
    where = _Locator(root)
    placed, last = [], -1
    for n, (text, heading) in enumerate(parts):  # trafilatura's order is kept as it is
        last = max(last, where.find(text))
        placed.append((last, 0, n, text, heading))
    for n, (text, heading) in enumerate(added):
        pos = where.find(text)
        if pos >= 0:  # a block that can't be placed in the page is not added
            placed.append((pos, 1, n, text, heading))
    placed.sort(key=lambda p: p[:3])
    return [(text, heading) for *_, text, heading in placed]
