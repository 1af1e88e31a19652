"""Speed of the drift check: sentence pairs per second, and the cost of a large glossary.

    python benchmarks/check_speed.py [--repeat 20]

Aligns the shipped corpus once, then times the drift rules (glossary matching
in both languages, numbers, language checks) over all links, repeated. The same
run is done with the shipped glossary padded to 100 terms and to 10,000 terms
with generated names (each timed run finds the term hits with that glossary), so the ratio shows how matching scales with glossary size.
The whole `check` (read, segment, align, rules) is timed too, and both the rules and the whole
check are timed with and without the translators' QA checks, interleaved in the same run.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bilingual.align import align_documents  # noqa: E402
from bilingual.checks.pipeline import check  # noqa: E402
from bilingual.sources.corpus import find_pairs, read_document  # noqa: E402
from bilingual.checks.drift import RULES, check_alignment  # noqa: E402
from bilingual.glossary import Matcher, load_glossary  # noqa: E402
from bilingual.model import Glossary, Term  # noqa: E402
from bilingual.russian.translit import latin_to_ru  # noqa: E402

SYLLABLES = ["ka", "lo", "mir", "ven", "dor", "sa", "bel", "tor", "gan", "ru", "zel", "pet", "nik", "var", "os"]


def padded(glossary: Glossary, size: int, seed: int = 7) -> Glossary:
    rng = random.Random(seed)
    terms = list(glossary.terms)
    seen = {t.en for t in terms}
    while len(terms) < size:
        words = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
                 for _ in range(rng.randint(1, 2))]
        en = " ".join(words)
        if en in seen:
            continue
        seen.add(en)
        ru = latin_to_ru(en)
        forbidden = (ru[:-1] + "ь",) if rng.random() < 0.2 else ()
        terms.append(Term(en=en, ru=ru, type="person", forbidden=forbidden))
    return Glossary(tuple(terms), sha=f"padded-{size}")


def time_rules(alignments, glossary: Glossary, repeat: int, rules=None) -> tuple[float, int, float]:
    t0 = time.perf_counter()
    matcher = Matcher(glossary)
    build = time.perf_counter() - t0
    for al in alignments:  # warm the per-token-form caches, as a long run would have them
        check_alignment(al, glossary, matcher=matcher, rules=rules)
    pairs = 0
    t0 = time.perf_counter()
    for _ in range(repeat):
        for al in alignments:
            check_alignment(al, glossary, matcher=matcher, rules=rules)
            pairs += len(al.links)
    return time.perf_counter() - t0, pairs, build


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    os.chdir(ROOT)
    glossary = load_glossary("glossary.csv")
    alignments = []
    for pair in find_pairs(["corpus"]):
        en, ru = read_document(pair.en_path, "en"), read_document(pair.ru_path, "ru")
        alignments.append(align_documents(en, ru, glossary=glossary))
    links = sum(len(a.links) for a in alignments)
    print(f"corpus: {len(alignments)} articles, {links} links; cpu cores used: 1")

    results = {}
    for size in (100, 10_000):
        g = padded(glossary, size)
        seconds, pairs, build = time_rules(alignments, g, args.repeat)
        results[size] = seconds
        print(f"glossary {size:>6} terms: {pairs / seconds:>8.0f} sentence pairs/s "
              f"({pairs} pairs in {seconds:.2f}s; matcher built in {build:.2f}s)")
    print(f"10,000-term / 100-term time: {results[10_000] / results[100]:.2f}x  (target <= 1.5x)")

    # the translators' QA checks (typos, mechanical, typography, house style) against the drift
    # rules alone, interleaved so a busy machine slows both alike
    g = padded(glossary, 100)
    drift_only = with_qa = 0.0
    for _ in range(3):
        drift_only += time_rules(alignments, g, max(args.repeat // 3, 1), rules=RULES)[0]
        with_qa += time_rules(alignments, g, max(args.repeat // 3, 1))[0]
    print(f"rules with the QA checks / drift rules alone: {with_qa / drift_only:.2f}x  (target <= 1.15x)")

    t0 = time.perf_counter()
    report = check(["corpus"], glossary)
    full = time.perf_counter() - t0
    print(f"whole `check` on the corpus (read, segment, align, rules): {links / full:.0f} sentence pairs/s "
          f"({full:.2f}s, {len(report.flags)} flags)")

    # the whole check with every QA kind switched off in the profile (then none is looked for)
    from bilingual.checks.profiles import Profile
    from bilingual.checks.qa import KINDS as QA_KINDS, QASettings, use_settings

    off = QASettings(profile=Profile(tuple((k, "off") for k in sorted(QA_KINDS))))
    with_qa = without = 0.0
    for _ in range(3):
        use_settings(off)
        t0 = time.perf_counter()
        check(["corpus"], glossary)
        without += time.perf_counter() - t0
        use_settings(None)
        t0 = time.perf_counter()
        check(["corpus"], glossary)
        with_qa += time.perf_counter() - t0
    print(f"whole `check` with the QA checks / with them switched off: {with_qa / without:.2f}x  "
          "(target <= 1.15x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
