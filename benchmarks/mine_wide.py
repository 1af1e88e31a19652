"""`glossary mine` with an empty glossary on real news, against a gold glossary of the names used.

Each document of the set becomes one corpus article (one paragraph per segment) and the corpus
is mined with an empty glossary, as a new user would. Reported:

- proposals: how many rows mining proposes;
- gold names: of the gold glossary's names (people, places, organisations), how many are
  proposed at all (by their English or an English variant, the proposal's or the gold's) and
  how many with the right dictionary form (the proposal's Russian equal to the gold's ``ru`` or
  a variant, ё = е, letter case ignored); a second figure matches the English loosely (a hyphen
  for a space, a title in front dropped: "Abu-Dhabi", "King Charles III");
- precision of the top 50 and top 200 proposals: a proposal is right when it is a real proper
  noun, whole, with the right dictionary form. Verdicts are read from
  ``benchmarks/data/mine-verdicts-<set>-<split>.csv`` (en, ru, verdict, reason); a proposal that
  equals a gold row counts as right without one. Proposals with no verdict are counted apart
  (``--show unjudged`` prints them, to read and record).

    python benchmarks/mine_wide.py                       # both sets, dev
    python benchmarks/mine_wide.py --set wmt22 --split test
    python benchmarks/mine_wide.py --set wide --show unjudged --top 200
    python benchmarks/mine_wide.py --set wide --split blind   # the held-out half: run once
    python benchmarks/mine_wide.py --renderings          # names check groups apart, to read

Sets: ``wmt22`` (``../shared/eval-data/enru/<split>.jsonl``, gold
``benchmarks/data/wmt-<split>-glossary.csv``) and ``wide`` (the documents of
``../shared/eval-data/enru-wide/`` in the ``<split>`` half of ``benchmarks/data/enru-wide-split.json``,
gold ``benchmarks/data/wide-<split>-glossary.csv``). ``--domain news`` keeps one domain of the wide set.
The texts are read from the shared folder and never copied into the repository.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

SHARED = ROOT.parent / "shared" / "eval-data"
if not SHARED.exists():  # a worktree next to the main checkout
    SHARED = Path("/work/shared/eval-data")
DATA = ROOT / "benchmarks" / "data"
NAME_TYPES = ("person", "city", "country", "region", "place", "organization")
VERDICT_FIELDS = ["en", "ru", "verdict", "reason"]
RIGHT = frozenset({"right", "true", "yes", "ok"})


def norm(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def load_docs(which: str, split: str, domain: str | None) -> list[dict]:
    """The documents of one set and split: dicts with doc_id, en and ru segment lists."""
    if which == "wmt22":
        if split not in ("dev", "test"):
            sys.exit("wmt22: --split is dev or test")
        path = SHARED / "enru" / f"{split}.jsonl"
        if not path.exists():
            sys.exit(f"{path}: not found (the eval data lives outside the repository)")
        return [json.loads(line) for line in path.open(encoding="utf-8")]
    if split not in ("dev", "blind"):
        sys.exit("wide: --split is dev or blind")
    halves = json.loads((DATA / "enru-wide-split.json").read_text(encoding="utf-8"))
    docs = []
    for name, ids in halves[split].items():
        path = SHARED / "enru-wide" / name
        if not path.exists():
            sys.exit(f"{path}: not found (the eval data lives outside the repository)")
        wanted = set(ids)
        for line in path.open(encoding="utf-8"):
            d = json.loads(line)
            if d["doc_id"] in wanted and (domain is None or d.get("domain") == domain):
                docs.append({**d, "doc_id": f"{name.split('.')[0]}.{d['doc_id']}"})
    return docs


def gold_path(which: str, split: str) -> Path:
    return DATA / (f"wmt-{split}-glossary.csv" if which == "wmt22" else f"wide-{split}-glossary.csv")


def verdicts_path(which: str, split: str) -> Path:
    return DATA / f"mine-verdicts-{which}-{split}.csv"


def read_gold(path: Path):
    from bilingual.glossary import load_glossary

    if not path.exists():
        return None
    return [t for t in load_glossary(path) if t.type in NAME_TYPES]


def read_verdicts(path: Path) -> dict[tuple[str, str], dict]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        return {(r["en"], norm(r["ru"])): r for r in csv.DictReader(fh)}


def mine_docs(docs: list[dict], jobs: int):
    from real_precision import slug_of, write_article
    from bilingual.mining.mine import mine

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        for d in docs:
            write_article(root, slug_of(d["doc_id"]), d["en"], d["ru"])
        t0 = time.perf_counter()
        result = mine([root], None, jobs=jobs)
        return result, time.perf_counter() - t0


_TITLES = ("king ", "queen ", "president ", "prince ", "princess ", "pope ", "sir ")


def en_key(en: str, loose: bool = False) -> str:
    """How the gold's English is matched with a proposal's: letter case ignored; ``loose`` also
    takes a hyphen for a space ("Abu-Dhabi" / "Abu Dhabi") and drops a title in front
    ("King Charles III" / "Charles III")."""
    key = en.lower()
    if loose:
        key = " ".join(key.replace("-", " ").split())
        for title in _TITLES:
            if key.startswith(title):
                key = key[len(title):]
    return key


def score_gold(proposals, gold, loose: bool = False) -> dict:
    """Gold names proposed, and proposed with the right dictionary form."""
    by_en: dict[str, list] = {}
    for p in proposals:  # a proposal's English variants name it too (the glossary row gets them)
        for en in (p.en, *getattr(p, "en_variants", ())):
            by_en.setdefault(en_key(en, loose), []).append(p)
    found = right = 0
    misses, wrong = [], []
    for t in gold:
        ens = [t.en, *t.en_variants]
        ps = list({id(p): p for e in ens for p in by_en.get(en_key(e, loose), [])}.values())
        if not ps:
            misses.append(t.en)
            continue
        found += 1
        allowed = {norm(a) for a in t.allowed}
        if any(norm(p.ru) in allowed for p in ps):
            right += 1
        else:
            wrong.append(f"{t.en}: {ps[0].ru} (gold {t.ru})")
    return {"gold": len(gold), "found": found, "right": right, "misses": misses, "wrong": wrong}


def score_top(proposals, gold, verdicts, n: int) -> dict:
    gold_pairs = set()
    for t in gold or ():
        for e in (t.en, *t.en_variants):
            for a in t.allowed:
                gold_pairs.add((e.lower(), norm(a)))
    right = wrong = 0
    unjudged, wrongs = [], []
    for p in proposals[:n]:
        v = verdicts.get((p.en, norm(p.ru)))
        if v is not None:
            if v["verdict"].strip().lower() in RIGHT:
                right += 1
            else:
                wrong += 1
                wrongs.append(f"{p.en} → {p.ru} ({v['reason']})")
        elif (p.en.lower(), norm(p.ru)) in gold_pairs:
            right += 1
        else:
            unjudged.append(p)
    judged = right + wrong
    return {"n": min(n, len(proposals)), "right": right, "wrong": wrong, "unjudged": unjudged,
            "precision": right / judged if judged else float("nan"), "wrongs": wrongs}


def renderings(which: str, split: str, domain: str | None) -> None:
    """The archive-wide rule on the set, with the gold glossary: each name it says is rendered
    more than one way, with the forms it grouped apart (to read: two case forms of one name
    grouped apart are a grouping error)."""
    from real_precision import slug_of, write_article

    from bilingual.checks.pipeline import check
    from bilingual.glossary import load_glossary

    docs = load_docs(which, split, domain)
    gold = load_glossary(gold_path(which, split)) if gold_path(which, split).exists() else None
    with tempfile.TemporaryDirectory() as tmp:
        for d in docs:
            write_article(Path(tmp), slug_of(d["doc_id"]), d["en"], d["ru"])
        for label, glossary in (("the gold glossary", gold), ("an empty glossary", None)):
            report = check([tmp], glossary)
            groups: dict[str, set[str]] = {}
            for _art, f in report.flags:
                if f.kind == "inconsistent_rendering":
                    groups.setdefault(f.term, set()).add(f.found)
            print(f"== {which} {split}, {label}: {len(docs)} documents, "
                  f"{len(groups)} names flagged inconsistent_rendering")
            for term, forms in sorted(groups.items()):
                print(f"   {term}: {' / '.join(sorted(forms))}")


def run(which: str, split: str, domain: str | None, jobs: int, show: str | None, top: int) -> None:
    docs = load_docs(which, split, domain)
    result, elapsed = mine_docs(docs, jobs)
    proposals = result.proposals
    gold = read_gold(gold_path(which, split))
    verdicts = read_verdicts(verdicts_path(which, split))
    label = f"{which} {split}" + (f" ({domain})" if domain else "")
    print(f"== {label}: {len(docs)} documents, {result.links} links, {len(proposals)} proposals, "
          f"mined in {elapsed:.1f} s")
    if gold is None:
        print(f"   no gold glossary at {gold_path(which, split).relative_to(ROOT)}")
    else:
        g = score_gold(proposals, gold)
        loose = score_gold(proposals, gold, loose=True)
        print(f"   gold names: {g['right']}/{g['gold']} with the right dictionary form "
              f"({g['right'] / max(g['gold'], 1):.3f}), {g['found']} proposed at all; "
              f"{loose['right']}/{g['gold']} ({loose['right'] / max(g['gold'], 1):.3f}) matching the English "
              f"with hyphens as spaces and a title in front dropped")
        if show in ("gold", "all"):
            for line in g["wrong"]:
                print(f"     wrong form  {line}")
            for en in g["misses"]:
                print(f"     not proposed  {en}")
    for n in (50, 200):
        s = score_top(proposals, gold, verdicts, n)
        print(f"   top {n}: precision {s['precision']:.3f} ({s['right']} right, {s['wrong']} wrong, "
              f"{len(s['unjudged'])} unjudged of {s['n']})")
        if show in ("wrong", "all"):
            for line in s["wrongs"]:
                print(f"     wrong  {line}")
    if show in ("unjudged", "all"):
        s = score_top(proposals, gold, verdicts, top)
        print(f"   unjudged in the top {top} (en, ru, type, confidence, count, example):")
        for p in s["unjudged"]:
            ex_en = p.example_en.split(" | ")[0][:140]
            ex_ru = p.example_ru.split(" | ")[0][:140]
            print(f"     {p.en}\t{p.ru}\t{p.type}\t{p.confidence:.2f}\t{p.count}")
            print(f"        EN {ex_en}\n        RU {ex_ru}")
    if show == "list":
        for i, p in enumerate(proposals[:top], 1):
            print(f"     {i:4d} {p.en} → {p.ru} [{p.type}] {p.confidence:.2f} ×{p.count}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", default="wmt22,wide", help="wmt22, wide or both (comma-separated)")
    ap.add_argument("--split", default="dev", help="wmt22: dev|test; wide: dev|blind")
    ap.add_argument("--domain", default=None, help="wide set: keep one domain (news, social, ...)")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--show", choices=["gold", "wrong", "unjudged", "list", "all"], default=None)
    ap.add_argument("--top", type=int, default=200, help="how far --show unjudged/list reads")
    ap.add_argument("--renderings", action="store_true",
                    help="instead of mining: the names check's inconsistent_rendering rule groups apart")
    args = ap.parse_args()
    for which in args.set.split(","):
        if args.renderings:
            renderings(which.strip(), args.split, args.domain)
        else:
            run(which.strip(), args.split, args.domain, args.jobs, args.show, args.top)


if __name__ == "__main__":
    main()
