"""Version diff on real Russian news: how well random edit scripts are recovered,
against a sentence-level difflib diff, and how the stale-translation check does
on real EN/RU pairs.

Reads the WMT22 EN–RU news documents from ../shared/eval-data (relative to the
repo root). Each document gets seeded random edits (delete, insert a sentence
from another document, reword, split at a comma, merge two neighbours, move);
the script's kinds are the truth. Prints figures; asserts nothing.

    python benchmarks/diff_edits.py [--seed 1] [--rounds 3]
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT.parent / "shared" / "eval-data" / "enru" / "raw" / "wmt22_news_enru.jsonl"
sys.path.insert(0, str(ROOT))

from bilingual.diff import KINDS, diff_versions, stale_translations  # noqa: E402

_NUMBER = re.compile(r"\d+")


def reword(s: str, rnd: random.Random) -> str:
    """A small edit an editor makes: a number changed, a word dropped or added."""
    if _NUMBER.search(s) and rnd.random() < 0.4:
        m = _NUMBER.search(s)
        return s[:m.start()] + str(int(m.group()) + 1) + s[m.end():]
    words = s.split(" ")
    if len(words) > 4 and rnd.random() < 0.5:
        del words[rnd.randrange(1, len(words) - 1)]
        return " ".join(words)
    words.insert(1, rnd.choice(["также", "всё же", "уже", "вновь", "официально"]))
    return " ".join(words)


def edit(sentences: list[str], spare: list[str], rnd: random.Random):
    units: list[tuple[str, list[str]]] = []
    expected: Counter = Counter()
    i = 0
    while i < len(sentences):
        s = sentences[i]
        if spare and rnd.random() < 0.08:
            units.append(("added", [spare.pop()]))
        r = rnd.random()
        if r < 0.55:
            units.append(("unchanged", [s]))
        elif r < 0.65:
            expected["removed"] += 1
        elif r < 0.8:
            units.append(("reworded", [reword(s, rnd)]))
        elif r < 0.9 and ", " in s.strip(", "):
            head, tail = s.split(", ", 1)
            if len(head) > 20 and len(tail) > 20:
                units.append(("split", [head + ".", tail[0].upper() + tail[1:]]))
            else:
                units.append(("unchanged", [s]))
        elif i + 1 < len(sentences):
            nxt = sentences[i + 1]
            units.append(("merged", [s.rstrip(".") + ", а " + nxt[0].lower() + nxt[1:]]))
            i += 1
        else:
            units.append(("unchanged", [s]))
        i += 1
    # one move: an unchanged sentence jumps at least two places over unchanged ones
    runs = [k for k in range(len(units) - 2) if all(u[0] == "unchanged" for u in units[k:k + 3])]
    if runs and rnd.random() < 0.5:
        k = rnd.choice(runs)
        units[k:k + 3] = [units[k + 1], units[k + 2], units[k]]
        expected["moved"] += 1
        expected["unchanged"] -= 1
    new = []
    for kind, sents in units:
        expected[kind] += 1
        new.extend(sents)
    return new, +expected


def difflib_kinds(old: list[str], new: list[str]) -> Counter:
    """What a line diff says: equal, delete, insert; a replace of equal length is a rewording."""
    out: Counter = Counter()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            out["unchanged"] += i2 - i1
        elif tag == "delete":
            out["removed"] += i2 - i1
        elif tag == "insert":
            out["added"] += j2 - j1
        elif i2 - i1 == j2 - j1:
            out["reworded"] += i2 - i1
        else:
            out["removed"] += i2 - i1
            out["added"] += j2 - j1
    return out


def scores(pairs: list[tuple[Counter, Counter]]) -> dict:
    tp, got, want = Counter(), Counter(), Counter()
    exact = 0
    for expected, found in pairs:
        exact += expected == found
        for k in KINDS:
            tp[k] += min(expected[k], found[k])
            got[k] += found[k]
            want[k] += expected[k]
    per_kind = {k: (tp[k] / got[k] if got[k] else float("nan"), tp[k] / want[k] if want[k] else float("nan"),
                    want[k]) for k in KINDS}
    return {"exact": exact / len(pairs), "per_kind": per_kind}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=3, help="edit scripts per document")
    args = ap.parse_args()
    if not RAW.exists():
        print(f"no eval data at {RAW}; nothing to measure")
        return
    docs = [json.loads(line) for line in RAW.read_text(encoding="utf-8").splitlines() if line.strip()]
    rnd = random.Random(args.seed)
    ours, base = [], []
    t_ours = t_base = 0.0
    n_sent = 0
    for _ in range(args.rounds):
        for d in docs:
            old = d["ru"]
            others = [s for o in rnd.sample(docs, 3) if o is not d for s in o["ru"]]
            new, expected = edit(old, rnd.sample(others, min(5, len(others))), rnd)
            t0 = time.perf_counter()
            found = Counter(c.kind for c in diff_versions(old, new).changes)
            t1 = time.perf_counter()
            line = difflib_kinds(old, new)
            t2 = time.perf_counter()
            t_ours += t1 - t0
            t_base += t2 - t1
            n_sent += len(old)
            ours.append((expected, +found))
            base.append((expected, +line))
    print(f"edit scripts: {len(ours)} over {len(docs)} WMT22 RU news documents, {n_sent} old sentences (seed {args.seed})")
    s_ours, s_base = scores(ours), scores(base)
    print(f"documents whose kinds are recovered exactly: bilingual diff {s_ours['exact']:.1%}, "
          f"difflib by sentence {s_base['exact']:.1%}")
    print(f"{'kind':<10} {'n':>5}  {'diff P':>7} {'diff R':>7}  {'difflib P':>9} {'difflib R':>9}")
    for k in KINDS:
        p, r, n = s_ours["per_kind"][k]
        bp, br, _ = s_base["per_kind"][k]
        print(f"{k:<10} {n:>5}  {p:>7.3f} {r:>7.3f}  {bp:>9.3f} {br:>9.3f}")
    print(f"time: bilingual diff {t_ours / len(ours) * 1000:.1f} ms/document, "
          f"difflib {t_base / len(ours) * 1000:.2f} ms/document ({t_ours / max(t_base, 1e-9):.0f}x)")

    # one long article: every document's Russian in a row
    long_old = [s for d in docs[:20] for s in d["ru"]]
    long_new, _ = edit(long_old, [s for d in docs[20:25] for s in d["ru"]], rnd)
    t0 = time.perf_counter()
    diff_versions(long_old, long_new)
    print(f"long article: {len(long_old)} -> {len(long_new)} sentences in {time.perf_counter() - t0:.2f} s")
    # worst case: every sentence reworded, so no identical sentence anchors the programme
    all_new = [reword(s, rnd) for s in long_old]
    t0 = time.perf_counter()
    kinds = Counter(c.kind for c in diff_versions(long_old, all_new).changes)
    print(f"long article, every sentence reworded: {time.perf_counter() - t0:.2f} s, "
          f"{kinds['reworded']}/{len(long_old)} found reworded")

    # stale translations on real pairs: the English edited, the Russian is the human reference
    want = found = hit = 0
    t0 = time.perf_counter()
    for d in docs:
        en, ru = d["en"], d["ru"]
        if len(en) != len(ru):
            continue
        new_en = list(en)
        changed = set()
        for k in range(len(en)):
            if rnd.random() < 0.2:
                new_en[k] = reword(en[k], rnd).replace("также", "also").replace("всё же", "still") \
                    .replace("уже", "already").replace("вновь", "again").replace("официально", "officially")
                if new_en[k] != en[k]:
                    changed.add(k)
        stale = stale_translations(en, new_en, ru)
        got = {r for s in stale for r in s.ru_indexes}
        want += len(changed)
        found += len(got)
        hit += len(got & changed)  # the released pairs are 1-1: RU k translates EN k
    dt = time.perf_counter() - t0
    print(f"stale translations: {want} English sentences edited; {found} Russian sentences listed, "
          f"precision {hit / max(found, 1):.3f}, recall {hit / max(want, 1):.3f} ({dt:.1f} s with the aligner)")


if __name__ == "__main__":
    main()
