#!/usr/bin/env python3
"""Tune semantic mode's re-examination on the dev splits (never test).

The dev splits hold only 76 null links, too few to tell settings apart, so
this script also perturbs the clean ``dev.jsonl`` again with the eval set's
own ``make_hard3`` under other seeds, in memory only: like dev-hard ("dev-h-K")
and with three times the deletions ("dev-null-K"). Every distinct segment is embedded once (cached in
``--cache``, outside the repository); each setting is then scored by running
semantic mode on all splits.

    python benchmarks/align_tune_semantic.py                       # current settings
    python benchmarks/align_tune_semantic.py --set REEXAMINE=0.7 CONTEXT=1
    python benchmarks/align_tune_semantic.py --tune SEM_WEIGHT SEM_NULL NULL_MATCH NULL_COS
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import time
from pathlib import Path

import numpy as np

from bilingual.align import semantic
from bilingual.align.scorers import DEFAULT_PARAMS, align_features, features, pair_adjacent_nulls

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval-data" / "enru"
DEV_SPLITS = ("dev", "dev-hard", "dev-hard3")
# (label, seeds, share of three-sentence merges, deletion rate): like dev-hard
# (two-sentence merges, 5 % deletions), and with three times the deletions.
EXTRA = (("dev-h", 4, 0.0, 0.05), ("dev-null", 2, 0.5, 0.15))
CLEAN_WEIGHT = 5.0  # a link lost on the clean split counts five times
NULL_WEIGHT = 1.0  # weight of (1 - null-link recall over all splits) in the objective
STEPS = (0.5, 0.75, 0.9, 1.1, 1.33, 2.0)
FEATURES: dict = {}


def _load_module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# strict recall per gold link kind, as align_eval reports it
RECALL_BY_KIND = _load_module("align_eval", ROOT / "benchmarks" / "align_eval.py").recall_by_kind


def load_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def dev_sets() -> dict[str, list[dict]]:
    sets = {s: load_jsonl(EVAL / f"{s}.jsonl") for s in DEV_SPLITS}
    make = _load_module("enru_make_hard3", EVAL / "make_hard3.py").make_hard3
    for label, seeds, triple_share, delete_rate in EXTRA:
        for k in range(seeds):
            docs = []
            for d in sets["dev"]:
                rng = random.Random(f"{label}/{k}/{d['doc_id']}")
                en, ru, gold = make(d["en"], d["ru"], rng, triple_share=triple_share, delete_rate=delete_rate)
                docs.append({"doc_id": d["doc_id"], "en": en, "ru": ru, "gold": gold})
            sets[f"{label}-{k}"] = docs
    return sets


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", nargs="*", default=[], metavar="NAME=VALUE", help="semantic.py settings to try")
    ap.add_argument("--cache", default="/tmp/bilingual-dev-embeddings.npz")
    ap.add_argument("--tune", nargs="*", metavar="NAME", help="coordinate descent over these settings")
    ap.add_argument("--rounds", type=int, default=2)
    a = ap.parse_args()
    for kv in a.set:
        name, value = kv.split("=")
        setattr(semantic, name, type(getattr(semantic, name))(float(value)))
    score = _load_module("enru_score", EVAL / "score.py")
    sets = dev_sets()
    scorer = semantic.Scorer()
    cache = Path(a.cache)
    if cache.exists():
        with np.load(cache, allow_pickle=False) as stored:
            scorer._cache.update(zip(stored["texts"].tolist(), stored["vectors"]))
    texts = sorted({t for docs in sets.values() for d in docs for t in d["en"] + d["ru"]} - set(scorer._cache))
    for k in range(0, len(texts), 256):
        scorer.embed(texts[k:k + 256])
    if texts:
        with open(cache, "wb") as f:
            np.savez(f, texts=np.array(list(scorer._cache)), vectors=np.stack(list(scorer._cache.values())))
    for name, docs in sets.items():
        for d in docs:
            FEATURES[name, d["doc_id"]] = features(d["en"], "en"), features(d["ru"], "ru")
    run(sets, score, scorer, verbose=True)
    if a.tune:
        tune(sets, score, scorer, a.tune, a.rounds)


def run(sets, score, scorer, verbose=False) -> float:
    """Score the current settings on every split; returns the tuning objective (higher is better)."""
    t0 = time.process_time()
    if verbose:
        print(f"{'split':11s} | {'strict F1':>9s} | {'1-1':>9s} {'2-sent':>9s} {'3-sent':>9s} {'null':>9s} | "
              f"sentences re-examined")
    loss = 0.0
    null_hit = null_all = 0
    for name, docs in sets.items():
        pred = {}
        examined = sents = 0
        for d in docs:
            fe, fr = FEATURES[name, d["doc_id"]]
            links = pair_adjacent_nulls(align_features(fe, fr, DEFAULT_PARAMS))
            before = scorer.examined
            links = semantic.refine(d["en"], d["ru"], fe, fr, links, DEFAULT_PARAMS, scorer)
            examined += scorer.examined - before
            sents += len(d["en"]) + len(d["ru"])
            pred[d["doc_id"]] = [[list(link.en), list(link.ru)] for link in links]
        res = score.score({d["doc_id"]: d for d in docs}, pred)
        by = RECALL_BY_KIND(docs, pred)
        f1 = res["vecalign"]["f1_strict"]
        loss += (1.0 - f1) * (CLEAN_WEIGHT if name == "dev" else 1.0)
        if "null" in by:
            null_hit += by["null"][0]
            null_all += by["null"][1]

        def cell(k):
            return f"{by[k][0]:>4d}/{by[k][1]:<4d}" if k in by else f"{'-':>9s}"

        if verbose:
            print(f"{name:11s} | {f1:9.4f} | {cell('1-1')} {cell('2-sent')} {cell('3-sent')} "
                  f"{cell('null')} | {examined}/{sents}", flush=True)
    objective = -loss - NULL_WEIGHT * (1.0 - null_hit / null_all)
    if verbose:
        print(f"null recall, all splits: {null_hit}/{null_all} = {null_hit / null_all:.3f}; objective {objective:.4f} "
              f"({time.process_time() - t0:.1f} s cpu)")
    return objective


def tune(sets, score, scorer, names, rounds) -> None:
    best = run(sets, score, scorer)
    for rnd in range(rounds):
        changed = False
        for name in names:
            base = getattr(semantic, name)
            values = [base - 1, base + 1] if isinstance(base, int) else [round(base * f, 4) for f in STEPS]
            for value in values:
                if value < 0:
                    continue
                setattr(semantic, name, value)
                obj = run(sets, score, scorer)
                if obj > best + 1e-9:
                    best, base, changed = obj, value, True
                    print(f"round {rnd + 1}: {name} = {value} -> objective {best:.4f}", flush=True)
                setattr(semantic, name, base)
        if not changed:
            break
    print("final:", {name: getattr(semantic, name) for name in names})
    run(sets, score, scorer, verbose=True)

if __name__ == "__main__":
    main()
