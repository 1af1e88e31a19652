"""Pairing the pages of a saved site mirror by what the pages say about each other.

A mirror is a tree of HTML pages, English and Russian under different paths
and slugs. Each page names its counterpart, in order of trust:

1. ``<link rel="alternate" hreflang="ru" href="...">`` in its head;
2. the language toggle: an ``<a>`` with ``hreflang``/``lang``, or whose text is
   «Русский», «Русская версия», «RU», "English", "EN";
3. failing both, a page in the other language with the same slug.

Links resolve against the page's ``<base href>``, else its place in the mirror
(a saved site keeps its URL paths), and are spelt one way by ``urls.normalize_url``
(fragments and tracking parameters dropped); query strings are ignored when pages
are looked up, and ``index.html`` and a trailing slash are the same page. A page's
own URL is its ``<link rel="canonical">`` or ``og:url``: a page whose canonical URL is
another saved page, or that another page names as its ``rel=amphtml``, is a copy of
that page (an AMP or print version). A copy is not an article of its own; its
language links count for the page it copies, after the page's own.

Pairs are chosen by evidence: a mutual link (each page links to the other) wins
over a one-way one, hreflang over the toggle; a link from one side only still pairs
two pages nothing better claims, and is reported (``one_way_toggle``). Pairing needs only
a few tags of the head and the body's links, never the text, so each page is
scanned for those tags with compiled patterns over its bytes; building even an
event stream with lxml cost three to six times as much per page (measured on
the benchmark's 29 KB pages), and a 10,000-page mirror must pair in seconds.
The scan is linear in the page's size whatever its markup: each pattern either
matches where it starts or moves on (an unclosed tag or comment runs to the end
of the page, as in a browser), never searching ahead again from every ``<``.
A ``<base href>`` in the page changes what its relative links resolve against.
"""

from __future__ import annotations

import codecs
import html
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from ..errors import CorpusError
from ..io import read_regular, walk
from ..model import ArticlePair
from .urls import normalize_url, page_base, tracking_params_from_config

MIRROR_SUFFIXES = (".html", ".htm")
MAX_PAGE_BYTES = 20_000_000  # a saved page is read whole
LANGS = ("en", "ru")
OTHER = {"en": "ru", "ru": "en"}

# The toggle's text, lowercased and with guillemets/quotes stripped, -> the language it leads to.
TOGGLE_TEXTS = {
    "русский": "ru", "русская версия": "ru", "ru": "ru", "рус": "ru", "на русском": "ru",
    "english": "en", "en": "en", "eng": "en", "english version": "en", "in english": "en",
}

# kind -> level in the check report: a page left without its other half is an error.
PROBLEM_LEVEL = {
    "no_translation": "error",
    "broken_toggle": "error",
    "one_way_toggle": "warning",
    "same_language": "warning",
    "orphan_translation": "warning",
}
PROBLEM_KINDS = tuple(PROBLEM_LEVEL)


@dataclass(frozen=True)
class MirrorPair:
    en_path: str
    ru_path: str
    method: str  # hreflang | toggle | slug

    def to_dict(self) -> dict:
        return {"en_path": self.en_path, "ru_path": self.ru_path, "method": self.method}


@dataclass(frozen=True)
class PairingProblem:
    kind: str
    path: str
    target: str | None
    message: str

    @property
    def level(self) -> str:
        return PROBLEM_LEVEL[self.kind]

    def to_dict(self) -> dict:
        return {"kind": self.kind, "path": self.path, "target": self.target, "message": self.message}


@dataclass(frozen=True)
class MirrorPairing:
    root: str
    pairs: tuple[MirrorPair, ...]
    problems: tuple[PairingProblem, ...]
    pages: int = 0
    unpaired_en: tuple[str, ...] = ()  # English pages with no Russian version (to translate)
    copies: tuple[tuple[str, str], ...] = ()  # (copy, the page it copies): AMP and print versions

    def to_dict(self) -> dict:
        return {"pairs": [p.to_dict() for p in self.pairs],
                "problems": [p.to_dict() for p in self.problems]}

    def counts(self) -> dict[str, int]:
        return dict(Counter(p.kind for p in self.problems))


