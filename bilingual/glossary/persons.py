"""A person named by part of the name: a later "Putin" for "Vladimir Putin", «Траволты» for «Джон Траволта».

Articles name a person in full once, then by the surname alone (or, in features, by the
first name). ``with_person_parts`` takes the glossary hits of an article and adds, for every
person term named in full somewhere in it (either language), the sentences that name that
person by a part only:

* the surname alone, in any case form («Траволты», «Майклу Бэю» → «Бэю»), unless two persons
  of the article share it;
* the first name alone, only where it cannot be somebody else's: no other person of the
  article has that first name, the article never writes it before another capitalised word
  than the person's surname ("Anna Smith" next to the glossary's Anna Popova), and it does
  not open the sentence (where a capital says nothing: «Вера», "Will").

A part is no mention where the other part next to it is misspelt: «Жасинда Ардерн» and
«Джасинду Арден» are the full name with a spelling error, for the name rules to flag.

The parts are matched by the glossary matcher itself (a one-term matcher per part, cached),
so a part is found in every case form the way a glossary name is.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..model import Term, TermHit

_EN_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_RU_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_PARTICLES = frozenset("de da di du del della der den des la le van von ter al el bin ibn jr sr".split())
# a part that is also a month or a day ("Theresa May": "in May") names nobody alone
_CALENDAR = frozenset("january february march april may june july august september october november december "
                      "monday tuesday wednesday thursday friday saturday sunday".split())


@lru_cache(maxsize=4096)
def _part_matcher(en: str, ru: str, forms: tuple[str, ...]):
    from .match import Matcher

    return Matcher([Term(en=en, ru=ru, type="person", variants=forms)])


def _parts(term: Term) -> tuple[tuple | None, tuple | None]:
    """``(surname, first name)`` of a person term, each as ``(english, russian, its case forms)``, or None."""
    from ..russian.declension import person_case_forms

    en = [w for w in _EN_WORD.findall(term.en) if w.lower().rstrip(".") not in _PARTICLES]
    words = term.ru.split()
    ru = _RU_WORD.findall(term.ru)
    if len(en) < 2 or len(ru) < 2:
        return None, None
    forms = [f.split() for f in person_case_forms(term.ru, term.en)]
    forms = [f for f in forms if len(f) == len(words)]
    surname = (en[-1], words[-1], tuple(dict.fromkeys(f[-1] for f in forms if f[-1] != words[-1]))) \
        if len(en[-1]) > 1 and len(words[-1]) > 1 and en[-1].lower() not in _CALENDAR else None
    first = (en[0], words[0], tuple(dict.fromkeys(f[0] for f in forms if f[0] != words[0]))) \
        if len(en[0]) > 1 and len(words[0]) > 1 and words[0][:1].isupper() and en[0].lower() not in _CALENDAR \
        else None
    return surname, first


def _prefix(word: str) -> str:
    """What every case form of ``word`` starts with (a cheap filter before matching)."""
    return word[:max(2, min(len(word) - 2, 5))]


def _starts_sentence(text: str, start: int) -> bool:
    return not text[:start].strip(" \t\"'«“„([—–-")


def _found(side, part: tuple[str, str], lang: str) -> list[tuple[int, TermHit]]:
    """``(sentence, hit)`` of every mention of one part on one side."""
    word = part[0] if lang == "en" else part[1]
    key = _prefix(word)
    matcher = _part_matcher(*part)
    find = matcher.find_en if lang == "en" else matcher.find_ru
    return [(i, h) for i, text in enumerate(side.texts) if key in text for h in find(text)]


def _other_person_after(side, hits: list[tuple[int, TermHit]], surname: tuple | None, lang: str) -> bool:
    """Whether a first name is written before a capitalised word that is not a form of the person's
    surname («Джасинду Арден» is not Jacinda Ardern: the surname is misspelt, or another's)."""
    own = None
    if surname:
        matcher = _part_matcher(*surname)
        own = matcher.find_en if lang == "en" else matcher.find_ru
    for i, h in hits:
        nxt = _EN_WORD.match(side.texts[i], h.stop + 1) if side.texts[i][h.stop:h.stop + 1] == " " else None
        if nxt and nxt.group()[:1].isupper() and not (own and own(nxt.group())):
            return True
    return False


_WORD_BEFORE = re.compile(r"([^\W\d_]+) $")
MISSPELT = 60  # a word this alike (rapidfuzz ratio) to a form of the first name, and no form of it, misspells it


def _misspelt_before(text: str, start: int, first: tuple, lang: str) -> bool:
    """Whether the word before a surname is the person's first name misspelt."""
    m = _WORD_BEFORE.search(text, 0, start)
    if not m or not m.group(1)[:1].isupper():
        return False
    from rapidfuzz import fuzz

    word = m.group(1)
    matcher = _part_matcher(*first)
    if (matcher.find_en if lang == "en" else matcher.find_ru)(word):
        return False
    names = (first[0],) if lang == "en" else (first[1], *first[2])
    return max(fuzz.ratio(word.lower(), name.lower()) for name in names) >= MISSPELT


def with_person_parts(hits):
    """``hits`` (a ``TermHits``) with the mentions of persons by surname or first name alone added."""
    side_type, hits_type = type(hits.en), type(hits)  # hits.SideHits, hits.TermHits (hits imports this module)

    persons: dict[str, Term] = {}
    for side in (hits.en, hits.ru):
        for sent in side.sentences:
            for h in sent:
                if h.term.type == "person" and h.kind in ("allowed", "variant"):
                    persons.setdefault(h.term.en, h.term)
    if not persons:
        return hits
    parts = {en: _parts(t) for en, t in persons.items()}
    # a part two persons of the article share names neither
    shared = set()
    for k in (0, 1):
        seen: dict[str, str] = {}
        for en, p in parts.items():
            if p[k] is None:
                continue
            for word in (p[k][0].lower(), p[k][1].lower()):  # (english, russian)
                if seen.setdefault(f"{k}:{word}", en) != en:
                    shared.add((k, word))
    sides = []
    for side, lang in ((hits.en, "en"), (hits.ru, "ru")):
        added: list[list[TermHit]] = [[] for _ in side.sentences]
        for en, (surname, first) in parts.items():
            term = persons[en]
            for k, part in enumerate((surname, first)):
                if part is None or (k, part[0].lower()) in shared or (k, part[1].lower()) in shared:
                    continue
                found = _found(side, part, lang)
                if k == 1 and _other_person_after(side, found, surname, lang):
                    continue
                for i, h in found:
                    if k == 1 and _starts_sentence(side.texts[i], h.start):
                        continue
                    if k == 0 and first and _misspelt_before(side.texts[i], h.start, first, lang):
                        continue  # «Жасинда Ардерн»: the full name with its first name misspelt
                    taken = side.sentences[i] + tuple(added[i])
                    if any(o.start < h.stop and h.start < o.stop for o in taken):
                        continue
                    added[i].append(replace(h, term=term, kind="allowed"))
        if any(added):
            side = side_type(side.texts, tuple(tuple(sorted(s + tuple(a), key=lambda h: h.start)) if a else s
                                              for s, a in zip(side.sentences, added)))
        sides.append(side)
    return hits_type(*sides)
