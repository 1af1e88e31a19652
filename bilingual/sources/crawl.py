"""Fetch a live bilingual site into a mirror that ``pairs``, ``check``, ``translate`` and ``mine``
read as they read a saved one.

Where it starts: the site's sitemaps (robots.txt's ``Sitemap:`` lines, else ``/sitemap.xml``;
a sitemap URL given directly), or a section page (its links, and the sitemaps' URLs, under the
section's path, unless ``prefixes`` says otherwise). Each
page's language links (hreflang alternates, the toggle) and the sitemap's ``xhtml:link``
alternates are followed, so an English page brings its Russian page and the other way round.

How it behaves on someone else's server:

- **robots.txt** (protego) is obeyed for every URL, and its ``Crawl-delay`` too;
- **one request at a time per host**, at most ``rate`` a second (and no faster than the
  ``Crawl-delay``);
- **429 and 503** are retried after the ``Retry-After`` the server asks for (seconds or a date;
  without one, 2, 4, 8 s ...), up to ``retries`` times, never waiting more than
  ``max_retry_wait`` for one answer; a timeout is a problem, not retried;
- a **User-Agent** naming the tool and its version;
- **a daily run fetches only what changed**: a page whose sitemap ``lastmod`` is the one
  recorded last time is not requested at all, and the others are asked with ``If-None-Match``/
  ``If-Modified-Since`` (a ``304`` keeps the saved page);
- **a manifest** (``.bilingual-crawl/manifest.jsonl`` in the mirror: URL, status, saved path,
  SHA-256, ETag, Last-Modified, lastmod, fetched-at, the page's language links) is appended and
  fsynced after every page, so a crawl killed at any moment resumes where it stopped without
  asking again for what it had;
- limits: ``max_pages`` (pages fetched with a body), ``since`` (sitemap entries older than the
  date are skipped), ``prefixes`` (the sitemap's and section's URLs outside these paths are
  skipped; language links are followed wherever they lead on the site).

Pages are saved as ``wget -m -nH`` saves them: ``https://site/news/a.html`` →
``mirror/news/a.html``, a folder URL → ``index.html``, an extension-less page → ``.html``
added, a query kept in the name after ``@``; pages of another host (a Russian site on its own
subdomain) under a folder named for the host. Pages are stored in UTF-8: a page served in
another charset is decoded by its declared charset and its ``<meta charset>`` rewritten.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import json
import os
import re
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import InputError, MissingExtraError, OutputError
from ..io import write_bytes_atomic
from .mirror import LANGS, read_page
from .sitemaps import SitemapEntry, parse_date, parse_sitemap
from .urls import normalize_url, page_base

MANIFEST = Path(".bilingual-crawl") / "manifest.jsonl"
MAX_PAGE_BYTES = 10_000_000
MAX_SITEMAPS = 1000
MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")


def user_agent() -> str:
    from .. import __version__

    return f"bilingual/{__version__} (bilingual site crawler; +https://pypi.org/project/bilingual/)"


@dataclass
class CrawlOptions:
    max_pages: int | None = None
    since: dt.date | None = None
    prefixes: tuple[str, ...] = ()
    rate: float = 1.0  # requests a second per host, at most
    timeout: float = 10.0
    retries: int = 3
    max_retry_wait: float = 120.0
    user_agent: str = field(default_factory=user_agent)
    tracking_params: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CrawlProblem:
    kind: str  # http_error | timeout | network | disallowed | robots_unavailable | not_html | too_large | gave_up
    url: str
    message: str

    def to_dict(self) -> dict:
        return {"kind": self.kind, "url": self.url, "message": self.message}


@dataclass
class CrawlResult:
    out: str
    saved: list[str] = field(default_factory=list)  # mirror paths written this run
    unchanged: int = 0  # known pages not fetched again (lastmod, 304, resumed)
    requests: int = 0
    problems: list[CrawlProblem] = field(default_factory=list)
    resumed: bool = False

    def to_dict(self) -> dict:
        return {"out": self.out, "saved": self.saved, "unchanged": self.unchanged, "requests": self.requests,
                "resumed": self.resumed, "problems": [p.to_dict() for p in self.problems]}


# --------------------------------------------------------------------------- where pages go

_UNSAFE = re.compile(r'[\x00-\x1f<>:"\\|?*]')


def mirror_path(url: str, home_host: str) -> str:
    """The posix path under the mirror where ``url`` is saved (``wget -m -nH`` style)."""
    parts = urlsplit(url)
    path = unquote(parts.path or "/")
    segments = [_UNSAFE.sub("_", s) for s in path.split("/")[1:] if s not in ("", ".", "..")]
    folder_url = path.endswith("/") or not segments
    if folder_url:
        segments.append("index.html")
    name = segments[-1]
    stem, dot, ext = name.rpartition(".")
    if not dot or ext.lower() not in ("html", "htm"):
        stem, ext = name, "html"
    if parts.query:
        stem += "@" + _UNSAFE.sub("_", unquote(parts.query)).replace("/", "_")[:100]
    segments[-1] = f"{stem}.{ext}"
    host = parts.netloc.lower()
    if host != home_host:
        segments.insert(0, _UNSAFE.sub("_", host))
    return "/".join(segments)


_META_CHARSET = re.compile(rb"""(<meta\b[^>]*?charset\s*=\s*["']?)([\w.:-]+)""", re.I)


def to_utf8(data: bytes, header_charset: str | None) -> bytes:
    """The page in UTF-8, its ``<meta charset>`` saying so (decoded by the HTTP header's
    charset, else the page's own declaration, else UTF-8)."""
    import codecs

    declared = _META_CHARSET.search(data[:4096])
    name = header_charset or (declared.group(2).decode("ascii", "replace") if declared else "utf-8")
    try:
        codecs.lookup(name)
    except LookupError:
        name = "utf-8"
    if codecs.lookup(name).name == "utf-8":
        return data
    text = data.decode(name, errors="replace").encode("utf-8")
    return _META_CHARSET.sub(lambda m: m.group(1) + b"utf-8", text, count=2)


# --------------------------------------------------------------------------- the manifest

class Manifest:
    """An append-only JSON-lines log of the crawl; the last record of a URL is its state."""

    def __init__(self, out: Path):
        self.path = out / MANIFEST
        self.records: dict[str, dict] = {}
        self.run = 0
        self.open_run = False  # the last run was killed before it finished
        if self.path.is_file():
            for line in self.path.read_text(encoding="utf-8", errors="replace").splitlines():
                try:
                    rec = json.loads(line)
                except ValueError:
                    continue  # a line torn by a kill
                if not isinstance(rec, dict):
                    continue
                if rec.get("event") == "start":
                    self.run, self.open_run = int(rec.get("run", 0)), True
                elif rec.get("event") == "done":
                    self.open_run = False
                elif isinstance(rec.get("url"), str):
                    self.records[rec["url"]] = rec
        self._fh = None

    def start(self) -> bool:
        """Begin a run, or carry on the one a kill interrupted; True when resuming."""
        resumed = self.open_run
        if not resumed:
            self.run += 1
            self.append({"event": "start", "run": self.run, "at": _now()})
        return resumed

    def finish(self) -> None:
        self.append({"event": "done", "run": self.run, "at": _now()})

    def append(self, rec: dict) -> None:
        if self._fh is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._fh = self.path.open("a", encoding="utf-8")
            except OSError as err:
                raise OutputError(f"can't write: {err.strerror or err}", path=str(self.path)) from None
        if "url" in rec:
            rec = {**rec, "run": self.run}
            self.records[rec["url"]] = rec
        self._fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        self._fh.flush()
        os.fsync(self._fh.fileno())

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


# --------------------------------------------------------------------------- the crawler

class Crawler:
    def __init__(self, start: str, out: str | os.PathLike, options: CrawlOptions | None = None):
        try:
            import httpx  # noqa: F401
            import protego  # noqa: F401
        except ImportError:
            raise MissingExtraError("crawl", "bilingual crawl") from None
        self.options = options or CrawlOptions()
        if "://" not in start:
            raise InputError(f"not a URL (http://… or https://…): {start}")
        self.start_url = normalize_url(start, extra=self.options.tracking_params)
        parts = urlsplit(self.start_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError(f"not an http(s) URL: {start}")
        self.home = parts.netloc
        self.section = parts.path not in ("", "/") and not parts.path.lower().endswith((".xml", ".xml.gz"))
        if self.section and not self.options.prefixes:  # a section page: the section's URLs only
            folder = parts.path.rsplit("/", 1)[0] + "/"
            self.options = replace(self.options, prefixes=(folder,))
        self.out = Path(out)
        if self.out.exists() and not self.out.is_dir():
            raise OutputError("is a file, not a folder", path=str(self.out))
        self.result = CrawlResult(str(self.out))
        self.robots: dict[str, object] = {}
        self.last_time: dict[str, float] = {}  # when the last request to a host was sent
        self.delay: dict[str, float] = {}
        self.lastmod: dict[str, str] = {}
        self.queue: list[str] = []
        self.seen: set[str] = set()
        self.fetched = 0

    # ---------------------------------------------------------------- HTTP, politely

    def _wait_turn(self, host: str, until: float = 0.0) -> None:
        """Sleep until the host's interval since the last request (and ``until``) has passed."""
        interval = self.delay.get(host, 1.0 / self.options.rate)
        pause = max(self.last_time.get(host, -1e9) + interval, until) - time.monotonic()
        if pause > 0:
            time.sleep(pause)

    def _request(self, client, url: str, headers: dict | None = None):
        """One GET, after the host's turn; 429/503 retried after Retry-After. Returns the
        response, or None with a problem recorded."""
        import httpx

        host = urlsplit(url).netloc
        not_before = 0.0
        for attempt in range(self.options.retries + 1):
            self._wait_turn(host, not_before)
            self.last_time[host] = time.monotonic()
            self.result.requests += 1
            try:
                response = client.get(url, headers=headers or {})
            except httpx.TimeoutException:
                self._problem("timeout", url, f"no answer within {self.options.timeout:g} s")
                return None
            except httpx.HTTPError as err:
                self._problem("network", url, f"{type(err).__name__}: {err}")
                return None
            if response.status_code not in (429, 503):
                return response
            wait = _retry_after(response.headers.get("Retry-After"), 2.0 ** (attempt + 1))
            if wait > self.options.max_retry_wait or attempt == self.options.retries:
                self._problem("gave_up", url, f"HTTP {response.status_code} after {attempt + 1} tries "
                                              f"(Retry-After {wait:g} s)")
                return None
            not_before = time.monotonic() + wait
        return None

    def _problem(self, kind: str, url: str, message: str) -> None:
        self.result.problems.append(CrawlProblem(kind, url, message))

    def _robots_for(self, client, url: str):
        from protego import Protego

        parts = urlsplit(url)
        host = parts.netloc
        if host not in self.robots:
            self.robots[host] = None
            robots_url = f"{parts.scheme}://{host}/robots.txt"
            response = self._request(client, robots_url)
            # RFC 9309: a robots.txt that is not there (4xx) allows everything; one the server
            # can't give (5xx, no answer) disallows everything until it can.
            if response is not None and response.status_code == 200:
                rules = Protego.parse(response.text)
            elif response is not None and 400 <= response.status_code < 500:
                rules = Protego.parse("")
            else:
                rules = Protego.parse("User-agent: *\nDisallow: /\n")
                self._problem("robots_unavailable", robots_url,
                              f"HTTP {response.status_code}: the host is not crawled" if response is not None
                              else "no answer: the host is not crawled")
            self.robots[host] = rules
            delay = rules.crawl_delay(self.options.user_agent)
            self.delay[host] = max(1.0 / self.options.rate, float(delay or 0))
        return self.robots[host]

    def allowed(self, client, url: str) -> bool:
        rules = self._robots_for(client, url)
        return rules is None or rules.can_fetch(url, self.options.user_agent)

    # ---------------------------------------------------------------- what to fetch

    def _norm(self, href: str, base: str | None = None) -> str | None:
        url = normalize_url(href, base, extra=self.options.tracking_params)
        return url if urlsplit(url).scheme in ("http", "https") else None

    def _in_prefixes(self, url: str) -> bool:
        path = urlsplit(url).path
        return not self.options.prefixes or any(path.startswith(p) for p in self.options.prefixes)

    def _enqueue(self, url: str | None) -> None:
        if url and url not in self.seen:
            self.seen.add(url)
            self.queue.append(url)

    def _seed_entry(self, entry: SitemapEntry) -> None:
        url = self._norm(entry.url)
        if url is None or not self._in_prefixes(url):
            return
        if self.options.since and entry.modified() and entry.modified().date() < self.options.since:
            return
        if entry.lastmod:
            self.lastmod[url] = entry.lastmod
        self._enqueue(url)
        for lang, alt in entry.alternates.items():
            if lang in LANGS:
                self._enqueue(self._norm(alt))

    def _sitemaps(self, client) -> list[str]:
        if urlsplit(self.start_url).path.lower().endswith((".xml", ".xml.gz")):
            return [self.start_url]
        rules = self._robots_for(client, self.start_url)
        listed = list(rules.sitemaps) if rules is not None else []
        parts = urlsplit(self.start_url)
        return listed or [f"{parts.scheme}://{parts.netloc}/sitemap.xml"]

    def _read_sitemaps(self, client) -> None:
        todo, done = self._sitemaps(client), set()
        while todo and len(done) < MAX_SITEMAPS:
            url = todo.pop(0)
            if url in done or not self.allowed(client, url):
                continue
            done.add(url)
            response = self._request(client, url)
            if response is None or response.status_code != 200:
                continue
            sitemap = parse_sitemap(response.content[:MAX_PAGE_BYTES])
            todo += [s for s in sitemap.sitemaps if s not in done]
            for entry in sitemap.entries:
                self._seed_entry(entry)

    # ---------------------------------------------------------------- one page

    def _known_unchanged(self, url: str, record: dict | None, resumed_run: int | None) -> bool:
        if record is None or record.get("status") not in (200, 304, 301, 302, 303, 307, 308, 404, 410):
            return False
        if resumed_run is not None and record.get("run") == resumed_run:
            return True  # done before the kill
        if record.get("status") != 200 or not record.get("path") or not (self.out / record["path"]).is_file():
            return False
        return url in self.lastmod and self.lastmod[url] == record.get("lastmod")

    def _visit(self, client, manifest: Manifest, url: str, resumed_run: int | None) -> None:
        record = manifest.records.get(url)
        if self._known_unchanged(url, record, resumed_run):
            self.result.unchanged += 1
            self._follow(record)
            return
        if not self.allowed(client, url):
            self._problem("disallowed", url, "robots.txt disallows it")
            return
        headers = {}
        if record and record.get("status") == 200 and record.get("path") and (self.out / record["path"]).is_file():
            if record.get("etag"):
                headers["If-None-Match"] = record["etag"]
            if record.get("last_modified"):
                headers["If-Modified-Since"] = record["last_modified"]
        response = self._request(client, url, headers)
        if response is None:
            return
        status = response.status_code
        base = {"url": url, "status": status, "fetched_at": _now(), "lastmod": self.lastmod.get(url)}
        if status in (301, 302, 303, 307, 308):
            target = self._norm(response.headers.get("Location", ""), url)
            manifest.append({**base, "location": target})
            if target:
                self.lastmod.setdefault(target, self.lastmod.get(url))
                self._enqueue(target)
            return
        if status == 304 and record:
            self.result.unchanged += 1
            manifest.append({**record, "status": 200, "fetched_at": base["fetched_at"],
                             "lastmod": base["lastmod"] or record.get("lastmod")})
            self._follow(record)
            return
        if status != 200:
            self._problem("http_error", url, f"HTTP {status}")
            manifest.append(base)
            return
        ctype = response.headers.get("Content-Type", "text/html").split(";")[0].strip().lower()
        if ctype not in HTML_TYPES:
            self._problem("not_html", url, f"{ctype}, not a web page")
            manifest.append(base)
            return
        data = response.content
        if len(data) > MAX_PAGE_BYTES:
            self._problem("too_large", url, f"{len(data):,} bytes")
            manifest.append(base)
            return
        data = to_utf8(data, response.charset_encoding)
        rel = mirror_path(url, self.home)
        target = self.out / rel
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise OutputError(f"can't write: {err.strerror or err}", path=str(target.parent)) from None
        write_bytes_atomic(target, data)
        self.fetched += 1
        self.result.saved.append(rel)
        links = self._links(rel, url)
        rec = {**base, "path": rel, "sha256": hashlib.sha256(data).hexdigest(),
               "etag": response.headers.get("ETag"), "last_modified": response.headers.get("Last-Modified"),
               "links": links}
        manifest.append(rec)
        self._follow(rec)
        if url == self.start_url and self.section:
            self._section_links(data, url)

    def _links(self, rel: str, url: str) -> list[str]:
        """The page's language links (hreflang alternates, toggles), as normalised URLs."""
        page = read_page(self.out, rel)
        base = page_base(url, page.base_href)
        hrefs = [*page.alternates.values(), *(h for _, h in page.toggles)]
        out = []
        for href in hrefs:
            link = self._norm(href, base)
            if link and link not in out and link != url:
                out.append(link)
        return out

    def _follow(self, record: dict | None) -> None:
        record = record or {}
        for link in [*(record.get("links") or ()), record.get("location")]:
            self._enqueue(link)

    def _section_links(self, data: bytes, url: str) -> None:
        """A section page (the start URL): its links under the section's path."""
        import lxml.etree
        import lxml.html

        try:
            root = lxml.html.document_fromstring(data)
        except (lxml.etree.ParserError, ValueError):  # an unreadable section page has no links
            return
        folder = urlsplit(url).path.rsplit("/", 1)[0] + "/"
        for _, _, href, _ in root.iterlinks():
            link = self._norm(href, url)
            if link and urlsplit(link).netloc == self.home and urlsplit(link).path.startswith(folder):
                self._enqueue(link)

    # ---------------------------------------------------------------- the run

    def run(self) -> CrawlResult:
        import httpx

        manifest = Manifest(self.out)
        resumed = manifest.start()
        self.result.resumed = resumed
        resumed_run = manifest.run if resumed else None
        transport = httpx.HTTPTransport(retries=0)
        try:
            with httpx.Client(headers={"User-Agent": self.options.user_agent}, timeout=self.options.timeout,
                              follow_redirects=False, transport=transport) as client:
                self._read_sitemaps(client)
                if self.section:
                    self.seen.discard(self.start_url)
                    self.queue.insert(0, self.start_url)
                    self.seen.add(self.start_url)
                while self.queue:
                    if self.options.max_pages is not None and self.fetched >= self.options.max_pages:
                        break
                    self._visit(client, manifest, self.queue.pop(0), resumed_run)
            manifest.finish()
        finally:
            manifest.close()
        return self.result


def _retry_after(value: str | None, fallback: float) -> float:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return fallback
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return fallback
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - dt.datetime.now(dt.timezone.utc)).total_seconds())


def crawl(start: str, out: str | os.PathLike, options: CrawlOptions | None = None) -> CrawlResult:
    """Fetch the site at ``start`` (its root, a section page or a sitemap URL) into ``out``."""
    return Crawler(start, out, options).run()


def since_date(text: str) -> dt.date:
    value = parse_date(text)
    if value is None:
        raise InputError(f"not a date (YYYY-MM-DD): {text}")
    return value.date()