# --------------------------------------------------------------------------- one page

@dataclass
class Page:
    rel: str  # posix path under the mirror root
    lang: str | None = None
    own_url: str | None = None  # canonical / og:url as written
    alternates: dict[str, str] = field(default_factory=dict)  # hreflang -> href
    toggles: list[tuple[str, str]] = field(default_factory=list)  # (lang led to, href)
    title_cyrillic: bool | None = None
    base_href: str | None = None  # <base href>
    amphtml: str | None = None  # <link rel="amphtml">: the page's AMP copy


_HEAD_END = re.compile(rb"</head\s*>|<body[\s>]", re.I)
# Every pattern stops a tag at the next '<' as well as at '>' ([^<>]*+ possessive, or an atomic
# group: never given back), and a toggle's text may sit inside at most four tags: a failed match from one '<' never
# scans far past it, so the scan is linear however the markup is broken (140 KB of unclosed
# "<a x=1 " would otherwise cost seconds, a 1 MB page minutes).
_HEAD_TAG = re.compile(rb"<(html|link|meta|base)\s([^<>]*+)>|<title[^<>]*+>([^<]*+)", re.I)
# An <a> that names its language, and one whose whole text (tags and quotes around it aside) is a
# toggle's; the text alternation lists each word's case forms, as bytes regexes fold ASCII only.
_LANG_ANCHOR = re.compile(rb"<[aA]\s(?>([^<>]*lang\s*=[^<>]*))>")  # atomic: a tag is tried once
_TOGGLE_FORMS = sorted({f for t in TOGGLE_TEXTS for f in (t, t.upper(), t.capitalize(), t.title())},
                       key=len, reverse=True)
_TOGGLE_ANCHOR = re.compile(
    rb"<[aA]\s([^<>]*+)>\s*+(?:<[^<>/][^<>]*+>\s*+){0,4}(?:[\"']|\xc2\xab)?\s*+("
    + b"|".join(re.escape(f.encode("utf-8")) for f in _TOGGLE_FORMS)
    + rb")\s*+(?:[\"']|\xc2\xbb)?\s*+(?:</[^<>]*+>\s*+){0,4}</[aA]\s*>")
