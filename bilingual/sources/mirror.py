"""Pairing the pages of a saved site mirror by what the pages say about each other.

A mirror is a tree of HTML pages, English and Russian under different paths
and slugs. Each page names its counterpart, in order of trust:

1. ``<link rel="alternate" hreflang="ru" href="...">`` in its head;
2. the language toggle: an ``<a>`` with ``hreflang``/``lang``, or whose text is
   «Русский», «Русская версия», «RU», "English", "EN";
3. failing both, a page in the other language with the same slug.

A page's own URL is its ``<link rel="canonical">`` or ``og:url``, else its path
under the mirror; hrefs resolve against it (query strings and fragments
ignored, ``index.html`` and a trailing slash the same page). Pairing needs only
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
from urllib.parse import urljoin, urlsplit

from ..errors import CorpusError
from ..io import read_regular, walk
from ..model import ArticlePair

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
    base: str | None = None  # <base href>, as written


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
    elif tag == b"meta":
        prop = (attrib.get("property") or attrib.get("name") or "").lower()
        content = attrib.get("content", "")
        if prop == "og:url" and content and page.own_url is None:
            page.own_url = content
        elif prop == "og:locale" and content and page.lang is None:
            page.lang = content.lower()[:2]
    elif tag == b"html":
        lang = (attrib.get("lang") or attrib.get("xml:lang") or "").lower()[:2]
        if lang:
            page.lang = lang
    elif tag == b"base" and page.base is None and attrib.get("href"):
        page.base = attrib["href"]


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


def resolve(page: Page, href: str) -> str:
    url = _page_url(page)
    base = url if "://" in url else "file://" + url
    if page.base:
        base = urljoin(base, page.base)
    return urljoin(base, href)


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


def pair_mirror(root: str | os.PathLike) -> MirrorPairing:
    """Pair the English and Russian pages of a mirror; report the toggle's problems."""
    root_path = Path(root)
    if not root_path.is_dir():
        raise CorpusError("not a folder", path=str(root))
    rels = mirror_pages(root_path)
    if not rels:
        raise CorpusError("no HTML pages here (.html, .htm)", path=str(root))
    pages = [read_page(root_path, rel) for rel in rels]
    return _pair(str(root_path), pages)


def _pair(root: str, pages: list[Page]) -> MirrorPairing:
    def shown(page_or_rel) -> str:
        rel = page_or_rel.rel if isinstance(page_or_rel, Page) else page_or_rel
        return os.path.join(root, *rel.split("/"))

    by_key: dict[str, Page] = {}
    for page in pages:
        for key in (*url_keys("/" + page.rel), *(url_keys(page.own_url) if page.own_url else ())):
            by_key.setdefault(key, page)

    def lookup(url: str) -> Page | None:
        for key in url_keys(url):
            if key in by_key:
                return by_key[key]
        return None

    problems: list[PairingProblem] = []
    flagged: set[str] = set()

    def problem(kind, page, target, message):
        problems.append(PairingProblem(kind, shown(page), target, message))
        flagged.add(page.rel)

    # Where each page's own pointer (hreflang first, then the toggle) leads.
    points: dict[str, tuple[Page, str]] = {}
    for page in pages:
        if page.lang not in LANGS:
            continue
        want = OTHER[page.lang]
        href, method = page.alternates.get(want), "hreflang"
        if href is None:
            href = next((h for lang, h in page.toggles if lang == want), None)
            method = "toggle"
        if href is None:
            continue
        url = resolve(page, href)
        target = lookup(url)
        if target is None:
            problem("broken_toggle", page, href, f"the {_NAMES[want]} link leads to a page not in the mirror")
        elif target is page:
            problem("same_language", page, href, "the language link points at the page itself")
        elif target.lang == page.lang:
            problem("same_language", page, shown(target),
                    f"the {_NAMES[want]} link leads to another {_NAMES[page.lang]} page")
        else:
            points[page.rel] = (target, method)

    pairs: list[MirrorPair] = []
    partner: dict[str, str] = {}

    def pair(en: Page, ru: Page, method: str):
        partner[en.rel], partner[ru.rel] = ru.rel, en.rel
        pairs.append(MirrorPair(shown(en), shown(ru), method))

    en_pages = [p for p in pages if p.lang == "en"]
    ru_pages = [p for p in pages if p.lang == "ru"]
    for side in (en_pages, ru_pages):  # English pages' links first, then Russian ones'
        for page in side:
            if page.rel in partner or page.rel not in points:
                continue
            target, method = points[page.rel]
            if target.rel in partner:
                continue  # taken by a page whose link was read first; reported below
            en, ru = (page, target) if page.lang == "en" else (target, page)
            pair(en, ru, method)
    for page in pages:
        if page.rel not in points:
            continue
        target, _ = points[page.rel]
        back = points.get(target.rel)
        if back is not None and back[0] is page:
            continue
        if page.rel in flagged:
            continue
        other = _NAMES[target.lang]
        if back is None:
            where = "has no link back" if target.rel not in flagged else "has a broken link back"
        else:
            where = f"links to {back[0].rel} instead"
        problem("one_way_toggle", page, shown(target), f"the {other} page {where}")

    # Pages no link paired: match slugs, one English and one Russian page to a slug.
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
    return MirrorPairing(root, tuple(pairs), tuple(problems), len(pages), tuple(unpaired_en))


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

