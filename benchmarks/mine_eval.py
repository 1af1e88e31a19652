"""How well `glossary mine` finds names: remove names from glossary.csv, mine the corpus, count returns.

For each of several seeded draws, 20 names (people, places, organisations) are
removed from the shipped glossary; the corpus is mined with what is left. A
removed name comes back when a proposal has its English and the right Russian
lemma (each word's pymorphy3 lemma equal to the glossary's ``ru`` or a
variant). Proposals for anything not removed are counted as noise.

    python benchmarks/mine_eval.py [--draws 5] [--size 20]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME_TYPES = ("person", "city", "country", "region", "organization")


def lemma_key(phrase: str) -> tuple[str, ...]:
    from bilingual.russian import morph
    from bilingual.glossary.match import tokenize

    return tuple(morph.lemma(t) for _, _, t in tokenize(phrase) if t[0].isalnum())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--draws", type=int, default=5)
    ap.add_argument("--size", type=int, default=20)
    args = ap.parse_args()

    from bilingual.glossary import load_glossary
    from bilingual.mining.mine import mine
    from bilingual.model import Glossary

    full = load_glossary(ROOT / "glossary.csv")
    names = [t for t in full if t.type in NAME_TYPES]
    totals = {"removed": 0, "found": 0, "right": 0, "noise": 0, "proposals": 0}
    t0 = time.perf_counter()
    for draw in range(args.draws):
        removed = random.Random(draw).sample(names, args.size)
        gone = {t.en for t in removed}
        kept = Glossary(tuple(t for t in full if t.en not in gone))
        result = mine([ROOT / "corpus"], kept)
        by_en = {p.en: p for p in result.proposals}
        found = right = 0
        misses = []
        for t in removed:
            p = by_en.get(t.en)
            if p is None:
                misses.append(t.en)
                continue
            found += 1
            if lemma_key(p.ru) in {lemma_key(a) for a in t.allowed}:
                right += 1
            else:
                misses.append(f"{t.en} (proposed {p.ru}, glossary {t.ru})")
        noise = [p for p in result.proposals if p.en not in gone]
        print(f"draw {draw}: {right}/{len(removed)} back with the right lemma, {found} found, "
              f"{len(noise)} other proposals: {', '.join(f'{p.en}→{p.ru}' for p in noise) or '-'}")
        if misses:
            print(f"  missed: {'; '.join(misses)}")
        totals["removed"] += len(removed)
        totals["found"] += found
        totals["right"] += right
        totals["noise"] += len(noise)
        totals["proposals"] += len(result.proposals)
    elapsed = time.perf_counter() - t0
    print(f"\nrecall (right lemma): {totals['right'] / totals['removed']:.1%} "
          f"({totals['right']}/{totals['removed']}; target >= 90%)")
    print(f"found with any rendering: {totals['found'] / totals['removed']:.1%}")
    print(f"noise: {totals['noise']} of {totals['proposals']} proposals "
          f"({totals['noise'] / max(totals['proposals'], 1):.1%}) are not removed names")
    print(f"{elapsed / args.draws:.1f} s per mining run ({result.articles} articles, {result.links} links)")


if __name__ == "__main__":
    main()
