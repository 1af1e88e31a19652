"""`bilingual crawl` against a generated bilingual site served on 127.0.0.1 (tests/site_server.py).

Every run is bounded: the site has 16 URLs, the crawler's timeout is 1 s and each test's
subprocess is killed after 120 s.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("httpx")
pytest.importorskip("protego")

from bilingual.sources.crawl import mirror_path, to_utf8  # noqa: E402
from bilingual.sources.mirror import pair_mirror  # noqa: E402

from .site_server import (  # noqa: E402
    CHANGED_PAGE, CRAWL_DELAY, DISALLOWED, EXPECTED_PAIRS, MISSING_TOGGLE, RETRY_ONCE, SLOW, SiteServer,
)

ROOT = Path(__file__).resolve().parents[1]


def run_crawl(base: str, out: Path, *extra: str, wait: bool = True):
    cmd = [sys.executable, "-m", "bilingual", "crawl", base, "-o", str(out), "--rate", "10", "--timeout", "1",
           "--format", "json", *extra]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if not wait:
        return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=out.parent)
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env, cwd=out.parent)
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, json.loads(done.stdout)


@pytest.fixture(scope="module")
def first_crawl(tmp_path_factory):
    """One crawl of the site, shared by the tests that read its outcome."""
    out = tmp_path_factory.mktemp("crawl") / "mirror"
    with SiteServer() as site:
        code, report = run_crawl(site.base, out)
        yield site, out, code, report


def test_every_pair_found(first_crawl):
    site, out, _, _ = first_crawl
    result = pair_mirror(out, tracking_params=frozenset())
    assert sorted((str(Path(p.en_path).relative_to(out)), str(Path(p.ru_path).relative_to(out)))
                  for p in result.pairs) == EXPECTED_PAIRS
    # the AMP copy and the print version are the pledge article, not articles of their own
    assert sorted(str(Path(c).relative_to(out)) for c, _ in result.copies) == [
        "en/news/putin-nato-pledge.amp.html", "print/en/news/putin-nato-pledge.html"]


def test_every_problem_reported(first_crawl):
    site, out, code, report = first_crawl
    assert code == 1
    got = sorted((p["kind"], p["url"].replace(site.base, "")) for p in report["problems"])
    assert got == [("disallowed", "/en/private/trump-putin-call.html"),
                   ("http_error", MISSING_TOGGLE),
                   ("timeout", SLOW)]
    pairing = pair_mirror(out, tracking_params=frozenset())
    assert sorted((p.kind, str(Path(p.path).relative_to(out))) for p in pairing.problems) == [
        ("broken_toggle", "en/news/nato-open-door.html"),     # its Russian page is a 404
        ("broken_toggle", "ru/novosti/tramp-putin.html"),     # its English page is disallowed
    ]


def test_robots_and_rate_obeyed(first_crawl):
    site, _, _, _ = first_crawl
    assert not [h for h in site.hits if h.path.startswith(DISALLOWED)]
    # --rate 10 asks for 10/s; robots.txt's Crawl-delay (0.25 s) wins: requests are sent at
    # least 0.25 s apart, so the server counts no more than 4 intervals (5 requests) in any second
    # of its clock, and no more than 4 a second over the whole crawl. (The server's clock reads
    # a request when its thread gets to it: on a loaded machine one gap can look short and the
    # next one long, so single gaps are not compared.)
    assert site.max_per_second() <= round(1 / CRAWL_DELAY) + 1
    span = site.hits[-1].t - site.hits[0].t
    assert (len(site.hits) - 1) / span <= 1 / CRAWL_DELAY
    assert all(h.user_agent.startswith("bilingual/") for h in site.hits)


def test_retry_after_waited(first_crawl):
    site, out, _, _ = first_crawl
    tries = [h for h in site.hits if h.path == RETRY_ONCE]
    assert [h.status for h in tries] == [429, 200]
    assert tries[1].t - tries[0].t >= 1.0  # Retry-After: 1
    assert (out / "en/news/moscow-iran.html").is_file()


def test_redirect_gzip_and_cp1251(first_crawl):
    site, out, _, _ = first_crawl
    assert [h.status for h in site.hits if h.path == "/en/world/moldova"] == [301]
    assert (out / "en/world/moldova/index.html").is_file() and not (out / "en/world/moldova.html").exists()
    saved = (out / "ru/novosti/udary-harkov-sumy.html").read_bytes()
    assert b'charset="utf-8"' in saved and "Харьков".encode() in saved  # served in Windows-1251
    from bilingual.sources.corpus import read_document

    doc = read_document(out / "ru/novosti/udary-harkov-sumy.html")
    assert doc.lang == "ru" and not doc.warnings
    assert "Сегодня" not in doc.text and "мин. чтения" not in doc.text and "Фото" not in doc.text


def test_check_on_the_crawled_site_gives_the_markdown_articles_flags(first_crawl):
    """The live pages carry a date line, a search box, the toggle, "4 mins read", a picture's alt
    text and a credited caption, a share bar, related links and a footer: none of it reaches
    the article text, so check flags exactly what it flags on the same articles in Markdown."""
    from bilingual.checks.pipeline import check

    from .site_server import ARTICLES

    _, out, _, _ = first_crawl
    glossary = ROOT / "glossary.csv"
    crawled = check([out], glossary)
    slugs = sorted({ARTICLES["/" + en.removesuffix("index.html")][0] for en, _ in EXPECTED_PAIRS})
    markdown = check([ROOT / "corpus" / s for s in slugs], glossary)

    def flags(article):
        return sorted((f.kind, f.en_index, f.ru_index, f.term, f.found) for f in article.flags)

    got = {ARTICLES["/" + Path(a.pair.en_path).relative_to(out).as_posix().removesuffix("index.html")][0]:
           flags(a) for a in crawled.articles}
    assert got == {a.pair.slug: flags(a) for a in markdown.articles}
    assert sum(map(len, got.values())) >= 5
    assert sorted(a.date for a in crawled.articles) == sorted(a.date for a in markdown.articles)


def test_second_run_fetches_only_the_changed_page(tmp_path):
    out = tmp_path / "mirror"
    with SiteServer() as site:
        run_crawl(site.base, out)
        first = len(site.hits)
        site.change(CHANGED_PAGE)
        code, report = run_crawl(site.base, out)
        bodies = set(site.bodies(first)) - {SLOW}  # the slow page never arrived, so it is asked again
        assert bodies == {CHANGED_PAGE}
        assert report["saved"] == ["ru/novosti/putin-iran.html"]
        assert "Обновлено" in (out / "ru/novosti/putin-iran.html").read_text(encoding="utf-8")
        # pages whose lastmod is unchanged are not asked for at all
        asked = {h.path for h in site.hits[first:]}
        assert "/en/news/putin-nato-pledge.html" not in asked


def test_killed_crawl_resumes_without_fetching_twice(tmp_path):
    out = tmp_path / "mirror"
    manifest = out / ".bilingual-crawl" / "manifest.jsonl"
    with SiteServer() as site:
        proc = run_crawl(site.base, out, "--rate", "3", wait=False)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if manifest.is_file() and sum('"path": ' in line for line in manifest.read_text().splitlines()) >= 5:
                break
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        had = {json.loads(line)["url"].replace(site.base, "")
               for line in manifest.read_text().splitlines() if line.strip().endswith("}") and '"url"' in line}
        assert len(had) >= 5
        first = len(site.hits)
        code, report = run_crawl(site.base, out)
        assert report["resumed"] is True
        again = {h.path for h in site.hits[first:]}
        assert not (again & had), f"asked again after the kill: {sorted(again & had)}"
        result = pair_mirror(out, tracking_params=frozenset())
        assert sorted((str(Path(p.en_path).relative_to(out)), str(Path(p.ru_path).relative_to(out)))
                      for p in result.pairs) == EXPECTED_PAIRS


def test_max_pages_and_prefix(tmp_path):
    with SiteServer() as site:
        code, report = run_crawl(site.base, tmp_path / "m1", "--max-pages", "2")
        assert len(report["saved"]) == 2
        code, report = run_crawl(site.base, tmp_path / "m2", "--prefix", "/ru/")
        # Russian pages from the sitemap, and the English pages their links lead to
        assert all(p.startswith(("ru/", "en/")) for p in report["saved"])
        assert "en/news/putin-nato-pledge.amp.html" not in report["saved"]
        assert "en/news/putin-nato-pledge.html" in report["saved"]


def test_since_skips_older_sitemap_entries(tmp_path):
    with SiteServer() as site:
        site.change(CHANGED_PAGE)  # lastmod a day later than every other page
        code, report = run_crawl(site.base, tmp_path / "m", "--since", "2025-06-16")
        assert report["saved"][0] == "ru/novosti/putin-iran.html"
        assert "en/news/strikes-kharkiv-sumy.html" not in report["saved"]


@pytest.mark.parametrize("url, path", [
    ("https://s.example/news/a.html", "news/a.html"),
    ("https://s.example/news/", "news/index.html"),
    ("https://s.example/", "index.html"),
    ("https://s.example/news/a", "news/a.html"),
    ("https://s.example/news/a.html?page=2", "news/a@page=2.html"),
    ("https://s.example/ru/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/a.html", "ru/новости/a.html"),
    ("https://ru.s.example/a.html", "ru.s.example/a.html"),
    ("https://s.example/../../etc/passwd", "etc/passwd.html"),
])
def test_mirror_path(url, path):
    assert mirror_path(url, "s.example") == path


def test_to_utf8_rewrites_the_declared_charset():
    page = '<html><head><meta charset="windows-1251"></head><body><p>Привет</p></body></html>'
    data = to_utf8(page.encode("cp1251"), None)
    assert data.decode("utf-8") == page.replace("windows-1251", "utf-8")
    assert to_utf8("<p>Привет</p>".encode("koi8-r"), "koi8-r").decode("utf-8") == "<p>Привет</p>"


def test_bad_start_url_is_one_line(tmp_path):
    done = subprocess.run([sys.executable, "-m", "bilingual", "crawl", "not-a-url", "-o", str(tmp_path / "m")],
                          capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "not a URL" in done.stderr
    assert not (tmp_path / "m").exists()


def test_robots_txt_the_server_cannot_give_means_nothing_is_fetched(tmp_path):
    """RFC 9309: a robots.txt answered 5xx disallows the whole host (a 4xx one allows it)."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from bilingual.sources.crawl import CrawlOptions, crawl

    asked = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802
            asked.append(self.path)
            self.send_response(500 if self.path == "/robots.txt" else 200)
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        result = crawl(base + "/news/a.html", tmp_path / "m", CrawlOptions(rate=20, timeout=2, retries=0))
    finally:
        server.shutdown()
        server.server_close()
    assert asked == ["/robots.txt"]
    assert [p.kind for p in result.problems] == ["robots_unavailable", "disallowed"]
    assert result.saved == []


def test_start_from_a_section_page(tmp_path):
    """From /en/news/: the section's English pages (its links and the sitemap's URLs under
    /en/news/) and the Russian pages their toggles lead to; not /en/world/."""
    with SiteServer() as site:
        code, report = run_crawl(site.base + "/en/news/", tmp_path / "m")
    saved = set(report["saved"])
    assert {"en/news/index.html", "en/news/putin-iran-israel.html", "ru/novosti/putin-iran.html",
            "en/news/moscow-iran.html", "ru/novosti/moskva-iran.html"} <= saved
    assert not [p for p in saved if p.startswith(("en/world/", "ru/mir/", "print/"))]
