"""Article text out of real web pages: the project's reader against the field's extractors.

    python benchmarks/extraction_eval.py                 # read_document, trafilatura, readability-lxml
    python benchmarks/extraction_eval.py --only bilingual --worst 10   # the 10 pages it reads worst

The data is the public article-extraction benchmark (181 real news and blog pages with the
article text a person marked), in ``../shared/eval-data/article-extraction/``; it is read from
there and never copied into the repository.

Scoring is the benchmark's published method: split the text into word tokens (``\\w+``,
lower-cased as the data's README says), take every run of 4 tokens ("shingle") with its count;
per page, true positives = shingles in both (min of counts), false positives = extra predicted
shingles, false negatives = missing ones, each divided by their sum so every page weighs the
same; precision and recall are the means over pages (a page with no predicted shingles has no
precision), F1 comes from the two means. A page whose extractor raises scores as an empty
prediction and is counted under "raised".

Rows: ``bilingual`` is the text ``read_document`` takes from the page (what check aligns: the
headline first, then the article body); ``body`` is the article body alone
(``extract_article(..., with_headline=False)``), which is what the benchmark's gold text holds
(a person marked the body, not the headline); then trafilatura and readability-lxml.

Every extractor runs in the same process on the same pages, so the timings are comparable as
ratios (the machine may be loaded; the absolute seconds are not the point).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "eval-data" / "article-extraction"

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall((text or "").lower())
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))
                   if tokens[i:i + n])


def page_score(true: str, pred: str) -> tuple[float, float, float]:
    t, p = shingles(true), shingles(pred)
    tp = fp = fn = 0
    for key in t.keys() | p.keys():
        a, b = t.get(key, 0), p.get(key, 0)
        tp += min(a, b)
        fp += max(0, b - a)
        fn += max(0, a - b)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def _precision(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def metrics(scores: list[tuple[float, float, float]]) -> dict[str, float]:
    precision = statistics.mean(_precision(*s) for s in scores if s[0] + s[1] > 0)
    recall = statistics.mean(_recall(*s) for s in scores if s[0] + s[2] > 0)
    return {"precision": precision, "recall": recall, "f1": 2 * precision * recall / (precision + recall)}


# --------------------------------------------------------------------------- extractors

def _bilingual():
    from bilingual.sources.corpus import read_document

    tmp = Path(tempfile.mkdtemp())

    def run(html: str) -> str:
        path = tmp / "page.html"
        path.write_text(html, encoding="utf-8")
        return read_document(path).text

    return run


def _article():
    from bilingual.sources.article import extract_article

    return lambda html: extract_article(html, with_headline=False)[0]


def _trafilatura():
    import trafilatura

    return lambda html: trafilatura.extract(html, include_comments=False) or ""


def _readability():
    import lxml.html
    from readability import Document

    def run(html: str) -> str:
        summary = Document(html).summary(html_partial=True)
        return lxml.html.fromstring(summary).text_content() if summary.strip() else ""

    return run


EXTRACTORS = {"bilingual": _bilingual, "body": _article, "trafilatura": _trafilatura, "readability": _readability}


def load(limit: int | None):
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    pages = {}
    for pid in ids:
        with gzip.open(DATA / "html" / f"{pid}.html.gz", "rt", encoding="utf-8") as f:
            pages[pid] = f.read()
    return truth, pages


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", action="append", choices=sorted(EXTRACTORS),
                    help="run only this extractor (repeatable)")
    ap.add_argument("--limit", type=int, help="the first N pages only (by id)")
    ap.add_argument("--worst", type=int, default=0, help="list the N pages with the lowest F1")
    args = ap.parse_args(argv)
    if not DATA.is_dir():
        sys.exit(f"error: {DATA}: the benchmark data is not there")
    truth, pages = load(args.limit)
    print(f"{len(pages)} pages from {DATA.relative_to(ROOT.parent)}")
    print(f"{'extractor':<14} {'precision':>9} {'recall':>7} {'F1':>6} {'raised':>6} {'seconds':>8}")
    for name in args.only or list(EXTRACTORS):
        run = EXTRACTORS[name]()
        scores, raised, per_page = [], [], []
        start = time.perf_counter()
        for pid, html in pages.items():
            try:
                pred = run(html)
            except Exception as err:  # noqa: BLE001 - a page raising is what this counts
                raised.append((pid, f"{type(err).__name__}: {err}"))
                pred = ""
            s = page_score(truth[pid].get("articleBody", ""), pred)
            scores.append(s)
            p, r = _precision(*s), _recall(*s)
            per_page.append((2 * p * r / (p + r) if p + r else 0.0, p, r, pid))
        seconds = time.perf_counter() - start
        m = metrics(scores)
        print(f"{name:<14} {m['precision']:>9.3f} {m['recall']:>7.3f} {m['f1']:>6.3f} {len(raised):>6} "
              f"{seconds:>8.1f}")
        for pid, err in raised:
            print(f"    raised on {pid[:12]}: {err[:120]}")
        for f1, p, r, pid in sorted(per_page)[:args.worst]:
            print(f"    {pid[:12]}  F1 {f1:.3f}  P {p:.3f}  R {r:.3f}  {truth[pid].get('url', '')[:80]}")


if __name__ == "__main__":
    main()
