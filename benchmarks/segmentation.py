"""Sentence-boundary accuracy on real news: WMT22 EN/RU documents (../shared/eval-data).

Each document's released segments are joined with single spaces into one
paragraph; a segmenter should put a boundary where each segment starts.
Prints boundary precision / recall / F1 for bilingual.sources.segment and, as the
peer, the common regular-expression splitter (break after . ! ? … before a
capital letter or an opening quote), plus throughput. WMT segments are
mostly single sentences, but some hold two and headlines have no final stop,
so neither splitter can reach 1.0; the comparison is what counts.

    python benchmarks/segmentation.py [../shared/eval-data/enru/dev.jsonl ...]
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bilingual.sources.segment import segment  # noqa: E402

DEFAULT = [ROOT.parent / "shared" / "eval-data" / "enru" / f for f in ("dev.jsonl", "test.jsonl")]
_REGEX = re.compile(r"(?<=[.!?…])[\"»”]?\s+(?=[\"«“(]?[A-ZА-ЯЁ0-9])")


def regex_starts(text: str) -> list[int]:
    return [m.end() for m in _REGEX.finditer(text)]


def ours_starts(text: str, lang: str) -> list[int]:
    return [s.start for s in segment(text, lang)[1]][1:]


def score(gold: set, pred: set) -> tuple[float, float, float]:
    tp = len(gold & pred)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    files = [Path(a) for a in sys.argv[1:]] or DEFAULT
    docs = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            docs += [json.loads(line) for line in fh if line.strip()]
    for lang in ("en", "ru"):
        gold, ours, peer = set(), set(), set()
        t_ours = t_peer = 0.0
        chars = 0
        for d in docs:
            segs = [s.strip() for s in d[lang] if s.strip()]
            text = " ".join(segs)
            chars += len(text)
            pos = 0
            for s in segs[:-1]:
                pos += len(s) + 1
                gold.add((d["doc_id"], pos))
            t0 = time.process_time()
            ours |= {(d["doc_id"], x) for x in ours_starts(text, lang)}
            t_ours += time.process_time() - t0
            t0 = time.process_time()
            peer |= {(d["doc_id"], x) for x in regex_starts(text)}
            t_peer += time.process_time() - t0
        print(f"{lang}: {len(docs)} documents, {len(gold)} gold boundaries, {chars / 1000:.0f} k chars")
        for name, pred, t in (("bilingual.sources.segment", ours, t_ours), ("regex splitter", peer, t_peer)):
            p, r, f = score(gold, pred)
            print(f"  {name:18s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  {chars / max(t, 1e-9) / 1000:,.0f} k chars/s")


if __name__ == "__main__":
    main()
