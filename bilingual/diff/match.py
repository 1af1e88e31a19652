"""OLD <-> NEW sentence matching: a monotone dynamic programme over RapidFuzz
similarities (beads 1-1, 1-0, 0-1, 1-2, 2-1), then moves found among the
leftovers.

Sentences that occur once on each side, word for word, and keep their order
anchor the programme (as in patience diff), so it runs only in the gaps
between them: an article with a few edits costs little however long it is.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from .words import normalise, stem_key

# A 1-1 bead is worth (similarity - KEEP) so that below KEEP a deletion plus an
# insertion beats pairing two unrelated sentences.
KEEP = 0.45
# Two-sentence beads pay a little more so that an unchanged sentence next to an
# inserted one stays 1-1; only a little, because a short clause split off a
# long sentence raises the similarity by a few hundredths at most.
MULTI_PENALTY = 0.02
# Each part of a split or merge must be found in the whole; an unrelated
# neighbour is not.
PART = 0.6
# Share of a part's word stems that must be found in the whole before the
# character-level check runs.
PART_WORDS = 0.3
# A removed and an added sentence this similar are one sentence that moved.
MOVE = 0.6
# Two sentences the aligner ties to the same English sentence are likely one
# sentence retranslated, even when the wording shares little.
SAME_EN = 0.2


@dataclass(frozen=True, slots=True)
class Bead:
    old: tuple[int, ...]
    new: tuple[int, ...]
    score: float  # similarity, 0..1 (0 for additions and removals)
    moved: bool = False


def similarity(a: str, b: str) -> float:
    """0..1: half word-stem overlap, half character overlap (both Indel ratios)."""
    return _blend(fuzz.ratio(stem_key(a), stem_key(b)), fuzz.ratio(normalise(a), normalise(b)))


def _blend(words: float, chars: float) -> float:
    return (words + chars) / 200.0


def _matrix(old: list[str], new: list[str]) -> np.ndarray:
    if not old or not new:
        return np.zeros((len(old), len(new)))
    words = process.cdist([stem_key(s) for s in old], [stem_key(s) for s in new], scorer=fuzz.ratio,
                          dtype=np.float32)
    chars = process.cdist([normalise(s) for s in old], [normalise(s) for s in new], scorer=fuzz.ratio,
                          dtype=np.float32)
    return (words.astype(np.float64) + chars) / 200.0


def _containment(old: list[str], new: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Share of each old sentence's word stems found, in order, in each new
    sentence, and the reverse: a cheap bound that rules out most candidate
    splits and merges before the costlier checks."""
    if not old or not new:
        return np.zeros((len(old), len(new))), np.zeros((len(old), len(new)))
    ko, kn = [stem_key(s) for s in old], [stem_key(s) for s in new]
    common = process.cdist(ko, kn, scorer=LCSseq.similarity, dtype=np.int32).astype(np.float64)
    lo = np.array([max(len(k), 1) for k in ko], dtype=np.float64)[:, None]
    ln = np.array([max(len(k), 1) for k in kn], dtype=np.float64)[None, :]
    return common / lo, common / ln


def _parts_found(whole: str, parts: tuple[str, str]) -> bool:
    w = normalise(whole)
    return all(fuzz.partial_ratio(normalise(p), w) / 100.0 >= PART for p in parts)


def _two(whole: str, a: str, b: str) -> float | None:
    if not _parts_found(whole, (a, b)):
        return None
    return similarity(whole, a + " " + b)


def _anchors(old: list[str], new: list[str]) -> list[tuple[int, int]]:
    """Sentences found once on each side, word for word, in the longest run
    that keeps their order (patience diff); the programme only has to run in
    the gaps between them."""
    keys_old = [normalise(s) for s in old]
    keys_new = [normalise(s) for s in new]
    count_old, count_new = Counter(keys_old), Counter(keys_new)
    where_new = {k: j for j, k in enumerate(keys_new) if count_new[k] == 1}
    pairs = [(i, where_new[k]) for i, k in enumerate(keys_old) if count_old[k] == 1 and k in where_new]
    # longest increasing subsequence of the new indexes
    tails: list[int] = []  # tails[k]: index into pairs of the smallest tail of a run of length k+1
    tail_j: list[int] = []
    prev: list[int] = [-1] * len(pairs)
    for p, (_, j) in enumerate(pairs):
        k = bisect_left(tail_j, j)
        if k:
            prev[p] = tails[k - 1]
        if k == len(tails):
            tails.append(p)
            tail_j.append(j)
        else:
            tails[k] = p
            tail_j[k] = j
    out: list[tuple[int, int]] = []
    p = tails[-1] if tails else -1
    while p != -1:
        out.append(pairs[p])
        p = prev[p]
    return out[::-1]


def match(old: list[str], new: list[str], *, same_en: set[tuple[int, int]] | frozenset = frozenset()) -> list[Bead]:
    """Beads covering every sentence of both sides, in order of the new text
    (removed sentences at their old place); moved sentences flagged.

    ``same_en`` holds (old, new) index pairs linked to the same English
    sentence; they are easier to pair."""
    beads: list[Bead] = []
    i0 = j0 = 0
    for i, j in [*_anchors(old, new), (len(old), len(new))]:
        beads += _programme(old, new, i0, i, j0, j, same_en)
        if i < len(old):
            beads.append(Bead((i,), (j,), 1.0))
        i0, j0 = i + 1, j + 1
    return _find_moves(beads, old, new, same_en)


