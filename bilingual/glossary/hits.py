"""Term hits as one stage: each document's sentences are matched once.

``find_hits`` runs the glossary matcher over every sentence of both sides and
keeps the hits per sentence; the aligner (as anchors), the drift rules, the
corpus rendering rule and the HTML report all read these instead of calling
the matcher again. A link's text is its sentences joined with one space, so
``SideHits.of(indices)`` hands back the hits of that joined text with their
offsets shifted to match.

Here too each hit learns whether it sits inside a longer name that is no
glossary term ("Moscow" in "Moscow State University", "France" in
"France-Presse", a quoted title or a Latin-script name kept in the Russian):
such a hit accounts for its term on the other side but is not checked itself.
"""

from __future__ import annotations

import re
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
    return SideHits(texts, tuple(tuple(mark_within(t, find(t), lang)) for t in texts))


def find_hits(en: Sequence[str], ru: Sequence[str], matcher) -> TermHits:
    """The hits of both sides' sentences, persons named by a part of the name included (``persons``)."""
    from .persons import with_person_parts

    return with_person_parts(TermHits(side_hits(en, "en", matcher), side_hits(ru, "ru", matcher)))


def hits_for(en: Sequence[str], ru: Sequence[str], glossary) -> TermHits | None:
    """``find_hits`` with the glossary's cached matcher; None without a glossary."""
    if glossary is None or not len(glossary):
        return None
    from .match import matcher_for

    return find_hits(en, ru, matcher_for(glossary))


# ---------------------------------------------------------------- names inside other names

# Capitalised words that introduce a name rather than belong to it ("President
# Putin", "Mr Johnson"), and month and day names.
_TITLES = frozenset("""President Presidents Prime Minister Ministers Chancellor Secretary Deputy Vice Ambassador
General Governor Mayor King Queen Prince Princess Pope Senator Chief Head Spokesman Spokeswoman Spokesperson
Mr Mrs Ms Dr Sir Lord Lady Envoy Leader Premier Emperor Sultan Sheikh Crown Tsar Patriarch Archbishop Bishop
Commissioner Coach Manager Captain Colonel Sergeant Sgt Gen Lt Col Capt Officials Official Professor Prof
Judge Justice Director Chairman Chairwoman Chair CEO Speaker Representative Rep Sen Gov Foreign
January February March April May June July August September October November December Monday Tuesday
Wednesday Thursday Friday Saturday Sunday The A An And In On At Of For By With From To As It Its This That""".split())
_CONNECTORS = frozenset({"of", "the", "and", "&", "de", "du", "des", "la", "le", "for", "on"})
_EN_TOKEN = re.compile(r"[A-Za-z](?:[\w'’]|\.(?=\w))*\.?(?<!\.)|[A-Z]\.(?=[A-Z])|&|-")


def _en_tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _EN_TOKEN.finditer(text)]


