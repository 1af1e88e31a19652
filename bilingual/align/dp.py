"""The banded dynamic programme behind every alignment.

Nodes (i, j) mean "the first i English and first j Russian sentences are
aligned"; a bead moves from (i-di, j-dj) to (i, j). Only nodes within ``band``
of the length-proportional diagonal are visited, so time and memory grow
linearly with document length; when the best path touches the band's edge the
band is doubled and the programme rerun, up to ``MAX_NODES`` nodes in all: a
long document whose best path wanders far off the diagonal (sides in another
order, unrelated texts) is aligned within that band rather than at full width,
so memory stays bounded for every document the readers accept.

Pure Python on purpose: documents are short (tens of sentences), where array
libraries spend more on start-up and per-call overhead than they save, and the
banded loop already keeps a 5,000-sentence book to a few seconds.
"""

from __future__ import annotations

import math
from itertools import accumulate
from dataclasses import dataclass, field

INF = float("inf")
# Anchor kinds (first letter of the key) that reward a match but whose absence
# on the other side costs nothing. An English capitalised word ("l") is often
# transliterated rather than kept in Latin letters; a Latin word in the Russian
# text, though, is almost always in the English too.
SOFT_EN = frozenset("l")
SOFT_RU = frozenset()
# How far back (in beads) a runner-up path is followed to where it left the best path.
MARGIN_WALK = 64
# The most nodes one run of the programme visits (about 200 bytes each in its tables): the band
# stops doubling here. Articles of a few hundred sentences run at full width far below it.
MAX_NODES = 2_000_000


@dataclass(frozen=True)
class Params:
    """Costs of the programme, in nats-like units.

    Learned on dev, dev-hard and dev-hard3 together (``benchmarks/align_tune.py``):
    the clean split keeps one-to-one documents one-to-one, the hard splits teach
    merges of two and three sentences and dropped sentences.
    """

    ratio: float = 1.04  # Russian characters per English character
    var: float = 1.43  # variance of the length difference, per character...
    var2: float = 0.0055  # ...plus this times length squared (the ratio itself varies)
    nu: float = 8.0  # Student-t degrees of freedom of the length cost (heavy tails)
    merge: float = 3.3  # extra cost of a 2-1 / 1-2 bead
    merge3: float = 5.0  # 3-1 / 1-3
    # 2-2: no dev split has one, so any cost from 17 up scores the same; 20 keeps
    # two 1-1 links winning unless lengths and anchors clearly cross over.
    merge22: float = 20.0
    null: float = 4.5  # a 1-0 / 0-1 bead
    bonus: float = 1.4  # per unit of shared anchor weight
    clash: float = 1.37  # per unit of anchor weight found on one side only
    null_clash: float = 0.25  # the same, for the sentence of a null bead
    # Per sentence by which the two sides of a bead differ, when a segment of the
    # bead holds more than one sentence. Beads of single-sentence segments pay
    # nothing: a translator splitting or joining sentences is normal.
    stop_clash: float = 1.8
    clash_number: float = 2.0  # a number found on one side only counts this many times its weight
    band: int = 4  # starting half-width; doubled while the best path touches it
    beads: tuple = field(default=((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3)))


def bead_prior(p: Params, di: int, dj: int) -> float:
    if di == 1 and dj == 1:
        return 0.0
    if di == 0 or dj == 0:
        return p.null
    if (di, dj) == (2, 2):
        return p.merge22
    if di + dj == 3:
        return p.merge
    return p.merge3


