"""Russian grammar of a name's slot: prepositions and the cases they govern, the readings
of a found form, and the glossary form put into a case.

These are the certain (or nearly certain) cues the case resolver (``case.py``)
combines with the trained tagger; each is a small function with literal tests.
"""

from __future__ import annotations

import re

from ..model import Term
from . import morph, names

_WORD = re.compile(r"[\w\u0300-\u036f]+(?:[-'’][\w\u0300-\u036f]+)*")
_CYR = re.compile(r"[а-яёіїєґ]", re.I)

CASES = morph.CASES
_CASE_ALIASES = {"gen2": "gent", "loc2": "loct", "acc2": "accs", "voct": "nomn", "gen1": "gent", "loc1": "loct"}

# Russian prepositions -> the cases they govern (a noun phrase right after them).
PREPOSITIONS: dict[str, frozenset[str]] = {}
for _case, _words in {
    "gent": "без безо для до из изо из-за из-под от ото у около возле после кроме вокруг среди против "
            "вдоль мимо напротив вместо внутри вне посреди ради близ с со",
    "datv": "к ко по благодаря согласно вопреки навстречу",
    "accs": "через про сквозь в во на за под о об с со",
    "ablt": "с со над надо под подо перед передо между за",
    "loct": "в во на о об обо при",
}.items():
    for _w in _words.split():
        PREPOSITIONS[_w] = PREPOSITIONS.get(_w, frozenset()) | {_case}

# The usual reading of a preposition with several cases, when nothing else tells.
_USUAL_CASE = {"в": "loct", "во": "loct", "на": "loct", "о": "loct", "об": "loct", "с": "ablt", "со": "ablt",
               "за": "ablt", "под": "ablt"}

# Verbs whose object is not in the accusative (by lemma).
VERB_CASES: dict[str, str] = {}
for _case, _words in {
    "datv": "угрожать пригрозить грозить помогать помочь звонить позвонить сообщить сообщать противостоять "
            "доверять верить мешать помешать принадлежать сочувствовать уступить уступать поставлять "
            "предоставить предоставлять передать передавать пообещать обещать",
    "ablt": "управлять руководить командовать стать становиться являться гордиться заниматься обладать "
            "восхищаться пренебречь",
    "gent": "бояться опасаться достичь достигать добиться добиваться лишить лишать избегать",
}.items():
    for _w in _words.split():
        VERB_CASES[_w] = _case

# Settlements agree with the name after them («в городе Ливерпуле»); other kinds of place, and
# clubs or companies, keep the name in the nominative («на острове Шикотан», «в клубе Манчестер»).
SETTLEMENTS = frozenset("город столица село посёлок поселок деревня станица".split())
KIND_NOUNS = SETTLEMENTS | frozenset("клуб команда компания штат провинция округ остров река озеро гора "
                                     "трасса шоссе улица проспект площадь мост".split())

# A state's official name keeps the name after its form of government in the nominative, whatever
# the case of that noun («в Республике Молдова», «Королевства Испания»).
STATE_NOUNS = frozenset("республика королевство княжество федерация конфедерация эмират султанат герцогство "
                        "содружество".split())

# Relative pronouns open a clause: «с которым Киев …» is no adjective of «Киев».
RELATIVE = frozenset({"который", "какой", "чей"})


# English prepositions that pick one reading of an ambiguous Russian one.
_EN_DIRECTION = {"to", "into", "onto", "toward", "towards"}
_EN_FROM = {"from", "off"}


def _norm_case(case: str | None) -> str | None:
    return _CASE_ALIASES.get(case, case) if case else None


# Endings a model attaches to a placeholder, read as a noun of any gender would have them.
_SUFFIX_CASES = {
    "а": {"gent"}, "я": {"gent"}, "у": {"datv", "accs"}, "ю": {"datv", "accs"},
    "ом": {"ablt"}, "ем": {"ablt"}, "ём": {"ablt"}, "ой": {"ablt", "gent"}, "ей": {"ablt", "gent"},
    "е": {"loct", "datv"}, "ы": {"gent"}, "и": {"gent", "datv", "loct"},
}


def suffix_cases(suffix: str, term: Term, number: str) -> frozenset[str]:
    """Cases the ending a model put on a placeholder may stand for, for this term.

    A model declines a placeholder as whatever noun it takes it for, so the
    ending counts in the term's own forms («Молдова» + «-у»: accusative) and in
    any gender's (a masculine «-у»: dative); the governing word picks between them.
    """
    suffix = suffix.lower()
    forms = {c: render(term, c, number).lower() for c in CASES}
    # An ending the bare name already has («Москва» + «-а») is no inflection of it.
    own = {c for c, form in forms.items() if form.endswith(suffix) and form != term.ru.lower()}
    return frozenset(own | _SUFFIX_CASES.get(suffix, set()))


def _head_word(form: str) -> str:
    words = [w for w in _WORD.findall(form) if _CYR.search(w)]
    return words[0] if words else form


