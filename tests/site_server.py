"""A generated bilingual news site served over real HTTP on 127.0.0.1, for crawl tests.

Built from the shipped corpus: each article has an English and a Russian page at different
paths and slugs, with the chrome a real page carries (a date line, a search box, the
«Русский»/English toggle, "4 mins read", a picture with alt text and a captioned credit, a share
bar, related links). Around them, every case a crawler meets:

- ``robots.txt`` disallows ``/en/private/``, asks for ``Crawl-delay`` and names the sitemap index;
- a sitemap index with an English news sitemap (``news:publication_date``, ``lastmod``,
  ``xhtml:link`` hreflang alternates) and a Russian sitemap;
- a redirect to the canonical URL (``/en/world/moldova`` → ``/en/world/moldova/``);
- a toggle leading to a 404; a page that answers 429 with ``Retry-After`` once; a page slower
  than the crawler's timeout; gzip for every client that accepts it; a Russian page in
  Windows-1251; an AMP copy and a print version of an English page (canonical → the page; the
  AMP copy also links to the Russian page); a toggle that is relative, with a query and a
  fragment;
- ETag and Last-Modified on every page (conditional GET answers 304), and ``change(path)``
  to edit one page between two runs (new text, new ETag, new ``lastmod``).

The server logs every request (time, path, status, User-Agent) so a test can count requests
per second and which pages were fetched with a body.
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import html
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bilingual.sources.corpus import split_front_matter

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
CRAWL_DELAY = 0.25
SLOW_SECONDS = 3.0
BASE_TIME = 1_750_000_000  # 2025-06-15: every page's first Last-Modified

# path -> (corpus slug, lang, {"toggle": href, "alternate": href, "canonical": path, "amp": path})
ARTICLES = {
    # hreflang both ways and mutual toggles; an AMP copy and a print version
    "/en/news/putin-nato-pledge.html": ("putin-nato-pledge", "en", {
        "alternate": "/ru/novosti/putin-garantii.html", "toggle": "/ru/novosti/putin-garantii.html",
        "amp": "/en/news/putin-nato-pledge.amp.html"}),
    "/ru/novosti/putin-garantii.html": ("putin-nato-pledge", "ru", {
        "alternate": "/en/news/putin-nato-pledge.html", "toggle": "/en/news/putin-nato-pledge.html"}),
    # toggles only: relative, with a query and a fragment; a folder URL (redirected without slash)
    "/en/world/moldova/": ("moldova-georgia-nato", "en", {
        "toggle": "../../../ru/mir/moldaviya-gruziya/?from=en#top"}),
    "/ru/mir/moldaviya-gruziya/": ("moldova-georgia-nato", "ru", {
        "toggle": "/en/world/moldova/?utm_source=ru&utm_medium=toggle"}),
    # hreflang in the head and in the sitemap; the Russian page in Windows-1251
    "/en/news/strikes-kharkiv-sumy.html": ("strikes-kharkiv-sumy", "en", {
        "alternate": "/ru/novosti/udary-harkov-sumy.html"}),
    "/ru/novosti/udary-harkov-sumy.html": ("strikes-kharkiv-sumy", "ru", {
        "alternate": "/en/news/strikes-kharkiv-sumy.html", "charset": "windows-1251"}),
    # mutual toggles; the Russian page is the one changed between runs
    "/en/news/putin-iran-israel.html": ("putin-iran-israel-calls", "en", {
        "toggle": "/ru/novosti/putin-iran.html"}),
    "/ru/novosti/putin-iran.html": ("putin-iran-israel-calls", "ru", {
        "toggle": "/en/news/putin-iran-israel.html"}),
    # the toggle leads to a page that is not there (404)
    "/en/news/nato-open-door.html": ("nato-open-door-bucharest", "en", {
        "toggle": "/ru/novosti/nato-dveri.html"}),
    # the English page answers 429 (Retry-After: 1) the first time
    "/en/news/moscow-iran.html": ("moscow-iran-regime-change", "en", {
        "toggle": "/ru/novosti/moskva-iran.html", "alternate": "/ru/novosti/moskva-iran.html"}),
    "/ru/novosti/moskva-iran.html": ("moscow-iran-regime-change", "ru", {
        "toggle": "/en/news/moscow-iran.html", "alternate": "/en/news/moscow-iran.html"}),
    # the English page sits in a section robots.txt disallows; the Russian one links to it
    "/en/private/trump-putin-call.html": ("trump-putin-phone-call", "en", {
        "toggle": "/ru/novosti/tramp-putin.html"}),
    "/ru/novosti/tramp-putin.html": ("trump-putin-phone-call", "ru", {
        "toggle": "/en/private/trump-putin-call.html"}),
}
# Copies of an article: canonical -> the article's page.
COPIES = {
    "/en/news/putin-nato-pledge.amp.html": ("/en/news/putin-nato-pledge.html", "amp"),
    "/print/en/news/putin-nato-pledge.html": ("/en/news/putin-nato-pledge.html", "print"),
}
REDIRECTS = {"/en/world/moldova": "/en/world/moldova/"}
SLOW = "/en/news/slow-page.html"
RETRY_ONCE = "/en/news/moscow-iran.html"
MISSING_TOGGLE = "/ru/novosti/nato-dveri.html"
DISALLOWED = "/en/private/"

# What a crawl of the site should end with.
EXPECTED_PAIRS = [  # (English page, Russian page) as saved under the mirror
    ("en/news/moscow-iran.html", "ru/novosti/moskva-iran.html"),
    ("en/news/putin-iran-israel.html", "ru/novosti/putin-iran.html"),
    ("en/news/putin-nato-pledge.html", "ru/novosti/putin-garantii.html"),
    ("en/news/strikes-kharkiv-sumy.html", "ru/novosti/udary-harkov-sumy.html"),
    ("en/world/moldova/index.html", "ru/mir/moldaviya-gruziya/index.html"),
]
CHANGED_PAGE = "/ru/novosti/putin-iran.html"


@dataclass
class Hit:
    t: float
    path: str
    status: int
    user_agent: str
    conditional: bool


@dataclass
class Site:
    """The site's content and its request log; ``base`` is set once the server listens."""

    base: str = ""
    versions: dict[str, int] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    retried: set = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    # ------------------------------------------------------------------ content

    def change(self, path: str) -> None:
        """Edit one page: a new paragraph, so a new ETag, Last-Modified and sitemap lastmod."""
        with self.lock:
            self.versions[path] = self.versions.get(path, 0) + 1

    def modified(self, path: str) -> int:
        return BASE_TIME + 86_400 * self.versions.get(path, 0)

    def article_html(self, path: str) -> tuple[str, str]:
        slug, lang, links = ARTICLES[path]
        meta, body = split_front_matter((CORPUS / slug / f"{lang}.md").read_text(encoding="utf-8"))
        blocks = [b.strip() for b in body.strip().split("\n\n") if b.strip()]
        for n in range(self.versions.get(path, 0)):
            blocks.append("Обновлено: добавлен абзац номер %d." % (n + 1) if lang == "ru"
                          else "Updated: paragraph number %d added." % (n + 1))
        return page(lang, str(meta.get("title", slug)), str(meta.get("date", "2025-06-01")), blocks,
                    canonical=self.base + path, links=links, base=self.base), links.get("charset", "utf-8")

    def copy_html(self, path: str) -> str:
        target, kind = COPIES[path]
        slug, lang, links = ARTICLES[target]
        meta, body = split_front_matter((CORPUS / slug / f"{lang}.md").read_text(encoding="utf-8"))
        blocks = [b.strip() for b in body.strip().split("\n\n") if b.strip()]
        # The AMP copy keeps the toggle to the Russian page; the print version has none.
        return page(lang, str(meta.get("title", slug)), str(meta.get("date", "2025-06-01")), blocks,
                    canonical=self.base + target, links={"toggle": links["toggle"]} if kind == "amp" else {},
                    base=self.base)

    def robots(self) -> str:
        return (f"User-agent: *\nDisallow: {DISALLOWED}\nCrawl-delay: {CRAWL_DELAY}\n\n"
                f"Sitemap: {self.base}/sitemap_index.xml\n")

    def sitemap_index(self) -> str:
        items = "".join(f"<sitemap><loc>{self.base}{p}</loc></sitemap>"
                        for p in ("/sitemaps/en-news.xml", "/sitemaps/ru.xml"))
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</sitemapindex>')

    def sitemap(self, lang: str) -> str:
        urls = []
        paths = [p for p, (_, lg, _) in ARTICLES.items() if lg == lang]
        if lang == "en":
            paths += [SLOW, *COPIES]
        for path in paths:
            loc = "/en/world/moldova" if path == "/en/world/moldova/" else path  # redirected
            entry = [f"<loc>{self.base}{loc}</loc>",
                     f"<lastmod>{_iso(self.modified(path))}</lastmod>"]
            alt = ARTICLES.get(path, ("", "", {}))[2].get("alternate")
            if alt:
                other = "ru" if lang == "en" else "en"
                entry.append(f'<xhtml:link rel="alternate" hreflang="{lang}" href="{self.base}{path}"/>')
                entry.append(f'<xhtml:link rel="alternate" hreflang="{other}" href="{self.base}{alt}"/>')
            if lang == "en" and path in ARTICLES:
                entry.append("<news:news><news:publication><news:name>News</news:name>"
                             "<news:language>en</news:language></news:publication>"
                             f"<news:publication_date>{_iso(self.modified(path))}</news:publication_date>"
                             "<news:title>t</news:title></news:news>")
            urls.append("<url>" + "".join(entry) + "</url>")
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                'xmlns:xhtml="http://www.w3.org/1999/xhtml" '
                'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + "".join(urls) + "</urlset>")

    # ------------------------------------------------------------------ the log

    def log(self, path: str, status: int, user_agent: str, conditional: bool) -> None:
        with self.lock:
            self.hits.append(Hit(time.monotonic(), path, status, user_agent, conditional))

    def bodies(self, since: int = 0) -> list[str]:
        """Paths answered 200 with a page (not robots/sitemaps) since hit number ``since``."""
        return [h.path for h in self.hits[since:] if h.status == 200 and h.path.endswith((".html", "/"))]

    def max_per_second(self) -> int:
        times = sorted(h.t for h in self.hits)
        best, j = 0, 0
        for i, t in enumerate(times):
            while times[j] <= t - 1.0:
                j += 1
            best = max(best, i - j + 1)
        return best

    def min_gap(self) -> float:
        times = sorted(h.t for h in self.hits)
        return min((b - a for a, b in zip(times, times[1:])), default=float("inf"))


