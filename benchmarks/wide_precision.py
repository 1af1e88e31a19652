"""False alarms and recall of `check` on news nobody tuned to (enru-wide: WMT23 RU→EN, WMT24 EN→RU).

    python benchmarks/wide_precision.py                          # false alarms on the dev half
    python benchmarks/wide_precision.py --show unjudged          # print the flags with no verdict yet
    python benchmarks/wide_precision.py --show csv               # the same as verdict rows to fill in
    python benchmarks/wide_precision.py --domain news --recall   # news only, + injected-drift recall
    python benchmarks/wide_precision.py --split blind --recall   # the blind half (run it once)

``../shared/eval-data/enru-wide/{wmt23,wmt24}.jsonl`` is split by document in
``benchmarks/data/enru-wide-split.json`` (dev/blind, fixed before any run). Each document of the
chosen half becomes one article (one paragraph per segment) and goes through the whole `check`
with a glossary of the names that half's references use, written by reading them
(``benchmarks/data/wide-dev-glossary.csv``, ``wide-blind-glossary.csv``).
The references are professional translations, so every flag is read by hand and its verdict
kept in ``benchmarks/data/wide-<split>-verdicts.csv`` (doc, kind, sentence indices, term, what
was found → true/false and a short cause; no text of the documents). False alarms are counted
per 100 sentence pairs (segments) over all flags and at warning/error level, for every domain
and for news alone; flags with no verdict are printed as an upper bound.

Recall injects one labelled drift at a time, of every kind `real_precision.py` injects (its
code, imported): a forbidden variant in the needed case, a name dropped, a name substituted, a
number changed, a month changed, a sentence dropped, left in English, or in Ukrainian.

The texts are read from the shared folder (or ``--data``) and never copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import real_precision as rp  # noqa: E402

from bilingual.checks.kinds import DRIFT_LEVEL  # noqa: E402
from bilingual.glossary import load_glossary  # noqa: E402

DATA = ROOT.parent / "shared" / "eval-data" / "enru-wide"
SPLIT = ROOT / "benchmarks" / "data" / "enru-wide-split.json"
FILES = ("wmt23.jsonl", "wmt24.jsonl")
LOUD = {"warning", "error"}


def load_docs(data: Path, split_path: Path, half: str, domain: str | None) -> list[dict]:
    """The documents of one half (in file order), each with ``slug`` and ``domain``."""
    split = json.loads(split_path.read_text(encoding="utf-8"))[half]
    docs = []
    for name in FILES:
        path = data / name
        wanted = set(split.get(name, ()))
        if not wanted:
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                if d["doc_id"] not in wanted or (domain and d.get("domain") != domain):
                    continue
                d["slug"] = f"{Path(name).stem}-{rp.slug_of(d['doc_id'])}"
                docs.append(d)
    return docs


def _per100(n: int, pairs: int) -> str:
    return f"{100 * n / pairs:.2f}" if pairs else "-"


def false_alarms(docs: list[dict], glossary, verdicts_path: Path, show: str | None) -> dict:
    verdicts = rp.read_verdicts(verdicts_path)
    domain_of = {d["slug"]: d.get("domain", "?") for d in docs}
    pairs: Counter = Counter()
    for d in docs:
        pairs[d.get("domain", "?")] += len(d["en"])
    report, seconds = rp.check_documents(docs, glossary, slug=lambda d: d["slug"])
    # per domain: [flags, false, false at warning/error, unjudged, unjudged at warning/error]
    table: dict[str, Counter] = defaultdict(Counter)
    drift: Counter = Counter()  # the same, over the drift rules' kinds alone (the QA checks apart)
    causes: Counter = Counter()
    rows = []
    for art, f in report.flags:
        key = rp.flag_key(art.pair.slug, f)
        v = verdicts.get(key)
        dom = domain_of.get(art.pair.slug, "?")
        loud = f.level in LOUD
        c = table[dom]
        if f.kind in DRIFT_LEVEL:
            drift["flags"] += 1
            drift["false"] += bool(v and v["verdict"] == "false")
            drift["false_loud"] += bool(v and v["verdict"] == "false" and loud)
            drift["unjudged"] += v is None
        c["flags"] += 1
        c["loud"] += loud
        if v is None:
            c["unjudged"] += 1
            c["unjudged_loud"] += loud
            rows.append((key, f))
        elif v["verdict"] == "false":
            c["false"] += 1
            c["false_loud"] += loud
            causes[v["cause"].split(":")[0]] += 1
        else:
            c["true"] += 1
        if show == "all" or (show == "unjudged" and v is None) or (show == "false" and v and v["verdict"] == "false"):
            print(f"--- {','.join(key)} [{f.level}] [{v['verdict'] + ': ' + v['cause'] if v else 'NO VERDICT'}]")
            print(f"    {f.message}")
            print(f"    EN: {f.en_text}")
            print(f"    RU: {f.ru_text}")
    if show == "csv":
        import csv

        w = csv.writer(sys.stdout)
        for key, _f in rows:
            w.writerow([*key, "", ""])
    errors = [a for a in report.articles if a.error]
    total_pairs = sum(pairs.values())
    print(f"{len(docs)} documents, {total_pairs} sentence pairs, checked in {seconds:.1f}s; "
          f"{len(report.flags)} flags, {len(errors)} articles not checked")
    for a in errors:
        print(f"  not checked: {a.pair.slug}: {a.error}")
    notes = getattr(report, "notes", None)
    if notes is not None:
        print(f"notes (not flags): {len(notes)}")
    by_kind = Counter(f.kind for _, f in report.flags)
    print("flags by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(by_kind.items())))
    if causes:
        print("false alarms by cause: " + ", ".join(f"{c} {n}" for c, n in causes.most_common()))
    groups = sorted(pairs)
    print(f"{'domain':<10}{'pairs':>7}{'flags':>7}{'true':>6}{'false':>7}{'unjudged':>10}"
          f"{'FA/100':>8}{'FA/100 w/e':>12}{'+unjudged':>11}")

    def line(name: str, doms: list[str]) -> dict:
        c = sum((table[d] for d in doms), Counter())
        p = sum(pairs[d] for d in doms)
        print(f"{name:<10}{p:>7}{c['flags']:>7}{c['true']:>6}{c['false']:>7}{c['unjudged']:>10}"
              f"{_per100(c['false'], p):>8}{_per100(c['false_loud'], p):>12}"
              f"{_per100(c['unjudged'], p):>11}")
        return {"pairs": p, "flags": c["flags"], "false": c["false"], "false_loud": c["false_loud"],
                "unjudged": c["unjudged"], "unjudged_loud": c["unjudged_loud"]}

    out = {d: line(d, [d]) for d in groups}
    out["all"] = line("all", list(pairs))
    c = out["all"]
    print(f"false alarms per 100 sentence pairs: {_per100(c['false'], c['pairs'])} all levels, "
          f"{_per100(c['false_loud'], c['pairs'])} at warning/error"
          + (f" (+ up to {_per100(c['unjudged'], c['pairs'])} / {_per100(c['unjudged_loud'], c['pairs'])}"
             " unjudged)" if c["unjudged"] else ""))
    print(f"drift kinds alone: {drift['flags']} flags, {drift['false']} false: "
          f"{_per100(drift['false'], c['pairs'])} all levels, {_per100(drift['false_loud'], c['pairs'])} at "
          f"warning/error" + (f" (+ {drift['unjudged']} unjudged)" if drift["unjudged"] else ""))
    if "news" in out:
        n = out["news"]
        print(f"news only: {_per100(n['false'], n['pairs'])} all levels, "
              f"{_per100(n['false_loud'], n['pairs'])} at warning/error")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "blind"])
    ap.add_argument("--domain", default=None, help="one domain only (news, reviews, manuals, social, ...)")
    ap.add_argument("--data", type=Path, default=DATA, help="folder with wmt23.jsonl and wmt24.jsonl")
    ap.add_argument("--split-file", type=Path, default=SPLIT)
    ap.add_argument("--glossary", default=None,
                    help="default benchmarks/data/wide-<split>-glossary.csv (the names of that half's references)")
    ap.add_argument("--verdicts", default=None, help="default benchmarks/data/wide-<split>-verdicts.csv")
    ap.add_argument("--show", choices=["unjudged", "false", "all", "csv"], default=None)
    ap.add_argument("--recall", action="store_true", help="also inject drift and measure recall per kind")
    ap.add_argument("--per-doc", type=int, default=1, help="injections of each kind per document")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--verbose", action="store_true", help="print the injections that were missed")
    args = ap.parse_args(argv)
    for name in FILES:
        if not (args.data / name).exists():
            print(f"error: {args.data / name}: not found (the enru-wide eval data lives outside the repository)",
                  file=sys.stderr)
            return 2
    docs = load_docs(args.data, args.split_file, args.split, args.domain)
    if not docs:
        print(f"error: no {args.split} documents" + (f" in domain {args.domain!r}" if args.domain else ""),
              file=sys.stderr)
        return 2
    glossary = load_glossary(args.glossary or ROOT / "benchmarks" / "data" / f"wide-{args.split}-glossary.csv")
    verdicts = Path(args.verdicts or ROOT / "benchmarks" / "data" / f"wide-{args.split}-verdicts.csv")
    print(f"enru-wide {args.split} half{' (' + args.domain + ')' if args.domain else ''}; "
          f"glossary: {len(glossary)} terms ({glossary.path}); verdicts: {verdicts.name}")
    false_alarms(docs, glossary, verdicts, args.show)
    if args.recall:
        rp.recall(docs, glossary, args.per_doc, args.seed, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
