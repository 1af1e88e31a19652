"""OLD <-> NEW sentence matching: a monotone dynamic programme over RapidFuzz
similarities (beads 1-1, 1-0, 0-1, 1-2, 2-1), then moves found among the
leftovers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from .words import normalise, stem_key

# A 1-1 bead is worth (similarity - KEEP) so that below KEEP a deletion plus an
# insertion beats pairing two unrelated sentences.
KEEP = 0.45
# Two- sentence beads pay a little more so that an unchanged sentence next to an
# inserted one stays 1-1.
MULTI_PENALTY = 0.05
# Each part of a split or merge must be found in the whole; an unrelated
# neighbour is not.
PART = 0.6
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


def _parts_found(whole: str, parts: tuple[str, str]) -> bool:
    w = normalise(whole)
    return all(fuzz.partial_ratio(normalise(p), w) / 100.0 >= PART for p in parts)


def _two(whole: str, a: str, b: str) -> float | None:
    if not _parts_found(whole, (a, b)):
        return None
    return similarity(whole, a + " " + b)


def match(old: list[str], new: list[str], *, same_en: set[tuple[int, int]] | frozenset = frozenset()) -> list[Bead]:
    """Beads covering every sentence of both sides, in order of the new text
    (removed sentences at their old place); moved sentences flagged.

    ``same_en`` holds (old, new) index pairs linked to the same English
    sentence; they are easier to pair."""
    n, m = len(old), len(new)
    raw = _matrix(old, new)
    sim = raw.copy()
    for i, j in same_en:
        sim[i, j] += SAME_EN
    neg = -1e9
    best = np.full((n + 1, m + 1), neg)
    back: dict[tuple[int, int], tuple[int, int, float]] = {}
    best[0, 0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            cands: list[tuple[float, int, int, float]] = []  # value, di, dj, similarity
            # order matters for ties: prefer 1-1, then plain edits, then 2-sentence beads
            if i and j:
                cands.append((best[i - 1, j - 1] + float(sim[i - 1, j - 1]) - KEEP, 1, 1, float(raw[i - 1, j - 1])))
            # the trace runs backwards: taking the addition first at a tie puts
            # removals before additions in the output, as diff(1) does
            if j:
                cands.append((best[i, j - 1], 0, 1, 0.0))
            if i:
                cands.append((best[i - 1, j], 1, 0, 0.0))
            if i and j >= 2 and max(sim[i - 1, j - 2], sim[i - 1, j - 1]) > 0.2:
                s2 = _two(old[i - 1], new[j - 2], new[j - 1])
                if s2 is not None:
                    bonus = SAME_EN if {(i - 1, j - 2), (i - 1, j - 1)} & same_en else 0.0
                    cands.append((best[i - 1, j - 2] + s2 + bonus - KEEP - MULTI_PENALTY, 1, 2, s2))
            if i >= 2 and j and max(sim[i - 2, j - 1], sim[i - 1, j - 1]) > 0.2:
                s2 = _two(new[j - 1], old[i - 2], old[i - 1])
                if s2 is not None:
                    bonus = SAME_EN if {(i - 2, j - 1), (i - 1, j - 1)} & same_en else 0.0
                    cands.append((best[i - 2, j - 1] + s2 + bonus - KEEP - MULTI_PENALTY, 2, 1, s2))
            value, di, dj, s = max(cands, key=lambda c: c[0])  # max keeps the first of equals
            best[i, j] = value
            back[i, j] = (di, dj, s)

    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        di, dj, s = back[i, j]
        beads.append(Bead(tuple(range(i - di, i)), tuple(range(j - dj, j)), s))
        i, j = i - di, j - dj
    beads.reverse()
    return _find_moves(beads, sim, raw)


def _find_moves(beads: list[Bead], sim: np.ndarray, raw: np.ndarray) -> list[Bead]:
    removed = [k for k, b in enumerate(beads) if b.old and not b.new]
    added = [k for k, b in enumerate(beads) if b.new and not b.old]
    pairs = sorted(
        ((float(sim[beads[r].old[0], beads[a].new[0]]), r, a) for r in removed for a in added),
        reverse=True,
    )
    used_r: set[int] = set()
    used_a: set[int] = set()
    moved_to: dict[int, Bead] = {}
    for s, r, a in pairs:
        if s < MOVE:
            break
        if r in used_r or a in used_a:
            continue
        used_r.add(r)
        used_a.add(a)
        moved_to[a] = Bead(beads[r].old, beads[a].new, float(raw[beads[r].old[0], beads[a].new[0]]), moved=True)
    # a moved sentence is reported once, where it now stands
    return [moved_to.get(k, b) for k, b in enumerate(beads) if k not in used_r]