def _iso(ts: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(ts))


def page(lang: str, title: str, date: str, blocks: list[str], *, canonical: str, links: dict,
         base: str) -> str:
    """An article page with a real site's chrome around the article."""
    charset = links.get("charset", "utf-8")
    esc = html.escape
    head = [f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="{charset}">',
            f"<title>{esc(title)} | News</title>", f'<link rel="canonical" href="{canonical}">',
            f'<meta property="og:title" content="{esc(title)}">',
            f'<meta property="article:published_time" content="{date}T09:30:00+00:00">']
    other = "ru" if lang == "en" else "en"
    if links.get("alternate"):
        head.append(f'<link rel="alternate" hreflang="{lang}" href="{canonical}">')
        head.append(f'<link rel="alternate" hreflang="{other}" href="{base}{links["alternate"]}">')
    if links.get("amp"):
        head.append(f'<link rel="amphtml" href="{base}{links["amp"]}">')
    toggle = ""
    if links.get("toggle"):
        toggle = f'<a class="lang" href="{esc(links["toggle"])}">{"Русский" if lang == "en" else "English"}</a>'
    read = "4 mins read" if lang == "en" else "4 мин. чтения"
    today = "Today: Jun 18, 2025" if lang == "en" else "Сегодня: 18 июня 2025"
    credit = ("Officials at a meeting in Moscow. Sputnik/Pool via REUTERS." if lang == "en"
              else "Участники встречи в Москве. Фото: Спутник/Пул via REUTERS.")
    body = []
    for block in blocks:
        level = len(block) - len(block.lstrip("#"))
        if level:
            body.append(f"<h{level}>{esc(block[level:].strip())}</h{level}>")
        else:
            body.append(f"<p>{esc(' '.join(block.split()))}</p>")
    related = "".join(f'<li><a href="/{lang}/news/related-{i}.html">Related story number {i} on the site</a></li>'
                      for i in range(4))
    return ("\n".join(head) + "\n<script>window.dataLayer = [];</script></head>\n<body>\n"
            f'<header><div class="today">{today}</div><form action="/search"><input name="q">'
            f'<button>Search</button></form><div class="lang-switch">{toggle}</div>'
            f'<nav><ul><li><a href="/{lang}/">Home</a></li><li><a href="/{lang}/news/">News</a></li></ul></nav>'
            "</header>\n<main><article>\n"
            f'<div class="meta"><span class="read-time">{read}</span></div>\n'
            f'<figure><img src="/img/1.jpg" alt="A man and a microphone"><figcaption>{credit}</figcaption></figure>\n'
            + "\n".join(body) +
            '\n<div class="share"><a href="https://share.example/t">Share</a></div></article>'
            f'<aside><h3>Related</h3><ul>{related}</ul></aside></main>\n'
            "<footer>© News 2025. All rights reserved.</footer></body></html>\n")


