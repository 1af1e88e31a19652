"""Glossary matching speed: sentence pairs per second, and a 10,000-term glossary against a 100-term one.

Reads the WMT22 EN–RU news pairs from ../shared/eval-data (relative to the repo
root) when present, else a few built-in sentences. Prints figures; asserts
nothing.

    python benchmarks/match_speed.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT.parent / "shared" / "eval-data" / "enru" / "raw" / "wmt22_news_enru.jsonl"

FALLBACK = [
    ("Vladimir Putin met Donald Trump in Helsinki, Reuters reported.",
     "Владимир Путин встретился с Дональдом Трампом в Хельсинки, сообщает Reuters."),
    ("NATO allies discussed Kyiv's request for air defence.",
     "Союзники по НАТО обсудили просьбу Киева о противовоздушной обороне."),
]

FIRST = ["Александр", "Андрей", "Владимир", "Дмитрий", "Сергей", "Мария", "Анна", "Елена", "Ольга", "Игорь"]
SYL = ["ка", "ра", "мо", "ви", "ле", "но", "ша", "ти", "до", "бе", "зу", "хо", "ми", "па", "ло"]
EN_SYL = ["ka", "ra", "mo", "vi", "le", "no", "sha", "ti", "do", "be", "zu", "kho", "mi", "pa", "lo"]


def load_pairs() -> list[tuple[str, str]]:
    if not RAW.exists():
        return FALLBACK * 500
    pairs = []
    for line in RAW.read_text("utf-8").splitlines():
        doc = json.loads(line)
        pairs += [(e, r) for e, r in zip(doc["en"], doc["ru"])]
    return pairs


def base_terms():
    from bilingual.glossary import load_glossary
    from bilingual.model import Term

    shipped = ROOT / "glossary.csv"
    terms = list(load_glossary(shipped).terms) if shipped.exists() else []
    terms += [Term("New York", "Нью-Йорк", "city"), Term("HBO", "HBO", "organization"),
              Term("Vladimir Putin", "Владимир Путин", "person"), Term("Putin", "Путин", "person"),
              Term("Moscow", "Москва", "city"), Term("Russia", "Россия", "country", (), ("РФ",)),
              Term("Ukraine", "Украина", "country"), Term("United States", "США", "country")]
    return terms


def synthetic(n: int, rng: random.Random):
    from bilingual.model import Term

    out = []
    for i in range(n):
        k = rng.randint(2, 4)
        idx = [rng.randrange(len(SYL)) for _ in range(k)]
        ru_sur = "".join(SYL[j] for j in idx).capitalize() + "ов"
        en_sur = "".join(EN_SYL[j] for j in idx).capitalize() + f"ov{i}"
        f = rng.randrange(len(FIRST))
        if i % 2:  # half multiword names sharing common first names (big index buckets)
            out.append(Term(f"{FIRST[f]} {en_sur}", f"{FIRST[f]} {ru_sur}{SYL[i % 15]}", "person"))
        else:
            out.append(Term(en_sur, ru_sur + SYL[i % 15] + "ск", "city", (), (ru_sur + "ськ",)))
    return out


def run(matcher, pairs, repeat):
    best = float("inf")
    hits = 0
    for _ in range(repeat):
        t = time.perf_counter()
        hits = 0
        for en, ru in pairs:
            hits += len(matcher.find_en(en)) + len(matcher.find_ru(ru))
        best = min(best, time.perf_counter() - t)
    return best, hits


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from bilingual.russian import morph
    from bilingual.glossary import Matcher

    pairs = load_pairs()
    rng = random.Random(0)
    base = base_terms()
    small = (base + synthetic(100, rng))[:100] if len(base) < 100 else base[:100]
    large = small + synthetic(10_000 - len(small), rng)
    print(f"{len(pairs)} sentence pairs; glossaries of {len(small)} and {len(large)} terms")

    t = time.perf_counter()
    m_small = Matcher(small)
    t_small_build = time.perf_counter() - t
    t = time.perf_counter()
    m_large = Matcher(large)
    t_large_build = time.perf_counter() - t
    print(f"build: {t_small_build * 1000:.0f} ms (100 terms), {t_large_build * 1000:.0f} ms (10,000 terms)")

    morph.parse.cache_clear()
    cold, _ = run(m_small, pairs, 1)
    print(f"cold caches: {len(pairs) / cold:,.0f} pairs/s (every word form parsed once by pymorphy3)")

    small_t, small_hits = run(m_small, pairs, args.repeat)
    large_t, large_hits = run(m_large, pairs, args.repeat)
    print(f"100 terms:    {len(pairs) / small_t:,.0f} pairs/s/core, {small_hits} hits")
    print(f"10,000 terms: {len(pairs) / large_t:,.0f} pairs/s/core, {large_hits} hits")
    print(f"10,000 / 100 time ratio: {large_t / small_t:.2f}x (target <= 1.5x)")

    # Peers measured in the same run: the raw engines the matcher stands on.
    import pymorphy3
    import razdel

    words = [w for _, ru in pairs for w in ru.split()]
    raw = pymorphy3.MorphAnalyzer()
    t = time.perf_counter()
    for w in words[:20_000]:
        raw.parse(w)
    dt = time.perf_counter() - t
    print(f"peer: uncached pymorphy3 parse {min(len(words), 20_000) / dt:,.0f} words/s")
    t = time.perf_counter()
    for _, ru in pairs:
        list(razdel.tokenize(ru))
    print(f"peer: razdel.tokenize alone {len(pairs) / (time.perf_counter() - t):,.0f} RU sentences/s")


if __name__ == "__main__":
    main()