_ALT = {"і": "ое", "ї": "еє", "є": "е"}
# Ukrainian adjective endings -> the Russian ones they correspond to
_UK_ADJ = {"ий": {"ий", "ый"}, "ого": {"ого"}, "ому": {"ому"}, "им": {"им", "ым"}, "ім": {"ом"},
           "а": {"ая"}, "ої": {"ой"}, "ій": {"ой"}, "у": {"ую"}, "ою": {"ой"}, "е": {"ое"},
           "і": {"ие", "ые"}, "их": {"их", "ых"}, "ими": {"ими", "ыми"}}


def _loose_prefix(a: str, b: str) -> int:
    """Length of the common prefix of two spellings, Ukrainian і/ї/є ≈ Russian о/е/и."""
    a, b = morph.norm(a), morph.norm(b)
    n = 0
    for x, y in zip(a, b):
        if x == y or y in _ALT.get(x, "") or x in _ALT.get(y, ""):
            n += 1
        else:
            break
    return n


def _ending_cases(found: str, term: Term) -> list[tuple[str, str, str | None]]:
    """(case, number, gender) readings of an unknown spelling, by its ending against the allowed form's."""
    head = _head_word(found)
    bases = [_head_word(f) for f in (*term.forbidden, term.ru)]
    base = max(bases, key=lambda b: _loose_prefix(head, b))
    ending = morph.norm(head)[_loose_prefix(head, base):]
    allowed = _head_word(term.ru)
    parses = morph.parse(allowed)
    adjective = bool(parses) and parses[0].tag.POS == "ADJF"
    if adjective:
        if _is_adjective(base) and len(base) > 2:
            ending = morph.norm(head)[len(base) - 2:]
        endings = _UK_ADJ.get(ending, {ending})
    else:
        endings = {ending.replace("і", "е").replace("ї", "е").replace("є", "е")}
    out = []
    for number in ("sing", "plur"):
        for gender in (("masc", "femn", "neut") if adjective and number == "sing" else (None,)):
            for case in ("nomn", "gent", "datv", "loct", "ablt", "accs"):
                grammemes = {case, number} | ({gender} if gender else set())
                form = morph.inflect(allowed, grammemes)
                if not form:
                    continue
                if adjective:  # the ending after the adjective's stem («киевск|ие»)
                    own = morph.norm(form)[len(allowed) - 2:]
                else:
                    own = morph.norm(form)[_loose_prefix(form, allowed):]
                if own in endings and (case, number, gender) not in out:
                    out.append((case, number, gender))
    return out


def form_readings(found: str, term: Term) -> list[tuple[str, str, str | None]]:
    """(case, number, gender) readings of a found rendering, most likely first."""
    head = _head_word(found)
    out: list[tuple[str, str, str | None]] = []
    if morph.is_known(head):
        for p in morph.parse(head):
            if p.tag.POS in ("NOUN", "ADJF") and p.tag.case:
                r = (_norm_case(p.tag.case), p.tag.number or "sing", p.tag.gender if p.tag.POS == "ADJF" else None)
                if r not in out:
                    out.append(r)
    if not out:
        out = _ending_cases(found, term)
    return out


_ADJ_ENDING = re.compile(r"(?:ий|ый|ой|ого|его|ому|ему|ым|им|ом|ем|ая|яя|ую|юю|ое|ее|ые|ие|ых|их|ыми|ими|"
                         r"ій|ього|ому|ій|ої|ею|ою|і)$", re.I)


def _is_adjective(word: str) -> bool:
    parses = morph.parse(word)
    if morph.is_known(word):
        return bool(parses) and parses[0].tag.POS == "ADJF"
    return bool(re.search(r"[сцз]ь?к", morph.norm(word))) and bool(_ADJ_ENDING.search(word))


def term_number(term: Term) -> str:
    """The number a name is used in: plural for «Сумы», «Нидерланды», else singular."""
    head = _head_word(term.ru)
    parses = morph.parse(head)
    names = [p for p in parses if {"Geox", "Name", "Surn", "Orgn"} & p.tag.grammemes and p.tag.case == "nomn"]
    best = (names or [p for p in parses if p.tag.case == "nomn"] or list(parses))[:1]
    return "plur" if best and ("Pltm" in best[0].tag.grammemes or best[0].tag.number == "plur") else "sing"


def term_gender(term: Term) -> str | None:
    """The gender of a name's head noun in the nominative («Африка»: femn), None if unknown."""
    parses = [p for p in morph.parse(_head_word(term.ru)) if p.tag.POS == "NOUN" and p.tag.case == "nomn"]
    names = [p for p in parses if {"Geox", "Name", "Surn", "Orgn"} & p.tag.grammemes]
    best = (names or parses)[:1]
    return best[0].tag.gender if best else None


