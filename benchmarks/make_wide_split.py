"""Split ../shared/eval-data/enru-wide/ by document into a dev half and a blind half.

The split is made from document ids alone (no text is read but the ids and domains), stratified by
file and domain: within each stratum documents are ordered by the SHA-256 of "file:doc_id" and
dealt alternately to dev and blind. The result is written to benchmarks/data/enru-wide-split.json
and committed, so every benchmark uses the same halves.

    python benchmarks/make_wide_split.py [--data ../shared/eval-data/enru-wide]
"""
from __future__ import annotations

import argparse
import hashlib
import json
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "eval-data" / "enru-wide"
OUT = HERE / "data" / "enru-wide-split.json"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args()
    strata: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name in ("wmt23.jsonl", "wmt24.jsonl"):
        with open(args.data / name, encoding="utf-8") as fh:
            for line in fh:
                doc = json.loads(line)
                strata[(name, doc["domain"])].append(doc["doc_id"])
    split: dict[str, dict[str, list[str]]] = {"dev": defaultdict(list), "blind": defaultdict(list)}
    for (name, _domain), ids in sorted(strata.items()):
        ids.sort(key=lambda d: hashlib.sha256(f"{name}:{d}".encode()).hexdigest())
        for i, doc_id in enumerate(ids):
            split["dev" if i % 2 == 0 else "blind"][name].append(doc_id)
    out = {half: {k: sorted(v) for k, v in files.items()} for half, files in split.items()}
    OUT.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for half, files in out.items():
        print(half, {k: len(v) for k, v in files.items()})


if __name__ == "__main__":
    main()