def _bounds(n: int, m: int, band: int) -> tuple[list[int], list[int]]:
    # Integer arithmetic keeps the band symmetric under reversal of both sides,
    # which the backward pass of ``margins`` relies on.
    lo, hi = [], []
    for i in range(n + 1):
        floor = (i * m) // n if n else 0
        ceil = -((-i * m) // n) if n else 0
        lo.append(max(0, floor - band))
        hi.append(min(m, ceil + band))
    return lo, hi


def align(
    len_en: list[float],
    len_ru: list[float],
    anchors_en: list[dict[str, float]],
    anchors_ru: list[dict[str, float]],
    params: Params,
    *,
    stops_en: list[int] | None = None,
    stops_ru: list[int] | None = None,
    with_margins: bool = False,
):
    """Best path as beads ``(en_start, en_stop, ru_start, ru_stop, cost)``.

    ``stops_en``/``stops_ru``: how many sentences each segment holds (1 unless
    a segment missed a boundary); a bead whose sides hold different numbers
    pays ``params.stop_clash`` per sentence of difference.

    With ``with_margins``, also each bead's margin: how much more the best
    path that avoids one of the bead's end points costs (0 = a tie).
    """
    n, m = len(len_en), len(len_ru)
    if n == 0 or m == 0:
        # Nothing to pair: every sentence is a null link, and nothing else is possible.
        path = [(i, i + 1, 0, 0, params.null) for i in range(n)] + [(0, 0, j, j + 1, params.null) for j in range(m)]
        return (path, [INF] * len(path)) if with_margins else path
    # Omissions drift the path off the diagonal like a random walk, so long
    # documents start with a wider band instead of rerunning several times.
    band = max(params.band, math.isqrt(max(n, m)) // 4)
    # Rows must overlap enough for the path to get through when one side is
    # much longer than the other.
    band = max(band, -(-max(n, m) // min(n, m)) + 1)
    widest = max(band, MAX_NODES // (2 * (n + 1)))
    while True:
        lo, hi = _bounds(n, m, band)
        path, touched, tables = _run(len_en, len_ru, anchors_en, anchors_ru, params, lo, hi, stops_en, stops_ru)
        if not touched or band >= max(n, m) or (band >= widest and path):
            break
        band = min(band * 2, widest) if band < widest else band * 2
    if not with_margins:
        return path
    return path, _margins(path, tables, n, m)


def _margins(path, tables, n: int, m: int) -> list[float]:
    """Per bead, how much more the best path that avoids it costs (0 = a tie).

    Every other path leaves the best one at some node and rejoins it at a later
    node w, entering w through a different last bead. For each node w of the
    path, the runner-up into w is followed back to where it left the path; the
    beads it bypasses get at most its extra cost as their margin.
    """
    cost_rows, back_rows, second_rows, second_back, lo = tables
    nodes = [(e0, r0) for e0, _e1, r0, _r1, _c in path]
    nodes.append((n, m))
    pos = {node: k for k, node in enumerate(nodes)}
    margins = [INF] * len(path)
    for k in range(1, len(nodes)):
        i, j = nodes[k]
        col = j - lo[i]
        gap = second_rows[i][col] - cost_rows[i][col]
        if gap == INF:
            continue
        di, dj = divmod(second_back[i][col], 4)
        pi, pj = i - di, j - dj
        steps = 0
        while (pi, pj) not in pos and steps < MARGIN_WALK:
            di, dj = divmod(back_rows[pi][pj - lo[pi]], 4)
            pi, pj = pi - di, pj - dj
            steps += 1
        start = pos.get((pi, pj), 0)
        for b in range(start, k):
            if gap < margins[b]:
                margins[b] = gap
    return margins


def _match_rows(anchors_en, anchors_ru, lo, hi):
    """Shared anchor weight of each English sentence with nearby Russian ones."""
    index: dict[str, list[int]] = {}
    for j, a in enumerate(anchors_ru):
        for key in a:
            index.setdefault(key, []).append(j)
    rows: list[dict[int, float]] = []
    n = len(anchors_en)
    for i, a in enumerate(anchors_en):
        row: dict[int, float] = {}
        if a:
            j_lo = lo[i] - 3
            j_hi = hi[min(n, i + 3)] + 3
            for key, w in a.items():
                post = index.get(key)
                if post:
                    for j in post:
                        if j_lo <= j <= j_hi:
                            wr = anchors_ru[j][key]
                            row[j] = row.get(j, 0.0) + (w if w < wr else wr)
        rows.append(row)
    return rows


def _unshared_weight(a: dict[str, float], p: Params, soft: frozenset) -> float:
    """What a sentence's anchors cost when the other side has none of them."""
    num = p.clash_number
    return sum(0.0 if k[0] in soft else w * num if k[0] == "n" else w for k, w in a.items())


def _span_weights(side: list[dict[str, float]]) -> dict[str, float]:
    # Names and numbers add up over the span's sentences; punctuation is there
    # or not (a quotation running over two sentences has quote marks in both).
    out: dict[str, float] = {}
    for a in side:
        for k, w in a.items():
            out[k] = max(out.get(k, 0.0), w) if k[0] == "p" else out.get(k, 0.0) + w
    return out


class BeadCost:
    """The programme's cost of any one bead, for use outside its inner loop.

    ``cost(e0, e1, r0, r1)`` is what the DP charges for linking English
    sentences e0..e1-1 with Russian r0..r1-1 (either range may be empty).
    """

    def __init__(self, len_en, len_ru, anchors_en, anchors_ru, p: Params, stops_en=None, stops_ru=None):
        self.len_en, self.len_ru = len_en, len_ru
        self.stops_en = stops_en or [1] * len(len_en)
        self.stops_ru = stops_ru or [1] * len(len_ru)
        self.anchors_en, self.anchors_ru = anchors_en, anchors_ru
        self.p = p
        self.w_en = [_unshared_weight(a, p, SOFT_EN) for a in anchors_en]
        self.w_ru = [_unshared_weight(a, p, SOFT_RU) for a in anchors_ru]
        self.raw_en = [sum(a.values()) for a in anchors_en]
        self.raw_ru = [sum(a.values()) for a in anchors_ru]

    def __call__(self, e0: int, e1: int, r0: int, r1: int, *, exact: bool = False) -> float:
        """The DP's cost of the bead; ``exact``: anchors of a merge counted as multisets.

        The programme caps a merge's shared anchor weight at what either side
        holds, which lets a name repeated in two merged sentences be matched
        twice by one mention opposite. ``exact`` pairs each mention once (a
        1-1 bead costs the same either way); too slow for the inner loop, it
        re-prices the merges of a finished path.
        """
        p = self.p
        if e0 == e1:
            return sum(p.null + p.null_clash * self.w_ru[j] for j in range(r0, r1))
        if r0 == r1:
            return sum(p.null + p.null_clash * self.w_en[i] for i in range(e0, e1))
        c = p.ratio
        le = sum(self.len_en[e0:e1])
        lr = sum(self.len_ru[r0:r1])
        d = lr - c * le
        mean = 0.5 * (le + lr / c)
        t = d * d / ((p.var * mean + p.var2 * mean * mean + 1.0) * p.nu)
        cost = bead_prior(p, e1 - e0, r1 - r0) + (p.nu + 1.0) / 2.0 * math.log(1.0 + t)
        se, sr = sum(self.stops_en[e0:e1]), sum(self.stops_ru[r0:r1])
        if se > e1 - e0 or sr > r1 - r0:
            cost += p.stop_clash * abs(se - sr)
        if exact and (e1 - e0 > 1 or r1 - r0 > 1):
            span_en = _span_weights(self.anchors_en[e0:e1])
            span_ru = _span_weights(self.anchors_ru[r0:r1])
            shared = sum(min(w, span_ru[k]) for k, w in span_en.items() if k in span_ru)
            tot = _unshared_weight(span_en, p, SOFT_EN) + _unshared_weight(span_ru, p, SOFT_RU)
        else:
            shared = 0.0
            for a in self.anchors_en[e0:e1]:
                for b in self.anchors_ru[r0:r1]:
                    for key, w in a.items():
                        wr = b.get(key)
                        if wr is not None:
                            shared += w if w < wr else wr
            if e1 - e0 > 1 or r1 - r0 > 1:
                shared = min(shared, sum(self.raw_en[e0:e1]), sum(self.raw_ru[r0:r1]))
            tot = sum(self.w_en[e0:e1]) + sum(self.w_ru[r0:r1])
        if shared:
            un = tot - 2.0 * shared
            return cost + (p.clash * un if un > 0.0 else 0.0) - p.bonus * shared
        return cost + p.clash * tot


def _run(len_en, len_ru, anchors_en, anchors_ru, p: Params, lo: list[int], hi: list[int], stops_en=None,
         stops_ru=None):
    n, m = len(len_en), len(len_ru)
    cs_en = list(accumulate(stops_en or [1] * n, initial=0))
    cs_ru = list(accumulate(stops_ru or [1] * m, initial=0))
    stop_clash = p.stop_clash
    c = p.ratio
    var, var2 = p.var, p.var2
    nu = p.nu
    t_scale = (nu + 1.0) / 2.0
    bonus, clash, null_clash = p.bonus, p.clash, p.null_clash

    cum_en = list(accumulate(len_en, initial=0.0))
    cum_ru = list(accumulate(len_ru, initial=0.0))
    w_en = [_unshared_weight(a, p, SOFT_EN) for a in anchors_en]
    w_ru = [_unshared_weight(a, p, SOFT_RU) for a in anchors_ru]
    cw_en = list(accumulate(w_en, initial=0.0))
    cw_ru = list(accumulate(w_ru, initial=0.0))
    # All the anchor weight a span holds: what a multi-sentence bead can share
    # at most. Without this cap a name repeated in every sentence of a 2-2 bead
    # would be counted four times over.
    raw_en = list(accumulate((sum(a.values()) for a in anchors_en), initial=0.0))
    raw_ru = list(accumulate((sum(a.values()) for a in anchors_ru), initial=0.0))
    match = _match_rows(anchors_en, anchors_ru, lo, hi)
    share_en = list(accumulate((sum(row.values()) for row in match), initial=0.0))
    null_en = [p.null + null_clash * w for w in w_en]
    null_ru = [p.null + null_clash * w for w in w_ru]
    beads = [(di, dj, bead_prior(p, di, dj)) for di, dj in p.beads]
    pairs = [(di, dj, pr) for di, dj, pr in beads if di and dj]
    has_10 = (1, 0) in p.beads
    has_01 = (0, 1) in p.beads

    cost_rows: list[list[float]] = []
    back_rows: list[list[int]] = []
    # The runner-up into each node (through a different last bead) gives margins.
    second_rows: list[list[float]] = []
    second_back: list[list[int]] = []
    log = math.log
    for i in range(n + 1):
        lo_i, hi_i = lo[i], hi[i]
        row = [INF] * (hi_i - lo_i + 1)
        back = [0] * (hi_i - lo_i + 1)
        row2 = [INF] * (hi_i - lo_i + 1)
        back2 = [0] * (hi_i - lo_i + 1)
        # Everything about a bead type that depends on the row only. ``floor``
        # bounds the bead's cost from below (length and clash costs are never
        # negative; the anchor bonus is at most all the weight its English
        # sentences share with anything nearby), so a bead that cannot beat the
        # runner-up into a node is skipped: the best path and the margins stay exact.
        kinds = []
        for di, dj, prior in pairs:
            pi = i - di
            if pi < 0:
                continue
            rows_a = [match[a] for a in range(pi, i) if match[a]]
            floor = prior - bonus * (share_en[i] - share_en[pi])
            kinds.append((dj, floor, prior, cost_rows[pi], lo[pi], hi[pi], cum_en[i] - cum_en[pi],
                          cw_en[i] - cw_en[pi], rows_a, di * 4 + dj, cs_en[i] - cs_en[pi], di,
                          raw_en[i] - raw_en[pi] if di + dj > 2 else -1.0))
        if has_10 and i > 0:
            prev10, lo10, hi10, c10 = cost_rows[i - 1], lo[i - 1], hi[i - 1], null_en[i - 1]
        else:
            lo10, hi10 = 1, 0
        for j in range(lo_i, hi_i + 1):
            best = 0.0 if i == 0 and j == 0 else INF
            second = INF
            bt = bt2 = 0
            # Null beads first: they are cheap to price and give the pruning a bound.
            if lo10 <= j <= hi10:
                best = prev10[j - lo10] + c10
                bt = 4
            if has_01 and j > lo_i:
                cost = row[j - 1 - lo_i] + null_ru[j - 1]
                if cost < second:
                    if cost < best:
                        second, bt2, best, bt = best, bt, cost, 1
                    else:
                        second, bt2 = cost, 1
            for dj, floor, prior, prev_row, p_lo, p_hi, le, we, rows_a, code, se, di, cap_en in kinds:
                pj = j - dj
                if pj < p_lo or pj > p_hi:
                    continue
                prev = prev_row[pj - p_lo]
                if prev + floor >= second:
                    continue
                # Anchors first: with the prior they often price the bead out
                # before the length cost (a logarithm) is needed.
                tot = we + cw_ru[j] - cw_ru[pj]
                shared = 0.0
                if rows_a:
                    if dj == 1:
                        for row_a in rows_a:
                            shared += row_a.get(pj, 0.0)
                    else:
                        for row_a in rows_a:
                            for b in range(pj, j):
                                shared += row_a.get(b, 0.0)
                if shared:
                    if cap_en >= 0.0:
                        if shared > cap_en:
                            shared = cap_en
                        cap_ru = raw_ru[j] - raw_ru[pj]
                        if shared > cap_ru:
                            shared = cap_ru
                    un = tot - 2.0 * shared
                    cost = prev + prior + (clash * un if un > 0.0 else 0.0) - bonus * shared
                else:
                    cost = prev + prior + clash * tot
                if cost >= second:
                    continue
                lr = cum_ru[j] - cum_ru[pj]
                d = lr - c * le
                mean = 0.5 * (le + lr / c)
                cost += t_scale * log(1.0 + d * d / ((var * mean + var2 * mean * mean + 1.0) * nu))
                sr = cs_ru[j] - cs_ru[pj]
                sd = se - sr
                if sd and (se > di or sr > dj):
                    cost += stop_clash * (sd if sd > 0 else -sd)
                if cost < second:
                    if cost < best:
                        second, bt2, best, bt = best, bt, cost, code
                    else:
                        second, bt2 = cost, code
            k = j - lo_i
            row[k] = best
            back[k] = bt
            row2[k] = second
            back2[k] = bt2
        cost_rows.append(row)
        back_rows.append(back)
        second_rows.append(row2)
        second_back.append(back2)

    # Walk back from (n, m).
    path = []
    touched = False
    i, j = n, m
    if cost_rows[n][m - lo[n]] == INF:
        return [], True, None  # the band cut every path: widen it
    while i > 0 or j > 0:
        bt = back_rows[i][j - lo[i]]
        di, dj = divmod(bt, 4)
        pi, pj = i - di, j - dj
        path.append((pi, i, pj, j, cost_rows[i][j - lo[i]] - cost_rows[pi][pj - lo[pi]]))
        if (j == lo[i] and lo[i] > 0) or (j == hi[i] and hi[i] < m):
            touched = True
        i, j = pi, pj
    path.reverse()
    return path, touched, (cost_rows, back_rows, second_rows, second_back, lo)