_ATTR = re.compile(rb"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def _attrs(raw: bytes, encoding: str) -> dict[str, str]:
    out = {}
    for k, a, b, c in _ATTR.findall(raw):
        value = (a or b or c).decode(encoding, "replace")
        out[k.decode("ascii", "replace").lower()] = (html.unescape(value) if "&" in value else value).strip()
    return out


def strip_comments(data: bytes) -> bytes:
    """``data`` without its ``<!-- ... -->`` comments; an unclosed one runs to the end (linear time)."""
    out, pos = [], 0
    while True:
        start = data.find(b"<!--", pos)
        if start < 0:
            out.append(data[pos:])
            break
        out.append(data[pos:start])
        end = data.find(b"-->", start + 4)
        if end < 0:
            break
        pos = end + 3
    return b"".join(out)


def read_page(root: Path, rel: str) -> Page:
    """The pairing facts of one page (its language, own URL, alternates, toggle links).

    Pairing needs a few start tags of the head and the links of the body, never
    their text, so the page is scanned for those tags rather than parsed into a
    tree (comments are dropped first).
    """
    page = Page(rel)
    path = root / rel
    try:
        data = read_regular(path, limit=MAX_PAGE_BYTES, what="saved pages", error=CorpusError)
    except OSError as err:
        raise CorpusError(f"can't read: {err.strerror or err}", path=str(path)) from None
    encoding = _encoding(data)
    if b"<!--" in data:
        data = strip_comments(data)
    m = _HEAD_END.search(data)
    head, body = (data[: m.start()], data[m.start():]) if m else (data, b"")
    for tm in _HEAD_TAG.finditer(head):
        tag = tm.group(1)
        if tag is None:
            title = html.unescape(tm.group(3).decode(encoding, "replace"))
            if title.strip() and page.title_cyrillic is None:
                page.title_cyrillic = bool(_CYRILLIC.search(title))
            continue
        _head_tag(page, tag.lower(), _attrs(tm.group(2), encoding))
    if page.lang is None:  # <html> sits before <head>; a page may also have no head at all
        hm = re.search(rb"<html\s([^<>]*+)>", body[:4096], re.I)
        if hm:
            _head_tag(page, b"html", _attrs(hm.group(1), encoding))
    found = []
    for am in _LANG_ANCHOR.finditer(body):
        attrs = _attrs(am.group(1), encoding)
        hint = (attrs.get("hreflang") or attrs.get("lang") or "")[:2].lower()
        if hint in LANGS and attrs.get("href"):
            found.append((am.start(), hint, attrs["href"]))
    for am in _TOGGLE_ANCHOR.finditer(body):
        attrs = _attrs(am.group(1), encoding)
        lang = TOGGLE_TEXTS.get(am.group(2).decode(encoding, "replace").lower())
        if lang is not None and attrs.get("href") and not any(pos == am.start() for pos, _, _ in found):
            found.append((am.start(), lang, attrs["href"]))
    page.toggles = [(lang, href) for _, lang, href in sorted(found)]

    if page.lang not in LANGS:
        page.lang = _lang_from_path(rel) or page.lang
        if page.lang not in LANGS and page.title_cyrillic is not None:
            page.lang = "ru" if page.title_cyrillic else "en"
    return page


def _head_tag(page: Page, tag: bytes, attrib: dict[str, str]) -> None:
    if tag == b"link":
        rel = attrib.get("rel", "").lower().split()
        href = attrib.get("href")
        if not href:
            return
        if "alternate" in rel and attrib.get("hreflang"):
            lang = attrib["hreflang"].lower()[:2]
            if lang in LANGS:
                page.alternates.setdefault(lang, href)
        elif "canonical" in rel and page.own_url is None:
            page.own_url = href
        elif "amphtml" in rel and page.amphtml is None:
            page.amphtml = href
    elif tag == b"meta":
        prop = (attrib.get("property") or attrib.get("name") or "").lower()
        content = attrib.get("content", "")
        if prop == "og:url" and content and page.own_url is None:
            page.own_url = content
        elif prop == "og:locale" and content and page.lang is None:
            page.lang = content.lower()[:2]
    elif tag == b"base":
        if page.base_href is None and attrib.get("href"):
            page.base_href = attrib["href"]
    elif tag == b"html":
        lang = (attrib.get("lang") or attrib.get("xml:lang") or "").lower()[:2]
        if lang:
            page.lang = lang


def _encoding(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    m = re.search(rb"<meta[^>]+charset\s*=\s*[\"']?([\w-]+)", data[:2048], re.I)
    name = m.group(1).decode("ascii").lower() if m else "utf-8"
    try:
        codecs.lookup(name)
    except LookupError:
        return "utf-8"
    return name


def _lang_from_path(rel: str) -> str | None:
    for part in PurePosixPath(rel).parts[:-1]:
        if part.lower() in LANGS:
            return part.lower()
    return None


# --------------------------------------------------------------------------- URLs

def _page_url(page: Page) -> str:
    """The page's URL: canonical or og:url, else its path under the mirror."""
    if page.own_url and page.own_url.startswith("//"):  # protocol-relative
        return "https:" + page.own_url
    return page.own_url or "/" + page.rel


def url_keys(url: str) -> tuple[str, ...]:
    """The keys a URL can be found under: its path, and host + path (a mirror saved under
    ``example.com/``); ``/a/index.html``, ``/a/`` and ``/a`` are one page."""
    if "://" in url or "?" in url or "#" in url or url.startswith("//"):
        parts = urlsplit(url)
        path, netloc = parts.path or "/", parts.netloc
    else:  # a plain path (a page's place in the mirror): no need to split it
        path, netloc = url or "/", ""
    name = path.rsplit("/", 1)[-1].lower()
    if name in ("index.html", "index.htm"):
        path = path[: -len(name)]
    path = "/" + path.strip("/")
    keys = [path]
    if netloc:
        keys.append("/" + netloc.lower() + (path if path != "/" else ""))
    return tuple(keys)


def resolve(page: Page, href: str, extra: frozenset[str] = frozenset()) -> str:
    """``href`` as an absolute, normalised URL: against the page's ``<base href>``, else its
    place in the mirror (or its own URL when that is absolute and the mirror path is unknown)."""
    here = "file:///" + page.rel
    return normalize_url(href, page_base(here, page.base_href), extra=extra)


# --------------------------------------------------------------------------- the mirror

def mirror_pages(root: Path) -> list[str]:
    """Posix paths under ``root`` of every HTML page, any depth, sorted; dot folders skipped, and
    symlinks leading out of the mirror not followed (as in a corpus)."""
    out = []
    real_root = os.path.realpath(root)
    for dirpath, dirnames, filenames in walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        base = os.path.relpath(dirpath, root)
        for name in filenames:
            if not name.lower().endswith(MIRROR_SUFFIXES) or name.startswith("."):
                continue
            full = os.path.join(dirpath, name)
            if os.path.islink(full) and not os.path.realpath(full).startswith(real_root + os.sep):
                continue
            out.append(PurePosixPath(base, name).as_posix() if base != "." else name)
    return sorted(out)


def is_mirror(root: Path) -> bool:
    """A folder with HTML pages but not in ``<slug>/en.md`` layout."""
    for dirpath, _dirs, filenames in walk(root):
        if any(n.lower().endswith(MIRROR_SUFFIXES) and not n.startswith(".") for n in filenames):
            return True
    return False


def _slug(rel: str) -> str:
    p = PurePosixPath(rel)
    stem = p.stem
    if stem.lower() == "index" and p.parent.name:
        stem = p.parent.name
    return stem.lower()


def pair_mirror(root: str | os.PathLike, *, tracking_params: frozenset[str] | None = None) -> MirrorPairing:
    """Pair the English and Russian pages of a mirror; report the toggle's problems.

    ``tracking_params``: query parameters to drop from links besides ``urls.TRACKING_PARAMS``
    (default: ``tracking_params`` in ``bilingual.toml``)."""
    root_path = Path(root)
    if not root_path.is_dir():
        raise CorpusError("not a folder", path=str(root))
    rels = mirror_pages(root_path)
    if not rels:
        raise CorpusError("no HTML pages here (.html, .htm)", path=str(root))
    pages = [read_page(root_path, rel) for rel in rels]
    extra = tracking_params_from_config() if tracking_params is None else frozenset(tracking_params)
    return _pair(str(root_path), pages, extra)


_STRENGTH = {"hreflang": 2, "toggle": 1}


def _pair(root: str, pages: list[Page], extra: frozenset[str] = frozenset()) -> MirrorPairing:
    def shown(page_or_rel) -> str:
        rel = page_or_rel.rel if isinstance(page_or_rel, Page) else page_or_rel
        return os.path.join(root, *rel.split("/"))

    # Every page by its place in the mirror first, so no page's canonical URL can take
    # another page's place; copies found, then the others' own URLs.
    by_key: dict[str, Page] = {}
    for page in pages:
        for key in url_keys("/" + page.rel):
            by_key.setdefault(key, page)

    def lookup(url: str) -> Page | None:
        for key in url_keys(url):
            if key in by_key:
                return by_key[key]
        return None

    copy_of: dict[str, Page] = {}  # rel of a copy (AMP, print) -> the page it copies
    for page in pages:
        if page.amphtml:
            amp = lookup(resolve(page, page.amphtml, extra))
            if amp is not None and amp is not page:
                copy_of.setdefault(amp.rel, page)
    for page in pages:
        if page.own_url and page.rel not in copy_of:
            target = lookup(normalize_url(page.own_url, "file:///" + page.rel, extra=extra))
            if target is not None and target is not page and target.lang == page.lang:
                copy_of[page.rel] = target
    for rel, original in list(copy_of.items()):  # a copy of a copy: the original
        seen = {rel}
        while original.rel in copy_of and original.rel not in seen:
            seen.add(original.rel)
            original = copy_of[original.rel]
        copy_of[rel] = original
    originals = [p for p in pages if p.rel not in copy_of]
    for page in originals:
        for key in url_keys(page.own_url) if page.own_url else ():
            by_key.setdefault(key, page)

    def article(target: Page) -> Page:
        return copy_of.get(target.rel, target)

    problems: list[PairingProblem] = []
    flagged: set[str] = set()

    def problem(kind, page, target, message):
        problems.append(PairingProblem(kind, shown(page), target, message))
        flagged.add(page.rel)

    # Each page's links to the other language: (target article, method), its own first,
    # then its copies'. The first link (hreflang before the toggle) is the page's pointer,
    # which problems are reported against.
    sources: dict[str, list[Page]] = defaultdict(list)
    for page in pages:
        sources[article(page).rel].append(page)
    links: dict[str, list[tuple[Page, str]]] = {}
    points: dict[str, tuple[Page, str]] = {}
    for page in originals:
        if page.lang not in LANGS:
            continue
        want = OTHER[page.lang]
        found: list[tuple[Page, str]] = []
        for n, src in enumerate(sources[page.rel]):  # the page itself comes first
            hrefs = ([(src.alternates[want], "hreflang")] if want in src.alternates else [])
            hrefs += [(h, "toggle") for lang, h in src.toggles if lang == want]
            for i, (href, method) in enumerate(hrefs):
                hit = lookup(resolve(src, href, extra))
                target = article(hit) if hit is not None else None
                if n == 0 and i == 0:  # the page's own pointer
                    if target is None:
                        problem("broken_toggle", page, href,
                                f"the {_NAMES[want]} link leads to a page not in the mirror")
                    elif target is page:
                        problem("same_language", page, href, "the language link points at the page itself")
                    elif target.lang == page.lang:
                        problem("same_language", page, shown(target),
                                f"the {_NAMES[want]} link leads to another {_NAMES[page.lang]} page")
                    else:
                        points[page.rel] = (target, method)
                if target is not None and target.lang == want:
                    found.append((target, method))
        links[page.rel] = found

    def strength(a: Page, b: Page) -> int:
        return max((_STRENGTH[m] for t, m in links.get(a.rel, ()) if t is b), default=0)

    # Candidate pairs, strongest evidence first: mutual links, then hreflang over the toggle,
    # then the English page's own pointer; ties in path order.
    candidates = {}
    for page in originals:
        for target, _ in links.get(page.rel, ()):
            en, ru = (page, target) if page.lang == "en" else (target, page)
            if en.lang == "en" and ru.lang == "ru":
                candidates[(en.rel, ru.rel)] = (en, ru)
    ranked = []
    for en, ru in candidates.values():
        forward, back = strength(en, ru), strength(ru, en)
        own = points.get(en.rel, (None,))[0] is ru or points.get(ru.rel, (None,))[0] is en
        ranked.append(((-(forward > 0 and back > 0), -(forward + back), -own, en.rel, ru.rel), en, ru))
    ranked.sort(key=lambda x: x[0])

    pairs: list[MirrorPair] = []
    partner: dict[str, str] = {}

    def pair(en: Page, ru: Page, method: str):
        partner[en.rel], partner[ru.rel] = ru.rel, en.rel
        pairs.append(MirrorPair(shown(en), shown(ru), method))

    for _, en, ru in ranked:
        if en.rel in partner or ru.rel in partner:
            continue
        methods = [m for t, m in links.get(en.rel, ()) if t is ru] or [m for t, m in links.get(ru.rel, ()) if t is en]
        pair(en, ru, "hreflang" if "hreflang" in methods else "toggle")

    for page in originals:
        if page.rel not in points or page.rel in flagged:
            continue
        target, _ = points[page.rel]
        back = points.get(target.rel)
        if back is not None and back[0] is page:
            continue
        if partner.get(page.rel) == target.rel and any(t is page for t, _ in links.get(target.rel, ())):
            continue  # the other page links back (by a copy's link, or its second link)
        if page.rel in flagged or (back is None and target.rel in flagged):
            continue  # the other page's own problem (its broken link) is the one to report, once
        other = _NAMES[target.lang]
        if back is None:
            where = "has no link back"
        else:
            where = f"links to {back[0].rel} instead"
        problem("one_way_toggle", page, shown(target), f"the {other} page {where}")

    # Pages no link paired: match slugs, one English and one Russian page to a slug.
    en_pages = [p for p in originals if p.lang == "en"]
    ru_pages = [p for p in originals if p.lang == "ru"]
    free_en = defaultdict(list)
    free_ru = defaultdict(list)
    for page in en_pages:
        if page.rel not in partner and page.rel not in points:
            free_en[_slug(page.rel)].append(page)
    for page in ru_pages:
        if page.rel not in partner and page.rel not in points:
            free_ru[_slug(page.rel)].append(page)
    for slug, ens in free_en.items():
        rus = free_ru.get(slug, [])
        if len(ens) == 1 and len(rus) == 1:
            pair(ens[0], rus[0], "slug")

    unpaired_en = []
    for page in en_pages:
        if page.rel not in partner:
            unpaired_en.append(shown(page))
            if page.rel not in flagged:
                problem("no_translation", page, None, "no Russian version of this page in the mirror")
    for page in ru_pages:
        if page.rel not in partner and page.rel not in flagged:
            problem("orphan_translation", page, None, "no English page links to this Russian page")
    pairs.sort(key=lambda p: p.en_path)
    problems.sort(key=lambda p: (p.path, p.kind))
    copies = tuple(sorted((shown(rel), shown(orig)) for rel, orig in copy_of.items()))
    return MirrorPairing(root, tuple(pairs), tuple(problems), len(pages), tuple(unpaired_en), copies)


_NAMES = {"en": "English", "ru": "Russian"}


def pair_slug(en_path: str, root: str) -> str:
    """A slug for an article of the mirror: its English page's path, suffix and index dropped."""
    rel = PurePosixPath(Path(os.path.relpath(en_path, root)).as_posix())
    parts = list(rel.with_suffix("").parts)
    if parts and parts[-1].lower() == "index" and len(parts) > 1:
        parts.pop()
    return "/".join(parts)


def has_slug_dirs(root: Path) -> bool:
    """Whether ``root`` holds ``<slug>/`` folders with en/ru files (a corpus)."""
    from .layout import is_slug_dir as _is_slug_dir

    try:
        return any(c.is_dir() and _is_slug_dir(c) for c in Path(root).iterdir())
    except OSError:
        return False


def is_site_mirror(root: Path) -> bool:
    """HTML pages and no ``<slug>/`` folder holding en/ru files: a saved site, not a corpus."""
    return Path(root).is_dir() and not has_slug_dirs(root) and is_mirror(Path(root))


def article_pairs(root: Path, pairing: list | None = None) -> list[ArticlePair]:
    """The mirror's pairs as articles. Given a ``pairing`` list, its problems go there and
    unpaired English pages are left out; else those come with no Russian side."""
    result = pair_mirror(root)
    pairs = [ArticlePair(pair_slug(p.en_path, result.root), p.en_path, p.ru_path) for p in result.pairs]
    if pairing is not None:
        pairing.extend(result.problems)
    else:
        pairs += [ArticlePair(pair_slug(en, result.root), en, None) for en in result.unpaired_en]
    return pairs

