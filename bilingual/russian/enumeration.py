"""Enumerations: names listed one after another share one case.

«в Германии, Франции, Италии и Польше», «с Украиной, Молдовой и Грузией», «Шона
О'Брайена, Кевина Ллойда и Тома Дэвиса». The parser's coordination often gives up over
long lists, so the list is found on the surface: noun phrases that start with a capital
(a name of one or more words, optionally after adjectives), joined by «,», «и», «или»,
«либо», «а также». The list's first member carries the preposition all members share
(«в Германии, Франции …»); a member may repeat one of its own («в Германии и во Франции»).

A comma that opens a clause («…, что …», «…, который …», a verb) ends the walk, since
no capitalised noun phrase follows it; «, и» joins clauses, not members, and ends it too.
Only a list that closes with a conjunction counts («…, Италии и Польше»): a chain of
commas alone is as often two clauses («По данным Росстата, Россия …»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import morph
from .grammar import CASES, PREPOSITIONS, _norm_case, governed

_CYR = re.compile(r"[а-яёіїєґ]", re.I)
_CONJ = frozenset({"и", "или", "либо"})
_PROPER = frozenset({"Name", "Surn", "Geox", "Orgn"})


@dataclass(frozen=True)
class Member:
    start: int  # token range of the member's noun phrase (adjectives included)
    stop: int
    prep: int | None  # token index of a preposition of its own, if any


@dataclass(frozen=True)
class Enumeration:
    members: tuple[Member, ...]
    prep: int | None  # token index of the preposition before the first member

    def shared_prep(self, words: list[str], k: int) -> str | None:
        """The preposition that governs member ``k``: its own, else the list's."""
        m = self.members[k]
        i = m.prep if m.prep is not None else self.prep
        return words[i].lower() if i is not None else None


def _capital(word: str) -> bool:
    return word[:1].isupper() and bool(_CYR.search(word))


def _name_word(words: list[str], i: int) -> bool:
    """A capitalised word that may be part of a name: at the start of a sentence, only one the
    dictionary doesn't know as a common word («Лидеры Франции …»: «Лидеры» is no member)."""
    if not _capital(words[i]):
        return False
    if i > 0 and words[i - 1] not in (".", "!", "?", "«", '"', "—", ":"):
        return True
    w = words[i]
    return not morph.is_known(w) or any(_PROPER & p.tag.grammemes for p in morph.parse(w)[:2])


def _adjective(word: str) -> bool:
    parses = morph.parse(word)
    return bool(parses) and parses[0].tag.POS in ("ADJF", "PRTF") and bool(_CYR.search(word))


def _phrase_left(words: list[str], stop: int) -> int:
    """Start of the noun phrase ending at ``stop`` (exclusive): capitalised words and adjectives."""
    i = stop
    while i > 0 and stop - i < 4 and (_name_word(words, i - 1) or _adjective(words[i - 1])) \
            and words[i - 1].lower() not in PREPOSITIONS:
        i -= 1
    return i


def _phrase_right(words: list[str], start: int) -> int:
    """End (exclusive) of a noun phrase starting at ``start``: adjectives, then capitalised words;
    ``start`` when there is none."""
    i = start
    while i < len(words) and i - start < 3 and not _capital(words[i]) and _adjective(words[i]):
        i += 1
    j = i
    while j < len(words) and j - start < 4 and _capital(words[j]):
        j += 1
    return j if j > i else start


def _separator_left(words: list[str], i: int) -> tuple[int, str] | None:
    """The separator ending right before token ``i``: (its first token, kind) or None."""
    if i >= 2 and words[i - 1].lower() == "также" and words[i - 2].lower() == "а":
        return (i - 3 if i >= 3 and words[i - 3] == "," else i - 2), "conj"
    if i >= 1 and words[i - 1] == ",":
        return i - 1, "comma"
    if i >= 1 and words[i - 1].lower() in _CONJ:
        if i >= 2 and words[i - 2] == ",":
            return None  # «…, и …» joins clauses
        return i - 1, "conj"
    return None


def _separator_right(words: list[str], i: int) -> tuple[int, str] | None:
    """The separator starting at token ``i``: (the token after it, kind) or None."""
    if i >= len(words):
        return None
    w = words[i].lower()
    if w == "," and i + 2 < len(words) and words[i + 1].lower() == "а" and words[i + 2].lower() == "также":
        return i + 3, "conj"
    if w == "а" and i + 1 < len(words) and words[i + 1].lower() == "также":
        return i + 2, "conj"
    if w == ",":
        if i + 1 < len(words) and words[i + 1].lower() in _CONJ:
            return None  # «…, и …» joins clauses
        return i + 1, "comma"
    if w in _CONJ:
        return i + 1, "conj"
    return None


