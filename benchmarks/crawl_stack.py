"""The crawler's stack (httpx + protego) against Scrapy, on the test suite's loopback site.

    python benchmarks/crawl_stack.py

Both crawl the generated site of ``tests/site_server.py`` (robots.txt with ``Crawl-delay: 0.25``,
a sitemap index, a page answering 429 with ``Retry-After: 1`` once, a slow page, a 404 toggle,
...) asking for 10 requests a second, one at a time, with a 1 s timeout; then one page is edited
and each crawls again into the same folder. Scrapy runs as a ``SitemapSpider`` with the settings
its documentation gives for the same job: ``ROBOTSTXT_OBEY``, ``sitemap_alternate_links``,
``DOWNLOAD_DELAY`` 0.1 with ``CONCURRENT_REQUESTS_PER_DOMAIN`` 1, ``RETRY_HTTP_CODES`` with 429,
and ``HttpCacheMiddleware`` with the RFC 2616 policy (conditional GET); its callback saves the page
and follows the ``hreflang`` alternates and the toggle. Each stack gets a fresh server; the
figures are the server's own counts ("pages": page requests answered 200, the slow page counted
when it arrives, so a retried timeout counts again; "min gap": the shortest time between two
requests; "429 wait": from the 429 to the retried request). Needs ``pip install scrapy`` (not a project dependency).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.site_server import CHANGED_PAGE, CRAWL_DELAY, RETRY_ONCE, SiteServer  # noqa: E402

SCRAPY_SPIDER = textwrap.dedent('''
    import sys
    from pathlib import Path
    from urllib.parse import urlsplit

    import scrapy
    from scrapy.crawler import CrawlerProcess
    from scrapy.spiders import SitemapSpider

    base, out, cache = sys.argv[1], Path(sys.argv[2]), sys.argv[3]

    class Site(SitemapSpider):
        name = "site"
        sitemap_urls = [base + "/robots.txt"]
        sitemap_alternate_links = True

        def parse(self, response):
            path = urlsplit(response.url).path
            rel = path.lstrip("/") + ("index.html" if path.endswith("/") else "")
            target = out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(response.body)
            links = response.xpath('//link[@rel="alternate"][@hreflang]/@href'
                                   ' | //a[normalize-space()="Русский" or normalize-space()="English"]/@href')
            for href in links.getall():
                yield response.follow(href, self.parse)

    process = CrawlerProcess(settings={
        "ROBOTSTXT_OBEY": True, "USER_AGENT": "bilingual-bench (scrapy)",
        "DOWNLOAD_DELAY": 0.1, "RANDOMIZE_DOWNLOAD_DELAY": False,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1, "DOWNLOAD_TIMEOUT": 1,
        "RETRY_TIMES": 3, "RETRY_HTTP_CODES": [429, 500, 502, 503, 504, 522, 524, 408],
        "HTTPCACHE_ENABLED": True, "HTTPCACHE_DIR": cache,
        "HTTPCACHE_POLICY": "scrapy.extensions.httpcache.RFC2616Policy",
        "LOG_LEVEL": "ERROR", "TELNETCONSOLE_ENABLED": False,
    })
    process.crawl(Site)
    process.start()
''')


def measure(site, start: int) -> dict:
    hits = site.hits[start:]
    times = [h.t for h in hits]
    tries = [h.t for h in hits if h.path == RETRY_ONCE]
    gaps = [b - a for a, b in zip(times, times[1:])]
    return {
        "requests": len(hits),
        "pages": len(site.bodies(start)),
        "min_gap": min(gaps) if gaps else float("nan"),
        "retry_wait": tries[1] - tries[0] if len(tries) > 1 else float("nan"),
        "changed": CHANGED_PAGE in site.bodies(start),
        "bodies": sorted(site.bodies(start)),
    }


def run_ours(base: str, out: Path) -> float:
    from bilingual.sources.crawl import CrawlOptions, crawl

    t = time.perf_counter()
    crawl(base, out, CrawlOptions(rate=10, timeout=1))
    return time.perf_counter() - t


def run_scrapy(base: str, out: Path, cache: Path) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", SCRAPY_SPIDER, base, str(out), str(cache)], check=True, timeout=300,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def import_seconds(statement: str) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def main() -> None:
    try:
        import scrapy  # noqa: F401
    except ImportError:
        sys.exit("error: this comparison needs Scrapy: pip install scrapy")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("httpx+protego", "scrapy"):
            out, cache = Path(tmp) / name / "mirror", Path(tmp) / name / "cache"
            with SiteServer() as site:
                runner = (lambda: run_ours(site.base, out)) if name == "httpx+protego" else \
                    (lambda: run_scrapy(site.base, out, cache))
                first = runner()
                m1 = measure(site, 0)
                mark = len(site.hits)
                site.change(CHANGED_PAGE)
                second = runner()
                m2 = measure(site, mark)
                rows.append((name, first, m1, second, m2))
    print(f"loopback site, Crawl-delay {CRAWL_DELAY} s, Retry-After 1 s; both asked for 10 requests/s "
          "(machine shared, seconds are indicative)")
    print(f"{'stack':<14} {'requests':>8} {'pages':>5} {'seconds':>7} {'min gap s':>9} {'429 wait s':>10} "
          f"| {'2nd run: requests':>17} {'pages':>5} {'edited page':>11} {'seconds':>7}")
    for name, first, m1, second, m2 in rows:
        print(f"{name:<14} {m1['requests']:>8} {m1['pages']:>5} {first:>7.1f} {m1['min_gap']:>9.3f} "
              f"{m1['retry_wait']:>10.2f} | {m2['requests']:>17} {m2['pages']:>5} "
              f"{'fetched' if m2['changed'] else 'MISSED':>11} {second:>7.1f}")
    for name, _, _, _, m2 in rows:
        print(f"  {name} 2nd run, pages answered with a body: {', '.join(m2['bodies']) or '-'}")
    ours = import_seconds("import httpx, protego")
    theirs = import_seconds("import scrapy.crawler, scrapy.spiders")
    print(f"import time: httpx+protego {ours:.2f} s, scrapy {theirs:.2f} s ({theirs / ours:.1f}x)")


if __name__ == "__main__":
    main()