def render(term: Term, case: str, number: str = "sing", gender: str | None = None) -> str:
    """The glossary's allowed Russian form put into case/number (gender for adjectives)."""
    base = term.ru
    if case == "nomn" and number == "sing" and not gender:
        return base
    grammemes = {case, number}
    if case == "accs" and term.type and term.type != "person":
        # A place is inanimate: «в Николаев», not the surname's «Николаева».
        if any("inan" in p.tag for p in morph.parse(_head_word(base))):
            extra = {"inan"} | ({gender} if gender and number == "sing" else set())
            return names.inflect(base, grammemes | extra, term.en)
    if gender and number == "sing":
        new = names.inflect(base, grammemes | {gender}, term.en)
        if new != base:
            return new
    new = names.inflect(base, grammemes, term.en)
    if new == base and (case, number) != ("nomn", "sing"):
        # A name with one number only («Нидерланды») takes the case in its own number.
        new = names.inflect(base, {case}, term.en)
    return new


def _cap_like(found: str, new: str) -> str:
    if len(found) > 1 and found.isupper():
        return new.upper()
    if found[:1].isupper() and new[:1].islower():
        return new[:1].upper() + new[1:]
    return new


def noun_before(words: list[str], i: int):
    """pymorphy3's first reading of the word before ``i`` when it is a common noun, else None."""
    if not i or not _CYR.search(words[i - 1]):
        return None
    parses = morph.parse(words[i - 1])
    return parses[0] if parses and parses[0].tag.POS == "NOUN" else None


def phrase_cases(words: list[str], j: int) -> set[str]:
    """The cases noun ``words[j]`` can be in: its own readings, narrowed by a preposition before
    it and its adjectives (no prepositional without one)."""
    parses = morph.parse(words[j])
    first = parses[0].tag if parses else None
    cases = {_norm_case(p.tag.case) for p in parses
             if p.tag.POS == "NOUN" and p.tag.case and first is not None and p.tag.number == first.number}
    k = j - 1
    while k >= 0 and any(p.tag.POS in ("ADJF", "PRTF") for p in morph.parse(words[k])[:1]):
        k -= 1
    return governed(cases, words[k].lower() if k >= 0 else None)


def governed(cases: set[str], prep: str | None) -> set[str]:
    """``cases`` narrowed by the preposition ``prep`` before the noun phrase; without one, all
    but the prepositional (which exists only after a preposition)."""
    allowed = PREPOSITIONS.get(prep) if prep else None
    return cases & allowed if allowed else cases - {"loct"}


def adjective_cases(word: str, number: str, gender: str | None) -> frozenset[str]:
    """The cases an adjective or participle can be in when it agrees with a noun of this number
    and gender («Южной», feminine singular: gent/datv/ablt/loct); empty for anything else."""
    cases = set()
    for p in morph.parse(word):
        tag = p.tag
        if tag.POS not in ("ADJF", "PRTF") or not tag.case or tag.number != number or p.normal_form in RELATIVE:
            continue
        if number == "sing" and gender and tag.gender and tag.gender != gender:
            continue
        cases.add(_norm_case(tag.case))
    return frozenset(cases)


def predicate_agreement(word: str, number: str, gender: str | None) -> str:
    """Whether a predicate can have a name of this number and gender for its subject: "yes";
    "gender" when only the gender of a past or short form differs (a team is often «она»:
    «Мюнстер обыграла»); "no" when its number or person can't be the name's. Anything but a
    finite verb, short adjective or participle says "yes" (nothing to disagree)."""
    preds = [p.tag for p in morph.parse(word) if p.tag.POS in ("VERB", "PRTS", "ADJS")]
    if not preds:
        return "yes"
    fits = [tag for tag in preds if tag.number in (number, None) and tag.person in ("3per", None)]
    if not fits:
        return "no"
    if number != "sing" or not gender or any(tag.gender in (gender, None) for tag in fits):
        return "yes"
    return "gender"


# Verbal nouns («наращивание», «применение», «развитие»): their agent is in the instrumental.
_VERBAL_NOUN = re.compile(r"(?:[ая]ние|ение|тие)$")


def verbal_noun_agent(words: list[str], before: int, after: int) -> bool:
    """Whether a name between a verbal noun (``words[before]``) and a genitive noun phrase
    starting at ``after`` is that noun's agent: «наращивание Россией военной мощи», «применение
    Киевом поставленных дронов» (the genitive after it is the action's object, so the name is
    its doer, in the instrumental)."""
    if before < 0 or after >= len(words) or not _CYR.search(words[before]):
        return False
    head = morph.parse(words[before])
    if not head or head[0].tag.POS != "NOUN" or not _VERBAL_NOUN.search(head[0].normal_form):
        return False
    k = after
    while k < len(words) and k - after < 3 and words[k][:1].islower() and \
            any(p.tag.POS in ("ADJF", "PRTF") and p.tag.case == "gent" for p in morph.parse(words[k])[:3]):
        k += 1
    if k >= len(words) or not words[k][:1].islower():
        return False
    parses = morph.parse(words[k])
    return bool(parses) and parses[0].tag.POS == "NOUN" and any(
        p.tag.POS == "NOUN" and p.tag.case == "gent" for p in parses[:3])
