"""What a site says about itself to crawlers: its sitemaps.

``parse_sitemap`` reads one sitemap document: a sitemap index (``<sitemapindex>``: more sitemaps
to read) or a URL set (``<urlset>``), including Google's news sitemaps
(``news:publication_date``) and ``xhtml:link rel="alternate" hreflang`` alternates. A gzipped
sitemap is unpacked (up to ``MAX_SITEMAP_BYTES``). Elements are matched by local name, so any
namespace prefix reads the same.
"""

from __future__ import annotations

import datetime as dt
import gzip
from dataclasses import dataclass, field

MAX_SITEMAP_BYTES = 50_000_000  # the sitemaps protocol's own limit, uncompressed


@dataclass
class SitemapEntry:
    url: str
    lastmod: str | None = None  # as written: <lastmod>, else <news:publication_date>
    alternates: dict[str, str] = field(default_factory=dict)  # hreflang (2 letters) -> URL

    def modified(self) -> dt.datetime | None:
        return parse_date(self.lastmod)


@dataclass
class Sitemap:
    sitemaps: list[str] = field(default_factory=list)  # an index's child sitemaps
    entries: list[SitemapEntry] = field(default_factory=list)


def parse_date(text: str | None) -> dt.datetime | None:
    """A W3C datetime (``2025-06-18``, ``2025-06-18T09:30:00+00:00``, ``…Z``) as an aware datetime."""
    if not text:
        return None
    s = text.strip().replace("Z", "+00:00")
    try:
        value = dt.datetime.fromisoformat(s)
    except ValueError:
        try:
            value = dt.datetime.combine(dt.date.fromisoformat(s[:10]), dt.time())
        except ValueError:
            return None
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child_text(el, name: str) -> str | None:
    for child in el.iter():
        if _local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def parse_sitemap(data: bytes) -> Sitemap:
    """A sitemap's child sitemaps and URL entries (empty when the bytes are not a sitemap)."""
    import lxml.etree

    if data[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=__import__("io").BytesIO(data)) as fh:
                data = fh.read(MAX_SITEMAP_BYTES + 1)[:MAX_SITEMAP_BYTES]
        except (OSError, EOFError):
            return Sitemap()
    parser = lxml.etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = lxml.etree.fromstring(data, parser)
    except lxml.etree.XMLSyntaxError:
        return Sitemap()
    out = Sitemap()
    if root is None:
        return out
    kind = _local(root.tag)
    for el in root:
        name = _local(el.tag)
        if kind == "sitemapindex" and name == "sitemap":
            loc = _child_text(el, "loc")
            if loc:
                out.sitemaps.append(loc)
        elif kind == "urlset" and name == "url":
            loc = _child_text(el, "loc")
            if not loc:
                continue
            entry = SitemapEntry(loc, _child_text(el, "lastmod") or _child_text(el, "publication_date"))
            for link in el:
                if _local(link.tag) == "link" and link.get("rel") == "alternate" and link.get("href"):
                    lang = (link.get("hreflang") or "").lower()[:2]
                    if lang:
                        entry.alternates.setdefault(lang, link.get("href").strip())
            out.entries.append(entry)
    return out
