"""Related flags as one problem: the rows of the report's issue list.

One misspelt name in a sentence gives several flags (``missing_term`` for the
glossary form not found, ``inconsistent_rendering`` for the spelling, maybe
``forbidden_variant``); a dropped paragraph gives one ``omission`` per sentence.
Flags of one article are grouped when they are about the same term in the same
sentence, or are omissions (additions) of consecutive sentences. Each group is
listed once, its first flag — the most severe — leading, its parts below it.
"""

from __future__ import annotations

_SEVERITY = {"error": 0, "warning": 1, "info": 2}
_RUNS = {"omission": "en_index", "addition": "ru_index"}  # kinds grouped over consecutive sentences


def group_flags(flags) -> list[tuple[list[int], str]]:
    """``[(indexes into flags, label), ...]`` in the order of each group's first flag; the label
    says what a group of several flags is (``3 omitted sentences``, ``one name, 2 flags``)."""
    parent = list(range(len(flags)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i, j):
        parent[find(j)] = find(i)

    by_term: dict[tuple, int] = {}
    for i, f in enumerate(flags):
        if f.term and f.accepted is False:
            key = (f.term, f.ru_index if f.ru_index is not None else ("en", f.en_index))
            if key in by_term:
                join(by_term[key], i)
            else:
                by_term[key] = i
    for kind, attr in _RUNS.items():
        runs = sorted((getattr(f, attr), i) for i, f in enumerate(flags)
                      if f.kind == kind and getattr(f, attr) is not None and not f.accepted)
        for (a, i), (b, j) in zip(runs, runs[1:]):
            if b == a + 1:
                join(i, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(flags)):
        groups.setdefault(find(i), []).append(i)
    out = []
    for members in sorted(groups.values(), key=lambda m: m[0]):
        members.sort(key=lambda i: (_SEVERITY.get(flags[i].level, 3), i))
        out.append((members, _label([flags[i] for i in members])))
    return out


def _label(flags) -> str:
    if len(flags) == 1:
        return ""
    kinds = {f.kind for f in flags}
    if kinds == {"omission"}:
        return f"{len(flags)} consecutive English sentences with no Russian counterpart"
    if kinds == {"addition"}:
        return f"{len(flags)} consecutive Russian sentences with no English source"
    return f"one problem with {flags[0].term}: {len(flags)} flags ({', '.join(sorted(kinds))})"
