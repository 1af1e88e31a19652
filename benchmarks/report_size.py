"""HTML check report: page size, time to open, filter and search in headless Chromium for a large archive.

    python benchmarks/report_size.py [--articles 1000] [--flagged 1000] [--drifts 2] [--runs 3] [--keep DIR]

Writes N generated article pairs (the sentence templates of benchmarks/scale.py,
15–40 sentences each) of which exactly ``--flagged`` carry ``--drifts`` changed
numbers each (1,000 × 2 = 2,000 flags by default), runs `bilingual check --format
html`, and prints the page's size and, over several loads in Debian's headless
Chromium, the time from navigation start to the load event (median) and the page
height; then the time from a filter click, a search keystroke and a sort to the
next painted frame (median over the runs). Targets: open < 2 s, filter/search < 200 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from scale import sentence  # noqa: E402


def article(rng: random.Random, k: int, drift: str | None, drifts: int = 1) -> tuple[str, str]:
    count = rng.randint(15, 40)
    at = set(rng.sample(range(count), drifts))
    en_paras, ru_paras, en_p, ru_p = [], [], [], []
    for i in range(count):
        en, ru = sentence(rng, drift if i in at else None)
        while i in at and drift and re.findall(r"\d+", en) == re.findall(r"\d+", ru):
            en, ru = sentence(rng, drift)  # a template without a number: draw another
        en_p.append(en)
        ru_p.append(ru)
        if len(en_p) >= rng.randint(2, 4) or i == count - 1:
            en_paras.append(" ".join(en_p))
            ru_paras.append(" ".join(ru_p))
            en_p, ru_p = [], []
    head = f"---\ntitle: Story {k}\ndate: 2025-{1 + k % 12:02d}-{1 + k % 28:02d}\n---\n"
    return head + "\n\n".join(en_paras) + "\n", head + "\n\n".join(ru_paras) + "\n"


def generate(root: Path, n: int, flagged: int, seed: int = 2025, drifts: int = 1) -> None:
    rng = random.Random(seed)
    drifted = set(rng.sample(range(n), flagged))
    for k in range(n):
        # "number" always drifts; the templates' place may lack a forbidden form
        en, ru = article(rng, k, "number" if k in drifted else None, drifts)
        folder = root / f"story-{k:05d}"
        folder.mkdir(parents=True)
        (folder / "en.md").write_text(en, encoding="utf-8")
        (folder / "ru.md").write_text(ru, encoding="utf-8")


# Runs ``action`` (a statement) and reports the milliseconds until the frame after it is painted.
_TO_PAINT = """
const done = arguments[arguments.length - 1];
const t0 = performance.now();
%s;
requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
"""
ACTIONS = {
    "filter by kind": "document.querySelector('input[name=kind][data-value=number_mismatch]').click()",
    "filter off": "document.getElementById('fk-all').click()",
    "search": "const s = document.getElementById('search'); s.value = 'story-0042'; "
              "s.dispatchEvent(new Event('input'))",
    "search cleared": "const s = document.getElementById('search'); s.value = ''; "
                      "s.dispatchEvent(new Event('input'))",
    "sort by level": "const o = document.getElementById('sort'); o.value = 'level'; "
                     "o.dispatchEvent(new Event('change', {bubbles: true}))",
}


def open_times(page: Path, runs: int, actions: bool = True) -> tuple[list[float], int, dict[str, list[float]]]:
    from tests.browser import chromium

    driver = chromium()
    try:
        times, height, done = [], 0, {name: [] for name in ACTIONS}
        for _ in range(runs):
            driver.get("about:blank")
            driver.get(page.as_uri())
            ms = driver.execute_script(
                "const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime")
            times.append(ms / 1000)
            height = driver.execute_script("return document.documentElement.scrollHeight")
            for name, action in ACTIONS.items() if actions else ():
                done[name].append(driver.execute_async_script(_TO_PAINT % action))
        return times, height, done
    finally:
        driver.quit()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--flagged", type=int, default=1000, help="articles with drifted numbers")
    ap.add_argument("--drifts", type=int, default=2, help="drifted sentences in each of them")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="write the corpus and report here instead of a temporary folder")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bilingual-report-"))
    try:
        corpus = work / "corpus"
        if corpus.exists():
            shutil.rmtree(corpus)
        generate(corpus, args.articles, args.flagged, drifts=args.drifts)
        page = work / "report.html"
        start = time.perf_counter()
        res = subprocess.run([sys.executable, "-m", "bilingual", "check", str(corpus), "-g",
                              str(ROOT / "glossary.csv"), "--format", "html", "-o", str(page)],
                             capture_output=True, text=True)
        took = time.perf_counter() - start
        if res.returncode not in (0, 1):
            sys.exit(res.stderr)
        flags = int(re.search(r'id="flag-count" data-count="(\d+)"', page.read_text(encoding="utf-8")).group(1))
        # the peer: the same page with its script taken out (what the search/counts/sort cost to load)
        peer = work / "report-static.html"
        peer.write_text(re.sub(r"<script>.*?</script>", "", page.read_text(encoding="utf-8"), flags=re.S),
                        encoding="utf-8")
        peer_times, _, _ = open_times(peer, args.runs, actions=False)
        times, height, actions = open_times(page, args.runs)
        size = page.stat().st_size
        print(f"{args.articles} articles, {flags} flags: report {size / 1e6:.2f} MB ({size:,} bytes), "
              f"written in {took:.1f} s (check included)")
        print(f"Chromium open (navigation start to load event), {args.runs} runs: median "
              f"{statistics.median(times):.2f} s, max {max(times):.2f} s; page height {height:,} px")
        print(f"peer, the same page without its script: median {statistics.median(peer_times):.2f} s "
              f"(ratio {statistics.median(times) / statistics.median(peer_times):.2f}); load average "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        for name, ms in actions.items():
            print(f"{name}: to the next painted frame, median {statistics.median(ms):.0f} ms, max {max(ms):.0f} ms")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
