"""Precision and recall of each drift kind on the labelled article in tests/data/drift.

    python benchmarks/drift_eval.py [--data tests/data/drift] [--glossary glossary.csv]

A flag counts as correct when a label of the same kind points at the same
sentence (the label's snippet is inside the flag's sentence text) and, where
the label names a term, at the same term.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bilingual.checks.pipeline import check  # noqa: E402
from bilingual.checks.drift import KINDS  # noqa: E402


def matches(label: dict, flag) -> bool:
    if label["kind"] != flag.kind:
        return False
    if label["term"] and flag.term and label["term"] != flag.term:
        return False
    ru, en = label["ru_snippet"], label["en_snippet"]
    if ru:
        return ru in flag.ru_text
    return bool(en) and en in flag.en_text


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT / "tests/data/drift"))
    ap.add_argument("--glossary", default=str(ROOT / "glossary.csv"))
    args = ap.parse_args()
    data = Path(args.data)
    labels = list(csv.DictReader((data / "labels.csv").open(encoding="utf-8")))
    report = check([data / "en.md", data / "ru.md"], args.glossary)
    flags = [f for _, f in report.flags] + [f for _, f in report.notes]  # a note is reported too

    tp_flags, tp_labels = Counter(), Counter()
    used = set()
    for f in flags:
        if any(matches(lab, f) for lab in labels):
            tp_flags[f.kind] += 1
    for i, lab in enumerate(labels):
        if any(matches(lab, f) for f in flags):
            tp_labels[lab["kind"]] += 1
            used.add(i)
    n_flags = Counter(f.kind for f in flags)
    n_labels = Counter(lab["kind"] for lab in labels)

    print(f"{'kind':<24}{'labels':>7}{'flags':>7}{'precision':>11}{'recall':>8}")
    for kind in KINDS:
        if not n_flags[kind] and not n_labels[kind]:
            continue
        p = tp_flags[kind] / n_flags[kind] if n_flags[kind] else float("nan")
        r = tp_labels[kind] / n_labels[kind] if n_labels[kind] else float("nan")
        print(f"{kind:<24}{n_labels[kind]:>7}{n_flags[kind]:>7}{p:>11.2f}{r:>8.2f}")
    P = sum(tp_flags.values()) / max(len(flags), 1)
    R = len(used) / max(len(labels), 1)
    print(f"{'all':<24}{len(labels):>7}{len(flags):>7}{P:>11.2f}{R:>8.2f}")
    for f in flags:
        if not any(matches(lab, f) for lab in labels):
            print(f"  false alarm: {f.kind} EN {f.en_index} / RU {f.ru_index}: {f.message}")
    for i, lab in enumerate(labels):
        if i not in used:
            print(f"  missed: {lab['kind']} {lab['term'] or ''} {lab['ru_snippet'] or lab['en_snippet']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