def _en_within(text: str, hit: TermHit, others: list[TermHit], toks: list | None = None) -> str:
    """The longer capitalised name ``hit`` sits in ("Moscow State University", "France-Presse"), or "".

    ``toks`` are ``text``'s tokens (``_en_tokens``), when the caller has them already.
    """
    if toks is None:
        toks = _en_tokens(text)
    inside = [k for k, (s, e, _) in enumerate(toks) if s >= hit.start and e <= hit.stop]
    if not inside:
        return ""
    lo, hi = inside[0], inside[-1]

    def name_word(k: int) -> bool:
        w = toks[k][2].rstrip(".")
        return w[:1].isupper() and w not in _TITLES and not w.endswith(("'s", "’s"))

    def other_hit(k: int) -> bool:
        s, e, _ = toks[k]
        return any(o is not hit and o.start <= s and e <= o.stop for o in others)

    def joined(a: int, b: int) -> bool:  # nothing but spaces or a hyphen between tokens a and b
        gap = text[toks[a][1]:toks[b][0]]
        return gap.strip() in ("", "-")

    extra = False
    k = hi
    while k + 1 < len(toks) and joined(k, k + 1) and not text[hit.stop - 2:hit.stop].endswith(("'s", "’s")):
        nxt = toks[k + 1][2]
        if nxt == "-" and k + 2 < len(toks) and name_word(k + 2) and joined(k + 1, k + 2):
            k += 2
        elif name_word(k + 1):
            k += 1
        elif nxt.lower() in _CONNECTORS and k + 2 < len(toks) and name_word(k + 2) and joined(k + 1, k + 2):
            k += 2
        else:
            break
        if other_hit(k):
            break
        extra = True
        hi = k
    k = lo
    while k - 1 >= 0 and joined(k - 1, k):
        prev = toks[k - 1][2]
        if prev == "-" and k - 2 >= 0 and joined(k - 2, k - 1) and (
                name_word(k - 2) or toks[k - 2][2].lower() in _CONNECTORS):
            k -= 2  # "Hauts-de-France": hyphens hold a name together whatever the case of its parts
            extra = True
            lo = k
            continue
        if prev.lower() in _CONNECTORS and text[toks[k - 1][1]:toks[k][0]] == "-" and k - 2 >= 0:
            k -= 1
            continue
        if not name_word(k - 1) or other_hit(k - 1):
            break
        first = k - 1 == 0 or text[:toks[k - 1][0]].rstrip()[-1:] in ".!?\"“«"
        if first and not (len(prev) > 1 and prev.isupper()):
            break  # a capital that starts a sentence says nothing (an acronym does: "CNN Brasil")
        k -= 1
        extra = True
        lo = k
    return text[toks[lo][0]:toks[hi][1]] if extra else ""


_RU_QUOTED = re.compile(r"«[^«»]{2,120}»|\"[^\"]{2,120}\"|“[^“”]{2,120}”|„[^„“]{2,120}“")
_LATIN_SPAN = re.compile(r"[A-Za-z][\w'’&.-]*(?:\s+[A-Za-z0-9][\w'’&.-]*)+")
_LETTER = re.compile(r"[^\W\d_]")


def _ru_within(text: str, hit: TermHit) -> str:
    """A quoted title or a Latin-script name around a Russian hit, when it holds more than the hit.

    A quotation of six words or more, or one starting in lowercase, is speech, not a
    title: names in it are checked.
    """
    for rx in (_RU_QUOTED, _LATIN_SPAN):
        for m in rx.finditer(text):
            if rx is _RU_QUOTED and (len(m.group().split()) > 5 or not m.group()[1:2].isupper()):
                continue  # speech, not a title: titles are short and start with a capital
            if m.start() <= hit.start and hit.stop <= m.end():
                rest = text[m.start():hit.start] + text[hit.stop:m.end()]
                if len(_LETTER.findall(rest)) >= 3:
                    return m.group()
    return ""


_EN_QUOTED = re.compile(r"\"[^\"]{2,80}\"|“[^“”]{2,80}”")


def _en_quoted(text: str, hit: TermHit) -> str:
    """A short quoted title in title case around an English hit ("Soviet Russia"), when it holds more than the hit."""
    for m in _EN_QUOTED.finditer(text):
        inner = m.group()[1:-1]
        title_case = all(w[:1].isupper() for w in inner.split() if len(w) >= 4)  # not "Russia must stop"
        if m.start() < hit.start and hit.stop < m.end() and len(inner.split()) <= 5 and title_case \
                and len(_LETTER.findall(inner)) - len(_LETTER.findall(hit.form)) >= 3:
            return m.group()
    return ""


def mark_within(text: str, hits: list[TermHit], lang: str) -> list[TermHit]:
    """``hits`` with ``within`` set for those inside a longer name that isn't a glossary term.

    A person's name is never "inside" a longer one ("Volodymyr Zelenskyy" is still
    Zelenskyy), and a forbidden form is checked wherever it stands.
    """
    out = []
    toks = None  # the English text's tokens, cut once for all its hits
    for hit in hits:
        if hit.kind == "forbidden" or hit.term.type == "person":
            out.append(hit)
            continue
        if lang == "en":
            if toks is None:
                toks = _en_tokens(text)
            within = _en_within(text, hit, hits, toks) or _en_quoted(text, hit)
        else:
            within = _ru_within(text, hit)
        out.append(replace(hit, within=within) if within else hit)
    return out
