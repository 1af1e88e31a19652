#!/usr/bin/env python3
"""Sentence-alignment accuracy and speed on the EN-RU news eval set.

Runs every alignment mode through ``bilingual.align_sentences`` on
``../shared/eval-data/enru/{dev,test}{-hard3,-hard,}.jsonl`` (relative to the
repository root), scores the links with that folder's ``score.py`` and prints
strict and lax F1 (vecalign definition), strict recall per gold link type
(1-1, two-sentence merges 2-1/1-2, three-sentence merges 3-1/1-3, null links)
and EN+RU sentences per second next to the peer figures of that folder's README.

Each (mode, split) runs in a fresh Python process so that the time covers the
whole run: importing the aligner, building its tables and caches, and aligning
every document (interpreter start and reading the JSONL file excluded). For
semantic mode the one-off model load is timed separately and left out of
sentences/s. The machine is shared and timings vary, so each run is repeated
and the median kept; the process's CPU time is printed next to the wall time
("cpu s") because it is less disturbed by other load. sent/s is from wall time.

    python benchmarks/align_eval.py                 # all modes, all splits
    python benchmarks/align_eval.py --modes default --splits dev-hard3 dev-hard dev --repeat 5
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval-data" / "enru"
SPLITS = ("dev-hard3", "dev-hard", "dev", "test-hard3", "test-hard", "test")
# "gaps": default mode with confirm_gaps, as `check` aligns (embeddings only around
# null links and uncertain merges)
MODES = ("default", "gaps", "semantic")


def load_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def worker(mode: str, split: str) -> None:
    """Align one split in this process and print predictions and timings as JSON."""
    t_start = time.perf_counter()
    docs = load_jsonl(EVAL / f"{split}.jsonl")
    t_read = time.perf_counter() - t_start

    t0 = time.perf_counter()
    c0 = time.process_time()
    from bilingual.align import align_sentences

    load = load_cpu = 0.0
    if mode in ("semantic", "gaps"):
        from bilingual.align import semantic

        t_load = time.perf_counter()
        c_load = time.process_time()
        semantic.get_scorer().load()
        load = time.perf_counter() - t_load
        load_cpu = time.process_time() - c_load
    pred = {}
    for d in docs:
        if mode == "gaps":
            links = align_sentences(d["en"], d["ru"], confirm_gaps=True)
        else:
            links = align_sentences(d["en"], d["ru"], mode=mode)
        pred[d["doc_id"]] = [[list(link.en), list(link.ru)] for link in links]
    total = time.perf_counter() - t0
    cpu = time.process_time() - c0
    stats = {}
    if mode in ("semantic", "gaps"):
        stats = semantic.get_scorer().stats()
    print(json.dumps({"pred": pred, "seconds": total - load, "cpu": cpu - load_cpu, "load": load, "read": t_read,
                      "stats": stats}))


def run_worker(mode: str, split: str) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker", mode, split],
        capture_output=True, text=True, env=env, check=False,
    )
    if out.returncode != 0:
        raise SystemExit(f"worker {mode}/{split} failed:\n{out.stderr}")
    return json.loads(out.stdout)


def link_kind(en: list[int], ru: list[int]) -> str:
    if not en or not ru:
        return "null"
    size = max(len(en), len(ru))
    return "1-1" if size == 1 else f"{size}-sent" if min(len(en), len(ru)) == 1 else "n-m"


def recall_by_kind(docs: list[dict], pred: dict) -> dict[str, tuple[int, int]]:
    """Strict recall per gold link kind: kind -> (found, gold links); null links one sentence each."""
    found: dict[str, int] = {}
    total: dict[str, int] = {}
    for d in docs:
        links = pred[d["doc_id"]]
        got = {(tuple(e), tuple(r)) for e, r in links if e and r}
        got |= {((i,), ()) for e, r in links if not r for i in e}
        got |= {((), (j,)) for e, r in links if not e for j in r}
        for e, r in d["gold"]:
            kind = link_kind(e, r)
            total[kind] = total.get(kind, 0) + 1
            found[kind] = found.get(kind, 0) + ((tuple(e), tuple(r)) in got)
    return {k: (found[k], total[k]) for k in total}


def load_scorer():
    spec = importlib.util.spec_from_file_location("enru_score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def peer_rows() -> list[tuple[str, str, str, str, str]]:
    """(system, dev-hard F1, test-hard F1, test-hard lax F1, sent/s) from the eval README."""
    rows = []
    for line in (EVAL / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 8 and re.match(r"(hunalign|galechurch)", cells[0]):
            null = cells[4].split("/")[-1].strip()
            rows.append((cells[0].replace("★", "*"), cells[1], cells[2].strip("*"), cells[3].strip("*"), null,
                         cells[6]))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--modes", nargs="+", default=list(MODES), choices=MODES)
    ap.add_argument("--splits", nargs="+", default=list(SPLITS), choices=SPLITS)
    ap.add_argument("--repeat", type=int, default=3, help="runs per (mode, split); the median time is kept")
    ap.add_argument("--json", help="also write all figures to this file")
    ap.add_argument("--worker", nargs=2, metavar=("MODE", "SPLIT"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker:
        worker(*a.worker)
        return
    if not EVAL.is_dir():
        raise SystemExit(f"eval data not found at {EVAL}")
    score = load_scorer()
    results = []
    print(f"eval set: {EVAL}")
    print(f"{'mode':9s} {'split':10s} | {'strict F1':>9s} {'lax F1':>7s} | {'1-1 R':>6s} {'2-sent R':>8s} "
          f"{'3-sent R':>8s} {'null R':>6s} | {'sent/s':>7s} {'s':>6s} {'cpu s':>6s} {'load s':>6s}  embedded")
    for mode in a.modes:
        for split in a.splits:
            docs = load_jsonl(EVAL / f"{split}.jsonl")
            n_sent = sum(len(d["en"]) + len(d["ru"]) for d in docs)
            runs = [run_worker(mode, split) for _ in range(max(1, a.repeat))]
            secs = statistics.median(r["seconds"] for r in runs)
            cpu = statistics.median(r["cpu"] for r in runs)
            res = score.score({d["doc_id"]: d for d in docs}, runs[0]["pred"])
            v = res["vecalign"]
            kinds = recall_by_kind(docs, runs[0]["pred"])

            def recall(kind):
                found, total = kinds.get(kind, (0, 0))
                return found / total if total else None

            row = {
                "mode": mode, "split": split, "f1_strict": v["f1_strict"], "f1_lax": v["f1_lax"],
                "null_recall": recall("null"), "recall_1_1": recall("1-1"), "recall_2_sent": recall("2-sent"),
                "recall_3_sent": recall("3-sent"), "links_by_kind": kinds,
                "sentences": n_sent, "seconds": secs, "sent_per_s": n_sent / secs, "cpu_seconds": cpu,
                "sent_per_cpu_s": n_sent / cpu,
                "load_seconds": statistics.median(r["load"] for r in runs), "stats": runs[0]["stats"],
            }
            results.append(row)

            def fmt(x, width=6):
                return " " * (width - 3) + "  -" if x is None else f"{x:{width}.3f}"

            emb = row["stats"].get("embedded")
            print(f"{mode:9s} {split:10s} | {v['f1_strict']:9.4f} {v['f1_lax']:7.4f} | {fmt(row['recall_1_1'])} "
                  f"{fmt(row['recall_2_sent'], 8)} {fmt(row['recall_3_sent'], 8)} {fmt(row['null_recall'])} | "
                  f"{row['sent_per_s']:7.0f} {secs:6.3f} {cpu:6.3f} {row['load_seconds']:6.2f}  "
                  f"{'' if emb is None else f'{emb}/{n_sent}'}", flush=True)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1)
    print()
    print("peers (eval-data README, same machine kind):")
    print(f"{'system':48s} {'dev-hard':>8s} {'test-hard':>9s} {'lax':>6s} {'null R':>6s} {'sent/s':>8s}")
    for system, dev, test, lax, null, sps in peer_rows():
        print(f"{system:48s} {dev:>8s} {test:>9s} {lax:>6s} {null:>6s} {sps:>8s}")


if __name__ == "__main__":
    main()
