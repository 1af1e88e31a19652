"""Term hits as one stage: each document's sentences are matched once.

``find_hits`` runs the glossary matcher over every sentence of both sides and
keeps the hits per sentence; the aligner (as anchors), the drift rules, the
corpus rendering rule and the HTML report all read these instead of calling
the matcher again. A link's text is its sentences joined with one space, so
``SideHits.of(indices)`` hands back the hits of that joined text with their
offsets shifted to match.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..model import TermHit


@dataclass(frozen=True)
class SideHits:
    """One side's glossary hits, per sentence; offsets index into each sentence's text."""

    texts: tuple[str, ...]
    sentences: tuple[tuple[TermHit, ...], ...]

    def __len__(self) -> int:
        return len(self.sentences)

    def of(self, indices: Iterable[int]) -> list[TermHit]:
        """Hits of ``" ".join(texts[i] for i in indices)``, offsets into that joined text."""
        out: list[TermHit] = []
        pos = 0
        for i in indices:
            for hit in self.sentences[i]:
                out.append(hit if not pos else replace(hit, start=hit.start + pos, stop=hit.stop + pos))
            pos += len(self.texts[i]) + 1
        return out


@dataclass(frozen=True)
class TermHits:
    """The glossary hits of an aligned pair of documents, computed once."""

    en: SideHits
    ru: SideHits


EMPTY_SIDE = SideHits((), ())


def side_hits(texts: Sequence[str], lang: str, matcher) -> SideHits:
    """Match every sentence of one side once."""
    texts = tuple(texts)
    if matcher is None:
        return SideHits(texts, tuple(() for _ in texts))
    find = matcher.find_en if lang == "en" else matcher.find_ru
    return SideHits(texts, tuple(tuple(find(t)) for t in texts))


def find_hits(en: Sequence[str], ru: Sequence[str], matcher) -> TermHits:
    """The hits of both sides' sentences."""
    return TermHits(side_hits(en, "en", matcher), side_hits(ru, "ru", matcher))


def hits_for(en: Sequence[str], ru: Sequence[str], glossary) -> TermHits | None:
    """``find_hits`` with the glossary's cached matcher; None without a glossary."""
    if glossary is None or not len(glossary):
        return None
    from .match import matcher_for

    return find_hits(en, ru, matcher_for(glossary))
