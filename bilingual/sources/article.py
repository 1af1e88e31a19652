"""The article out of a web page: its text as blocks (headings, paragraphs, list items), and the
page's own facts (title, date, URL) as front matter. The rules are in docs/web-pages.md.

The body is found by trafilatura, the field's standard extractor, and completed by the agreement
of two others (``agreement.py``: a block readability-lxml and jusText both find, and trafilatura
missed, is added at its place in the page). On the public article-extraction benchmark the body
scores F1 0.972, trafilatura alone 0.960-0.964, the project's earlier tag walk 0.82. What this
module adds around the extractors:

- **Front matter** from the page itself: ``og:title``/``<title>``, the date from
  ``article:published_time``, a ``<time datetime>`` or JSON-LD ``datePublished`` (in that order),
  the URL from ``rel=canonical``/``og:url``.
- **The site's chrome out first**: the language toggle, ``hreflang`` links, share bars and a
  dateline standing on its own are dropped before extraction, so «Русский» never becomes text.
- **Blocks the aligner reads**: each ``<head>`` is a heading block; each paragraph, quotation,
  code block, list item and table row is a block of its own.
- **Captions are left out**, on every page alike: a ``<figure>``'s caption and an image's alt
  text describe a picture, and a caption's credit («Photo: Reuters») has no counterpart in the
  other version's prose. The rule is the extractor's (images are not extracted), applied the
  same way to both language versions, so a caption never turns into an omission flag.
- **The headline** (the first ``<h1>`` of the ``<article>``, else an ``<h1>`` the page's title
  contains) is the first block, a heading, as a Markdown article opens with ``# Title``: it is
  article text the aligner pairs and check reads, not only the ``title`` field.
- **A short page** (under 250 characters of text, trafilatura's own least extraction) and a page
  the extractor finds nothing in are read by a tag walk: every heading and paragraph of the
  longest ``<article>``, else ``<main>``, else ``<body>``, without navigation, asides, forms,
  footers, figures and the page header. So a real page never raises; a page with no text at
  all is bad input.
"""

from __future__ import annotations

import re

from ..errors import InputError
from .agreement import supplement
from .webpage import drop_chrome, ld_date

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)

Blocks = list[tuple[int, int, bool]]


def _clean(s: str) -> str:
    return " ".join(s.split())


def page_meta(root) -> dict:
    """Title, date and URL as the page states them (front matter for the Document)."""
    meta: dict = {}
    title = root.findtext(".//title")
    for prop, key in (("og:title", "title"), ("article:published_time", "date"), ("og:url", "url")):
        for el in root.xpath(f'//meta[@property="{prop}" or @name="{prop}"]'):
            if el.get("content"):
                meta.setdefault(key, el.get("content").strip())
    if title and title.strip():
        meta.setdefault("title", _clean(title))
    for el in root.xpath('//link[@rel="canonical"]'):
        if el.get("href"):
            meta.setdefault("url", el.get("href").strip())
    if "date" not in meta:
        for el in root.xpath("//time[@datetime]"):
            meta["date"] = el.get("datetime").strip()
            break
    if "date" not in meta:
        for el in root.xpath('//script[@type="application/ld+json"]'):
            date = ld_date(el.text or "")
            if date:
                meta["date"] = date
                break
    return meta


def parse_html(html: str, path=None):
    import lxml.etree
    import lxml.html

    try:
        return lxml.html.document_fromstring(_XML_DECL.sub("", html, count=1))
    except (lxml.etree.ParserError, ValueError) as e:
        raise InputError(f"can't parse HTML: {e}", path=str(path) if path else None) from None


# --------------------------------------------------------------------------- trafilatura's body

def _item_texts(item) -> list[str]:
    """A list item's own text, then its nested lists' items, each a block."""
    own, nested = [item.text or ""], []
    for child in item:
        if child.tag == "list":
            nested += [t for sub in child.iter("item") if sub.getparent() is child
                       for t in _item_texts(sub)]
            own.append(child.tail or "")
        else:
            own += [*child.itertext(), child.tail or ""]
    return [_clean("".join(own)), *nested]


def _body_blocks(body) -> list[tuple[str, bool]]:
    """trafilatura's XML body (``head``, ``p``, ``list/item``, ``quote``, ``table/row/cell``,
    ``code``) as (text, heading) blocks in document order; loose text between them (the body's
    own text, an element's tail) is a paragraph too."""
    out: list[tuple[str, bool]] = []
    for lb in body.iter("lb"):  # a line break inside a block separates words
        lb.tail = " " + (lb.tail or "")

    def loose(text):
        if text and text.strip():
            out.append((_clean(text), False))

    def container(el):
        loose(el.text)
        for child in el:
            walk(child)
            loose(child.tail)

    def walk(el):
        tag = el.tag
        if tag == "head":
            out.append((_clean("".join(el.itertext())), True))
        elif tag == "list":
            for item in el:
                if item.tag == "item":
                    out.extend((t, False) for t in _item_texts(item))
                loose(item.tail)
        elif tag == "table":
            for row in el.iter("row"):
                cells = [_clean("".join(c.itertext())) for c in row if c.tag == "cell"]
                out.append((" | ".join(c for c in cells if c), False))
        elif tag in ("quote", "div") and any(c.tag in _BLOCK_TAGS for c in el):
            container(el)
        elif tag == "graphic":
            return
        else:  # p, quote, code, and anything inline-only
            out.append((_clean("".join(el.itertext())), False))

    container(body)
    return out


_BLOCK_TAGS = frozenset(("p", "list", "head", "table", "quote", "div", "code"))