def _section(lang: str) -> str:
    links = "".join(f'<li><a href="{p}">{p}</a></li>' for p, (_, lg, _) in ARTICLES.items() if lg == lang)
    return f'<!DOCTYPE html><html lang="{lang}"><head><title>News</title></head><body><ul>{links}</ul></body></html>'


class _Handler(BaseHTTPRequestHandler):
    site: Site  # set on the subclass each server makes
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):  # noqa: N802 - http.server's name
        site = self.site
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        ua = self.headers.get("User-Agent", "")
        conditional = bool(self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"))
        if path == SLOW:
            site.log(path, 200, ua, conditional)
            time.sleep(SLOW_SECONDS)
            return self._send(200, "<html><body><p>Too late.</p></body></html>")
        if path in REDIRECTS:
            site.log(path, 301, ua, conditional)
            return self._send(301, "", headers={"Location": site.base + REDIRECTS[path]})
        if path == RETRY_ONCE and path not in site.retried:
            site.retried.add(path)
            site.log(path, 429, ua, conditional)
            return self._send(429, "slow down", headers={"Retry-After": "1"})
        charset = "utf-8"
        if path == "/robots.txt":
            body, ctype = site.robots(), "text/plain"
        elif path == "/sitemap_index.xml":
            body, ctype = site.sitemap_index(), "application/xml"
        elif path in ("/sitemaps/en-news.xml", "/sitemaps/ru.xml"):
            body, ctype = site.sitemap("en" if "en-" in path else "ru"), "application/xml"
        elif path in ARTICLES:
            (body, charset), ctype = site.article_html(path), "text/html"
        elif path in COPIES:
            body, ctype = site.copy_html(path), "text/html"
        elif path in ("/en/news/", "/ru/novosti/"):
            body, ctype = _section(path[1:3]), "text/html"
        else:
            site.log(path, 404, ua, conditional)
            return self._send(404, "<html><body><h1>Not found</h1></body></html>")
        data = body.encode(charset, errors="xmlcharrefreplace")
        etag = '"%s"' % hashlib.sha1(data).hexdigest()[:16]
        modified = email.utils.formatdate(site.modified(path), usegmt=True)
        if self.headers.get("If-None-Match") == etag:
            site.log(path, 304, ua, conditional)
            return self._send(304, b"", headers={"ETag": etag, "Last-Modified": modified})
        site.log(path, 200, ua, conditional)
        self._send(200, data, ctype=f"{ctype}; charset={charset}",
                   headers={"ETag": etag, "Last-Modified": modified})

    def _send(self, status: int, body, ctype: str = "text/html; charset=utf-8", headers=None):
        data = body.encode("utf-8") if isinstance(body, str) else body
        try:
            self.send_response(status)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            if data and "gzip" in self.headers.get("Accept-Encoding", ""):
                data = gzip.compress(data)
                self.send_header("Content-Encoding", "gzip")
            if status != 304:
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if status != 304:
                self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (the slow page)
            pass


class SiteServer:
    """``with SiteServer() as site: crawl(site.base)``: the site on 127.0.0.1, an ephemeral port."""

    def __init__(self):
        self.site = Site()
        handler = type("Handler", (_Handler,), {"site": self.site})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.site.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Site:
        self.thread.start()
        return self.site

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


if __name__ == "__main__":  # serve it by hand: python -m tests.site_server [PORT]; kill -USR1 edits a page
    import signal
    import sys

    server = SiteServer()
    if len(sys.argv) > 1:  # a fixed port, for the docs' examples
        server.httpd.server_close()
        server.httpd = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), server.httpd.RequestHandlerClass)
        server.httpd.daemon_threads = True
        server.site.base = f"http://127.0.0.1:{sys.argv[1]}"
        server.thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    signal.signal(signal.SIGUSR1, lambda *_: server.site.change(CHANGED_PAGE))
    with server as site:
        print(site.base, flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            sys.exit(0)