def _programme(old_all: list[str], new_all: list[str], i0: int, i1: int, j0: int, j1: int,
               same_en) -> list[Bead]:
    """The monotone programme over old[i0:i1] and new[j0:j1]."""
    old, new = old_all[i0:i1], new_all[j0:j1]
    n, m = len(old), len(new)
    if not n or not m:
        return [Bead((i0 + i,), (), 0.0) for i in range(n)] + [Bead((), (j0 + j,), 0.0) for j in range(m)]
    same = {(i - i0, j - j0) for i, j in same_en if i0 <= i < i1 and j0 <= j < j1}
    raw = _matrix(old, new)
    sim = raw.copy()
    for i, j in same:
        sim[i, j] += SAME_EN
    old_in_new, new_in_old = _containment(old, new)
    best = np.full((n + 1, m + 1), -1e9)
    back: dict[tuple[int, int], tuple[int, int, float]] = {}
    best[0, 0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            cands: list[tuple[float, int, int, float]] = []  # value, di, dj, similarity
            # order matters for ties: prefer 1-1, then plain edits, then 2-sentence beads
            if i and j and sim[i - 1, j - 1] > KEEP:  # below KEEP a removal and an addition win
                cands.append((best[i - 1, j - 1] + float(sim[i - 1, j - 1]) - KEEP, 1, 1, float(raw[i - 1, j - 1])))
            # the trace runs backwards: taking the addition first at a tie puts
            # removals before additions in the output, as diff(1) does
            if j:
                cands.append((best[i, j - 1], 0, 1, 0.0))
            if i:
                cands.append((best[i - 1, j], 1, 0, 0.0))
            if i and j >= 2 and min(new_in_old[i - 1, j - 2], new_in_old[i - 1, j - 1]) >= PART_WORDS:
                s2 = _two(old[i - 1], new[j - 2], new[j - 1])
                if s2 is not None:
                    bonus = SAME_EN if {(i - 1, j - 2), (i - 1, j - 1)} & same else 0.0
                    cands.append((best[i - 1, j - 2] + s2 + bonus - KEEP - MULTI_PENALTY, 1, 2, s2))
            if i >= 2 and j and min(old_in_new[i - 2, j - 1], old_in_new[i - 1, j - 1]) >= PART_WORDS:
                s2 = _two(new[j - 1], old[i - 2], old[i - 1])
                if s2 is not None:
                    bonus = SAME_EN if {(i - 2, j - 1), (i - 1, j - 1)} & same else 0.0
                    cands.append((best[i - 2, j - 1] + s2 + bonus - KEEP - MULTI_PENALTY, 2, 1, s2))
            value, di, dj, s = max(cands, key=lambda c: c[0])  # max keeps the first of equals
            best[i, j] = value
            back[i, j] = (di, dj, s)

    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        di, dj, s = back[i, j]
        beads.append(Bead(tuple(range(i0 + i - di, i0 + i)), tuple(range(j0 + j - dj, j0 + j)), s))
        i, j = i - di, j - dj
    beads.reverse()
    return beads


def _find_moves(beads: list[Bead], old: list[str], new: list[str], same_en) -> list[Bead]:
    """Pair removed and added sentences that match well: each pair is one move.

    A sentence may also have been split or merged on the way, so a removed
    sentence is tried against two neighbouring added ones and the reverse."""
    removed = [k for k, b in enumerate(beads) if b.old and not b.new]
    added = [k for k, b in enumerate(beads) if b.new and not b.old]
    if not removed or not added:
        return beads
    raw = _matrix([old[beads[r].old[0]] for r in removed], [new[beads[a].new[0]] for a in added])
    removed_at = {beads[r].old[0]: r for r in removed}
    added_at = {beads[a].new[0]: a for a in added}
    cands: list[tuple[float, float, tuple[int, ...], tuple[int, ...]]] = []
    for x, r in enumerate(removed):
        i = beads[r].old[0]
        for y, a in enumerate(added):
            j = beads[a].new[0]
            bonus = SAME_EN if (i, j) in same_en else 0.0
            cands.append((float(raw[x, y]) + bonus, float(raw[x, y]), (r,), (a,)))
            if raw[x, y] < 0.25:
                continue
            for a2 in (added_at.get(j - 1), added_at.get(j + 1)):  # split on the way
                if a2 is not None:
                    pair = tuple(sorted((a, a2), key=lambda k: beads[k].new[0]))
                    two = _two(old[i], *(new[beads[k].new[0]] for k in pair))
                    if two is not None:
                        cands.append((two + bonus - MULTI_PENALTY, two, (r,), pair))
            for r2 in (removed_at.get(i - 1), removed_at.get(i + 1)):  # merged on the way
                if r2 is not None:
                    pair = tuple(sorted((r, r2), key=lambda k: beads[k].old[0]))
                    two = _two(new[j], *(old[beads[k].old[0]] for k in pair))
                    if two is not None:
                        cands.append((two + bonus - MULTI_PENALTY, two, pair, (a,)))
    cands.sort(key=lambda c: c[0], reverse=True)
    used: set[int] = set()
    moved_to: dict[int, Bead] = {}
    for value, score, rs, as_ in cands:
        if value < MOVE:
            break
        if used & {*rs, *as_}:
            continue
        used |= {*rs, *as_}
        moved_to[as_[0]] = Bead(tuple(beads[r].old[0] for r in rs), tuple(beads[a].new[0] for a in as_),
                                score, moved=True)
    # a moved sentence is reported once, where it now stands
    return [moved_to[k] if k in moved_to else b for k, b in enumerate(beads) if k in moved_to or k not in used]
