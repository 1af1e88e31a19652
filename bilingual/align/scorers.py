"""Cheap per-sentence features and their turning into links with a confidence.

Features are computed once per sentence: its length in characters and its
anchors (see ``anchors.py``). The DP in ``dp.py`` combines them into bead
costs; here a bead's cost becomes the link's confidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Link
from . import dp
from .anchors import sentence_anchors

DEFAULT_PARAMS = dp.Params()

# A link's confidence comes from its margin (see dp.align): how much worse the
# best alignment that disagrees with this link is. confidence = margin /
# (margin + MARGIN_HALF), so a tie is 0 and a margin of MARGIN_HALF is 0.5.
# On dev-hard, links below 0.5 are 7 % of all links and hold 10 of the 12 wrong
# ones.
MARGIN_HALF = 1.5
UNCERTAIN = 0.5


@dataclass(frozen=True)
class SideFeatures:
    texts: list[str]
    lengths: list[float]
    anchors: list[dict[str, float]]
    stops: list[int]  # sentences in each segment: 1, more where a boundary was missed

    def __len__(self) -> int:
        return len(self.texts)

    def subset(self, start: int, stop: int) -> SideFeatures:
        return SideFeatures(self.texts[start:stop], self.lengths[start:stop], self.anchors[start:stop],
                            self.stops[start:stop])


def text_length(text: str) -> float:
    # Spaces carry no content and Russian typography spaces differently.
    return float(len(text) - text.count(" ")) + 1.0


# A sentence end inside a segment: terminal punctuation after a word, maybe a
# closing quote, a space, then what starts a sentence. A period after an
# abbreviation or an initial ("Sgt. Moss", "U.S. troops", «В. Путин») is no end.
_INNER_STOP_RE = re.compile(r"([.!?…]+)[\"»”)]*\s+[\"«“(]?[A-ZА-ЯЁ0-9]")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st mt sgt gen col lt capt cmdr maj rep sen gov prof jr sr inc co corp ltd vs no nos fig "
    "jan feb mar apr jun jul aug sep sept oct nov dec ave blvd rd approx est dept univ "
    "г гг т е д им ул ст тыс млн млрд руб коп др пр см рис проф акад".split()
)


def sentence_count(text: str) -> int:
    """How many sentences a segment holds (1 unless a boundary was missed)."""
    count = 1
    for m in _INNER_STOP_RE.finditer(text):
        if m.group(1) == ".":
            start = m.start()
            word = text[text.rfind(" ", 0, start) + 1:start].strip("\"'«»“”()[]")
            if len(word) <= 1 or "." in word or word.lower() in _ABBREVIATIONS:
                continue
        count += 1
    return count


def features(texts: list[str], lang: str, matcher=None, *, hits=None) -> SideFeatures:
    """Per-sentence features; ``hits`` (one tuple of TermHits per sentence) replaces ``matcher``."""
    per_sentence = hits if hits is not None else [None] * len(texts)
    return SideFeatures(
        list(texts),
        [text_length(t) for t in texts],
        [sentence_anchors(t, lang, matcher, hits=h) for t, h in zip(texts, per_sentence)],
        [sentence_count(t) for t in texts],
    )


def confidence(margin: float) -> float:
    if margin == float("inf"):
        return 1.0
    if margin <= 0.0:
        return 0.0
    return margin / (margin + MARGIN_HALF)


def beads_to_links(beads, margins, en_offset: int = 0, ru_offset: int = 0) -> list[Link]:
    links = []
    for (e0, e1, r0, r1, _cost), margin in zip(beads, margins):
        conf = round(confidence(margin), 4)
        links.append(
            Link(
                en=tuple(range(e0 + en_offset, e1 + en_offset)),
                ru=tuple(range(r0 + ru_offset, r1 + ru_offset)),
                score=conf,
                uncertain=conf < UNCERTAIN,
            )
        )
    return links


def pair_adjacent_nulls(links: list[Link]) -> list[Link]:
    """An English and a Russian sentence left over at the same place are linked.

    They are more likely a loose translation than an omission next to an
    addition; the link keeps the lower confidence and is marked uncertain.
    """
    out: list[Link] = []
    for link in links:
        if out:
            prev = out[-1]
            if len(prev.en) == 1 and not prev.ru and len(link.ru) == 1 and not link.en or \
                    len(prev.ru) == 1 and not prev.en and len(link.en) == 1 and not link.ru:
                score = min(prev.score, link.score)
                out[-1] = Link(prev.en + link.en, prev.ru + link.ru, score, True)
                continue
        out.append(link)
    return out


def align_features(fe: SideFeatures, fr: SideFeatures, params: dp.Params, en_offset: int = 0, ru_offset: int = 0,
                   max_margin: float = float("inf")):
    beads, margins = dp.align(fe.lengths, fr.lengths, fe.anchors, fr.anchors, params, stops_en=fe.stops,
                              stops_ru=fr.stops, with_margins=True)
    if max_margin != float("inf"):
        margins = [min(g, max_margin) for g in margins]
    return beads_to_links(beads, margins, en_offset, ru_offset)