def find(words: list[str], start: int, stop: int) -> Enumeration | None:
    """The enumeration the name at tokens [start, stop) is a member of, or None.

    ``start`` should already include the name's agreeing adjectives; a first name before it
    or a surname after it («Кевина Ллойда») joins the name's own member."""
    if start >= 1 and _name_word(words, start - 1):
        start = _phrase_left(words, start)
    while stop < len(words) and stop - start < 4 and _capital(words[stop]):
        stop += 1
    own = start - 1 if start >= 1 and words[start - 1].lower() in PREPOSITIONS else None
    members = [Member(start, stop, own)]
    kinds: list[str] = []  # separator kinds between consecutive members
    # leftwards: [preposition] member separator [preposition] member …
    i = start if own is None else own
    while True:
        sep = _separator_left(words, i)
        if sep is None or sep[0] < 1 or not _name_word(words, sep[0] - 1):
            break
        left = _phrase_left(words, sep[0])
        own = left - 1 if left >= 1 and words[left - 1].lower() in PREPOSITIONS else None
        members.insert(0, Member(left, sep[0], own))
        kinds.insert(0, sep[1])
        i = left if own is None else own
    prep = members[0].prep  # the first member's preposition is the list's
    # rightwards
    j = stop
    while True:
        sep = _separator_right(words, j)
        if sep is None:
            break
        nxt, own = sep[0], None
        if nxt < len(words) and words[nxt].lower() in PREPOSITIONS:
            own, nxt = nxt, nxt + 1
        end = _phrase_right(words, nxt)
        if end == nxt:
            break
        members.append(Member(nxt, end, own))
        kinds.append(sep[1])
        j = end
    # the list closes with its last conjunction: members after it, joined by commas, are dropped
    if "conj" not in kinds:
        return None
    last = max(k for k, kind in enumerate(kinds) if kind == "conj") + 1
    members = members[:last + 1]
    if not any(m.start == start for m in members):
        return None
    return Enumeration(tuple(members), prep)


def member_cases(words: list[str], m: Member, prep: str | None) -> set[str] | None:
    """The cases a member's own forms allow (pymorphy3's readings of the words it knows, in
    the number of their first reading), with its preposition; None when it knows no word."""
    cases = None
    for w in words[m.start:m.stop]:
        if not _CYR.search(w) or not morph.is_known(w):
            continue
        parses = [p for p in morph.parse(w) if p.tag.POS in ("NOUN", "ADJF", "PRTF") and p.tag.case]
        if not parses:
            continue
        proper = [p for p in parses if _PROPER & p.tag.grammemes and p.tag.POS == "NOUN"]
        pool = proper or parses
        number = pool[0].tag.number
        own = {_norm_case(p.tag.case) for p in pool if p.tag.number == number}
        cases = own if cases is None else cases & own
    return None if cases is None else governed(cases, prep)


# An enumeration of this many members or more shares one case on the surface; fewer, and «и» may
# join two clauses («напала на Украину и Россия ответила»): the parser's conjunct rule decides.
MIN_MEMBERS = 3


def rule_enumeration(st) -> None:
    """Members of a list share one case («в Германии, Франции, Италии и Польше», «Шона
    О'Брайена, Кевина Ллойда и Тома Дэвиса»): the cases every other member's own forms allow
    (pymorphy3, with the preposition that governs it), slots not yet filled left out
    (the case resolver's state ``st``: see case.py)."""
    listing = st.enumeration()
    if listing is None or len(listing.members) < MIN_MEMBERS:
        return
    words = [t[2] for t in st.tokens]
    k = st.member()
    prep = listing.shared_prep(words, k)
    cases, seen = set(st.cases), []
    for j, m in enumerate(listing.members):
        if j == k or listing.shared_prep(words, j) != prep or any(map(st.pending, range(m.start, m.stop))):
            continue
        own = member_cases(words, m, prep)
        if own is None:
            continue
        cases &= own
        seen.append(" ".join(words[m.start:m.stop]))
    if seen and cases:
        st.narrow(cases, "enumeration", "listed with «" + "», «".join(seen) + "»: "
                  + "/".join(c for c in CASES if c in cases))