# --------------------------------------------------------------------------- fallback walk

_DROP = ("script", "style", "nav", "aside", "iframe", "form", "noscript", "template", "svg",
         "button", "select", "object", "embed", "canvas", "footer", "figure", "figcaption")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLOCKS = ("p", "li", "blockquote", "pre", "dd", "dt", "td", "th")
_STRUCTURAL = frozenset((*_HEADINGS, *_BLOCKS, "div", "section", "article", "main", "body", "ul",
                         "ol", "dl", "table", "tbody", "thead", "tr", "header"))


def _walk_blocks(root) -> list[tuple[str, bool]]:
    """Every heading and paragraph of the page's ``<article>`` (the longest), else ``<main>``,
    else ``<body>``: the reading of a page the extractor found no article in."""
    import lxml.etree

    for el in list(root.iter(lxml.etree.Comment, lxml.etree.ProcessingInstruction)):
        if el.getparent() is not None:
            el.drop_tree()
    for el in list(root.iter(*_DROP)):
        el.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for el in list(root.iter("header")):
        if not any(a.tag == "article" for a in el.iterancestors()):
            el.drop_tree()
    articles = root.xpath("//article")
    if articles:
        container = max(articles, key=lambda a: len(a.text_content()))
    else:
        container = (root.xpath("//main") or root.xpath("//body") or [root])[0]
    parts: list[tuple[str, bool]] = []

    def structural(el) -> bool:
        return isinstance(el.tag, str) and el.tag in _STRUCTURAL

    def walk(el):
        if not isinstance(el.tag, str):
            return
        if el.tag in _HEADINGS:
            parts.append((_clean(el.text_content()), True))
            return
        if not any(structural(d) for d in el.iterdescendants()):
            parts.append((_clean(el.text_content()), False))
            return
        run = [el.text or ""]  # loose text between blocks is a paragraph too
        for child in el:
            if structural(child) or any(structural(d) for d in child.iterdescendants()):
                parts.append((_clean("".join(run)), False))
                walk(child)
                run = [child.tail or ""]
            elif isinstance(child.tag, str):
                run += [child.text_content(), child.tail or ""]
            else:
                run.append(child.tail or "")
        parts.append((_clean("".join(run)), False))

    walk(container)
    return parts


# --------------------------------------------------------------------------- the article

def _extract(markup: str, url: str | None):
    import trafilatura

    # favor_precision: boilerplate left in the text becomes false addition/omission flags, and
    # on the benchmark it costs less recall than it gains precision (F1 0.960 -> 0.964).
    doc = trafilatura.bare_extraction(markup, url=url, favor_precision=True, include_comments=False,
                                      include_tables=True, include_images=False, with_metadata=False)
    body = getattr(doc, "body", None)
    return _body_blocks(body) if body is not None else []


def _join(parts: list[tuple[str, bool]]) -> tuple[str, Blocks]:
    texts, blocks, pos = [], [], 0
    for s, heading in parts:
        if not s:
            continue
        if texts:
            pos += 2
        blocks.append((pos, pos + len(s), heading))
        texts.append(s)
        pos += len(s)
    return "\n\n".join(texts), blocks


# Below this much text in its article, a page is read by the tag walk: trafilatura's statistics
# (link density, text length per node) need text to work on, and its own setting for the least
# text it extracts is this size.
MIN_EXTRACTED_SIZE = 250


def headline(root, title: str | None) -> str | None:
    """The page's headline: the first ``<h1>`` of its ``<article>``, else its first ``<h1>``
    whose text the page's title (``og:title`` or ``<title>``) contains; so a logo or a section
    name in an ``<h1>`` is not taken for it."""
    for el in root.xpath("//article//h1"):
        text = _clean(el.text_content())
        if text:
            return text
    wanted = _clean(title or "").casefold()
    for el in root.iter("h1"):
        text = _clean(el.text_content())
        if text and wanted and text.casefold() in wanted:
            return text
    return None


def _visible_size(root) -> int:
    """Characters of text in the page's body, scripts and styles aside."""
    body = root.find("body")
    if body is None:
        return 0
    return sum(len(t.strip()) for t in body.xpath(
        ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::template)]"))


def extract_article(html: str, path=None, *, with_headline: bool = True) -> tuple[str, Blocks, dict]:
    """(text, blocks, meta) of a web page: the article's blocks joined by blank lines,
    ``blocks`` as ``(start, stop, heading)`` ranges into the text, ``meta`` the page's front
    matter (title, date, url). ``with_headline=False`` leaves out a headline the extractor did
    not find in the article's body (the article-extraction benchmark scores the body alone)."""
    import copy

    import lxml.html

    root = parse_html(html, path)
    meta = page_meta(root)
    drop_chrome(root)
    walked = _walk_blocks(copy.deepcopy(root))
    parts: list[tuple[str, bool]] = []
    if not walked or _visible_size(root) >= MIN_EXTRACTED_SIZE:
        # trafilatura reads markup (its own parse of a string finds more of the body than it
        # does in a tree handed to it).
        parts = _extract(lxml.html.tostring(root, encoding="unicode"), meta.get("url"))
        title = headline(root, meta.get("title"))
        parts = supplement(root, parts, leave_out=title)
        if with_headline and parts and title and not any(t == title for t, _ in parts):
            parts.insert(0, (title, True))  # the headline is the article's first block, as in Markdown
    text, blocks = _join(parts or walked)
    if not blocks:
        raise InputError("HTML page has no article text (no headings or paragraphs in its body)",
                         path=str(path) if path else None)
    return text, blocks, meta
