"""Cheap per-sentence features and their turning into links with a confidence.

Features are computed once per sentence: its length in characters and its
anchors (see ``anchors.py``). The DP in ``dp.py`` combines them into bead
costs; here a bead's cost becomes the link's confidence.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import Link
from . import dp
from .anchors import sentence_anchors

DEFAULT_PARAMS = dp.Params()

# Confidence = logistic((CONF_MID - bead cost) / CONF_SCALE); a link whose
# confidence is below UNCERTAIN is marked uncertain. Chosen on dev-hard so that
# most wrong links fall below the threshold and few right ones do.
CONF_MID = 4.0
CONF_SCALE = 1.5
UNCERTAIN = 0.5


@dataclass(frozen=True)
class SideFeatures:
    texts: list[str]
    lengths: list[float]
    anchors: list[dict[str, float]]

    def __len__(self) -> int:
        return len(self.texts)

    def subset(self, start: int, stop: int) -> SideFeatures:
        return SideFeatures(self.texts[start:stop], self.lengths[start:stop], self.anchors[start:stop])


def text_length(text: str) -> float:
    # Spaces carry no content and Russian typography spaces differently.
    return float(len(text) - text.count(" ")) + 1.0


def features(texts: list[str], lang: str, matcher=None) -> SideFeatures:
    return SideFeatures(
        list(texts),
        [text_length(t) for t in texts],
        [sentence_anchors(t, lang, matcher) for t in texts],
    )


def confidence(cost: float) -> float:
    z = (CONF_MID - cost) / CONF_SCALE
    if z > 30:
        return 1.0
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def beads_to_links(beads, en_offset: int = 0, ru_offset: int = 0) -> list[Link]:
    links = []
    for e0, e1, r0, r1, cost in beads:
        conf = round(confidence(cost), 4)
        links.append(
            Link(
                en=tuple(range(e0 + en_offset, e1 + en_offset)),
                ru=tuple(range(r0 + ru_offset, r1 + ru_offset)),
                score=conf,
                uncertain=conf < UNCERTAIN,
            )
        )
    return links


def align_features(fe: SideFeatures, fr: SideFeatures, params: dp.Params, en_offset: int = 0, ru_offset: int = 0):
    beads = dp.align(fe.lengths, fr.lengths, fe.anchors, fr.anchors, params)
    return beads_to_links(beads, en_offset, ru_offset)
