"""Paragraphs first: align paragraph blocks, then sentences inside each group.

A paragraph is scored like a long sentence (summed length, union of anchors),
so the same DP aligns them. Sentences of a paragraph with no counterpart
become null links.
"""

from __future__ import annotations

import dataclasses

from ..model import Link
from . import dp
from .scorers import SideFeatures, align_features, beads_to_links


def _blocks(paras: list[int]) -> list[tuple[int, int]]:
    """(start, stop) sentence ranges of consecutive equal paragraph indices."""
    out: list[tuple[int, int]] = []
    start = 0
    for k in range(1, len(paras) + 1):
        if k == len(paras) or paras[k] != paras[start]:
            out.append((start, k))
            start = k
    return out


def _merge(anchors: list[dict[str, float]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for a in anchors:
        for key, w in a.items():
            if w > out.get(key, 0.0):
                out[key] = w
    return out


def _path_cost(fe: SideFeatures, fr: SideFeatures, e0: int, e1: int, r0: int, r1: int, params: dp.Params) -> float:
    """Cost of the best sentence alignment of one stretch of both texts."""
    if e1 == e0 or r1 == r0:
        return params.null * ((e1 - e0) + (r1 - r0))
    beads = dp.align(fe.lengths[e0:e1], fr.lengths[r0:r1], fe.anchors[e0:e1], fr.anchors[r0:r1], params,
                     stops_en=fe.stops[e0:e1], stops_ru=fr.stops[r0:r1])
    return sum(b[4] for b in beads)


# Paragraph beads: a three-paragraph merge or a 2-2 crossing is rare, and with
# paragraph lengths the sentence costs of those beads make runner-up paths so
# cheap that whole paragraphs lose their confidence. A paragraph split in three
# is still found: the third joins its group when boundaries are reopened below.
PARAGRAPH_BEADS = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))


def _paragraph_params(params: dp.Params) -> dp.Params:
    beads = tuple(b for b in params.beads if b in PARAGRAPH_BEADS)
    return params if beads == params.beads else dataclasses.replace(params, beads=beads)


def align_by_paragraphs(fe: SideFeatures, fr: SideFeatures, en_paras, ru_paras, params: dp.Params) -> list[Link]:
    be, br = _blocks(list(en_paras)), _blocks(list(ru_paras))
    if len(be) <= 1 or len(br) <= 1:
        return align_features(fe, fr, params)
    pe_len = [sum(fe.lengths[a:b]) for a, b in be]
    pr_len = [sum(fr.lengths[a:b]) for a, b in br]
    pe_anc = [_merge(fe.anchors[a:b]) for a, b in be]
    pr_anc = [_merge(fr.anchors[a:b]) for a, b in br]
    groups, margins = dp.align(pe_len, pr_len, pe_anc, pr_anc, _paragraph_params(params), with_margins=True)
    spans = []
    for (p0, p1, q0, q1, _cost), margin in zip(groups, margins):
        e0 = be[p0][0] if p1 > p0 else (be[p0][0] if p0 < len(be) else len(fe))
        e1 = be[p1 - 1][1] if p1 > p0 else e0
        r0 = br[q0][0] if q1 > q0 else (br[q0][0] if q0 < len(br) else len(fr))
        r1 = br[q1 - 1][1] if q1 > q0 else r0
        spans.append([e0, e1, r0, r1, margin])
    spans = _reopen_boundaries(fe, fr, spans, params)
    links: list[Link] = []
    for e0, e1, r0, r1, margin in spans:
        if e1 > e0 and r1 > r0:
            # A sentence link is no surer than the paragraph link around it.
            links.extend(align_features(fe.subset(e0, e1), fr.subset(r0, r1), params, e0, r0, margin))
        else:
            # A paragraph without counterpart: each sentence is its own null link.
            beads = [(k, k + 1, 0, 0, params.null) for k in range(e0, e1)]
            beads += [(0, 0, k, k + 1, params.null) for k in range(r0, r1)]
            # The paragraph link's margin stands for each of its sentences.
            links.extend(beads_to_links(beads, [margin] * len(beads)))
    return links


# What a paragraph boundary is worth: two neighbouring paragraph groups are
# aligned as one stretch when that saves more than this (a translator moved a
# sentence into the neighbouring paragraph).
PARAGRAPH_BOUNDARY = 3.0


def _reopen_boundaries(fe, fr, spans, params):
    out = [spans[0]]
    cost_cur = _path_cost(fe, fr, *spans[0][:4], params)
    for nxt in spans[1:]:
        cur = out[-1]
        cost_next = _path_cost(fe, fr, *nxt[:4], params)
        joined = [cur[0], nxt[1], cur[2], nxt[3], min(cur[4], nxt[4])]
        cost_joined = _path_cost(fe, fr, *joined[:4], params)
        if cost_joined < cost_cur + cost_next - PARAGRAPH_BOUNDARY:
            out[-1] = joined
            cost_cur = cost_joined
        else:
            out.append(nxt)
            cost_cur = cost_next
    return out
