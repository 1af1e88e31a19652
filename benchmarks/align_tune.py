#!/usr/bin/env python3
"""Learn the aligner's bead costs on the dev splits (never test).

Features of every dev document (``dev``, ``dev-hard``, ``dev-hard3``) are
computed once; each candidate ``Params`` is then scored by running the DP on
all three splits. The objective is the strict F1 (vecalign definition) of the
three splits pooled, with any link lost on the clean ``dev`` split counted
five times over: a one-to-one document must stay one-to-one. Coordinate
descent over a multiplicative grid, a few rounds, printing every improvement.

    python benchmarks/align_tune.py                   # start from the current defaults
    python benchmarks/align_tune.py --fields merge3 merge22 --rounds 2
    python benchmarks/align_tune.py --eval            # just score the defaults, per split and link type
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import time
from collections import Counter
from pathlib import Path

from bilingual.align import dp
from bilingual.align.scorers import DEFAULT_PARAMS, align_features, features, pair_adjacent_nulls

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval-data" / "enru"
DEV_SPLITS = ("dev", "dev-hard", "dev-hard3")
CLEAN_WEIGHT = 5.0
STEPS = (0.6, 0.8, 0.9, 1.1, 1.25, 1.6)
FIELDS = ("merge", "merge3", "merge22", "null", "bonus", "clash", "null_clash", "stop_clash", "var", "var2",
          "nu", "ratio", "clash_number")


def load_scorer():
    spec = importlib.util.spec_from_file_location("enru_score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_split(split: str):
    with open(EVAL / f"{split}.jsonl", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    return [(d, features(d["en"], "en"), features(d["ru"], "ru")) for d in docs]


def link_type(link) -> str:
    e, r = link
    if not e or not r:
        return "null"
    return f"{len(e)}-{len(r)}"


def predict(data, p: dp.Params):
    pred = {}
    for d, fe, fr in data:
        links = pair_adjacent_nulls(align_features(fe, fr, p))
        pred[d["doc_id"]] = [[list(link.en), list(link.ru)] for link in links]
    return pred


def by_type(data, pred) -> dict[str, tuple[int, int]]:
    """Strict recall per gold link type: type -> (hits, total)."""
    tot, hit = Counter(), Counter()
    for d, _, _ in data:
        got = {(tuple(e), tuple(r)) for e, r in pred[d["doc_id"]]}
        got |= {((i,), ()) for e, r in pred[d["doc_id"]] if not r for i in e}
        got |= {((), (j,)) for e, r in pred[d["doc_id"]] if not e for j in r}
        for e, r in d["gold"]:
            t = link_type((e, r))
            tot[t] += 1
            hit[t] += (tuple(e), tuple(r)) in got
    return {t: (hit[t], tot[t]) for t in sorted(tot)}


def evaluate(datasets, score, p: dp.Params):
    out = {}
    for split, data in datasets.items():
        pred = predict(data, p)
        out[split] = (score.score({d["doc_id"]: d for d, _, _ in data}, pred), pred)
    return out


def objective(res) -> float:
    total = 0.0
    for split, (r, _) in res.items():
        f1 = r["vecalign"]["f1_strict"]
        total += (1.0 - f1) * (CLEAN_WEIGHT if split == "dev" else 1.0)
    return -total


def report(datasets, res) -> None:
    for split, (r, pred) in res.items():
        v = r["vecalign"]
        types = by_type(datasets[split], pred)
        per = "  ".join(f"{t} {h}/{n}" for t, (h, n) in types.items())
        print(f"  {split:9s} strict F1 {v['f1_strict']:.4f}  lax {v['f1_lax']:.4f}  | {per}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fields", nargs="+", default=list(FIELDS))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--eval", action="store_true", help="score the defaults and stop")
    ap.add_argument("--set", nargs="*", default=[], metavar="FIELD=VALUE", help="start from these values")
    a = ap.parse_args()
    score = load_scorer()
    datasets = {s: load_split(s) for s in DEV_SPLITS}
    p = DEFAULT_PARAMS
    for kv in a.set:
        k, v = kv.split("=")
        p = dataclasses.replace(p, **{k: type(getattr(p, k))(float(v))})
    t0 = time.process_time()
    res = evaluate(datasets, score, p)
    best = objective(res)
    print(f"start: objective {best:.4f} ({time.process_time() - t0:.1f} s cpu)")
    report(datasets, res)
    if a.eval:
        return
    for rnd in range(a.rounds):
        changed = False
        for name in a.fields:
            base = getattr(p, name)
            for step in STEPS:
                value = type(base)(round(base * step, 4))
                if value == base:
                    continue
                q = dataclasses.replace(p, **{name: value})
                r = evaluate(datasets, score, q)
                obj = objective(r)
                if obj > best + 1e-9:
                    best, p, res, changed = obj, q, r, True
                    print(f"round {rnd + 1}: {name} = {value} -> objective {best:.4f}", flush=True)
                    report(datasets, res)
                    base = value
        if not changed:
            break
    print("final:", {f.name: getattr(p, f.name) for f in dataclasses.fields(p) if f.name in a.fields})
    report(datasets, res)


if __name__ == "__main__":
    main()
