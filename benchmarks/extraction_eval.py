"""Article text out of real web pages: the project's reader against the field's extractors.

    python benchmarks/extraction_eval.py                 # the reader, its parts, and the field's extractors
    python benchmarks/extraction_eval.py --only bilingual --worst 10   # the 10 pages it reads worst
    python benchmarks/extraction_eval.py --only body --compare trafilatura body   # page by page

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
(a person marked the body, not the headline); ``body-trafilatura-only`` is the body without the
agreement step (``sources/agreement.py``: paragraphs readability-lxml and jusText both find and
trafilatura missed); then trafilatura with its default settings and with ``favor_precision`` (the
reader's), readability-lxml, and jusText with every language's stop words (the two voters). Not in
the default run: ``trafilatura-recall`` (``favor_recall``), ``trafilatura-fast`` (no fallback).

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


def _article_alone():
    """The body without the agreement step: trafilatura's blocks alone (an ablation row)."""
    from bilingual.sources import article

    def run(html: str) -> str:
        kept, article.supplement = article.supplement, lambda root, parts, **kw: parts
        try:
            return article.extract_article(html, with_headline=False)[0]
        finally:
            article.supplement = kept

    return run


def _trafilatura(**settings):
    def make():
        import trafilatura

        return lambda html: trafilatura.extract(html, include_comments=False, **settings) or ""

    return make


def _readability():
    import lxml.html
    from readability import Document

    def run(html: str) -> str:
        summary = Document(html).summary(html_partial=True)
        return lxml.html.fromstring(summary).text_content() if summary.strip() else ""

    return run


def _justext():
    import justext

    from bilingual.sources.agreement import _stoplist

    def run(html: str) -> str:
        return "\n".join(p.text for p in justext.justext(html, _stoplist()) if not p.is_boilerplate)

    return run


EXTRACTORS = {
    "bilingual": _bilingual,
    "body": _article,
    "body-trafilatura-only": _article_alone,
    "trafilatura": _trafilatura(),
    "trafilatura-precision": _trafilatura(favor_precision=True),
    "trafilatura-recall": _trafilatura(favor_recall=True),
    "trafilatura-fast": _trafilatura(fast=True),
    "readability": _readability,
    "justext": _justext,
}
DEFAULT = ("bilingual", "body", "body-trafilatura-only", "trafilatura", "trafilatura-precision", "readability",
           "justext")


def load(limit: int | None):
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    pages = {}
    for pid in ids:
        with gzip.open(DATA / "html" / f"{pid}.html.gz", "rt", encoding="utf-8") as f:
            pages[pid] = f.read()
    return truth, pages


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", action="append", choices=sorted(EXTRACTORS),
                    help="run only this extractor (repeatable; default: " + ", ".join(DEFAULT) + ")")
    ap.add_argument("--limit", type=int, help="the first N pages only (by id)")
    ap.add_argument("--worst", type=int, default=0, help="list the N pages with the lowest F1")
    ap.add_argument("--compare", nargs=2, metavar=("A", "B"),
                    help="per page, B against A: how many pages each reads better, and the N (--worst, "
                         "default 10) pages where they differ most either way")
    args = ap.parse_args(argv)
    if not DATA.is_dir():
        sys.exit(f"error: {DATA}: the benchmark data is not there")
    names = list(args.only or DEFAULT)
    for name in args.compare or ():
        if name not in EXTRACTORS:
            ap.error(f"--compare: unknown extractor {name!r}")
        if name not in names:
            names.append(name)
    truth, pages = load(args.limit)
    print(f"{len(pages)} pages from {DATA.relative_to(ROOT.parent)}")
    print(f"{'extractor':<22} {'precision':>9} {'recall':>7} {'F1':>6} {'raised':>6} {'seconds':>8}")
    page_f1: dict[str, dict[str, float]] = {}
    for name in names:
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
            per_page.append((_f1(p, r), p, r, pid))
        seconds = time.perf_counter() - start
        page_f1[name] = {pid: f1 for f1, _, _, pid in per_page}
        m = metrics(scores)
        print(f"{name:<22} {m['precision']:>9.3f} {m['recall']:>7.3f} {m['f1']:>6.3f} {len(raised):>6} "
              f"{seconds:>8.1f}")
        for pid, err in raised:
            print(f"    raised on {pid[:12]}: {err[:120]}")
        for f1, p, r, pid in sorted(per_page)[:args.worst]:
            print(f"    {pid[:12]}  F1 {f1:.3f}  P {p:.3f}  R {r:.3f}  {truth[pid].get('url', '')[:80]}")
    if args.compare:
        a, b = args.compare
        diffs = sorted((page_f1[b][pid] - page_f1[a][pid], pid) for pid in pages)
        better = sum(d > 0.001 for d, _ in diffs)
        worse = sum(d < -0.001 for d, _ in diffs)
        print(f"\n{b} against {a}: better on {better} pages, worse on {worse}, the same (within 0.001) "
              f"on {len(diffs) - better - worse}")
        n = args.worst or 10
        shown = [d for d in diffs[:n] if d[0] < -0.001] + [d for d in diffs[-n:] if d[0] > 0.001]
        for d, pid in shown:
            print(f"    {pid[:12]}  {d:+.3f}  ({page_f1[a][pid]:.3f} -> {page_f1[b][pid]:.3f})  "
                  f"{truth[pid].get('url', '')[:70]}")


if __name__ == "__main__":
    main()
