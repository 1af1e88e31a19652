"""The nominative of a name found in some case: «Александра Сокурова» → «Александр Сокуров».

The words of a person's name agree in gender and case, so they are read
together: the (gender, case) that most words of the name can be in is chosen,
and each word is put into the nominative of that gender — «Анналеной Бербок»
is a feminine instrumental (the indeclinable surname agrees with anything), so
it gives «Анналена Бербок», not «Аннален Бербок». A place or organisation name
gives its proper-noun lemma («Берлина» → «Берлин»).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from . import morph

_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
_PERSON = frozenset({"Name", "Surn", "Patr"})
_WORD = re.compile(r"\S+")
_CYR = re.compile(r"[а-яё]", re.I)


# Case endings of nouns and surnames -> the nominative endings they may come from.
_ENDINGS = {
    "а": ("", "а", "о"), "я": ("ь", "й", "я"), "у": ("", "а", "о"), "ю": ("ь", "й", "я"), "ом": ("",),
    "ем": ("ь", "й", ""), "ём": ("ь",), "е": ("", "а", "я", "ь", "й"), "и": ("ь", "я", "а", "ия"),
    "ы": ("а",), "ой": ("ая", "а"), "ей": ("я", "ь"), "ою": ("а",), "ым": ("",), "им": ("",),
    "ого": ("ий", "ой", "ый"), "его": ("ий",), "ому": ("ий", "ой", "ый"), "ему": ("ий",), "ую": ("ая",),
    "ии": ("ия",), "ией": ("ия",), "ию": ("ия",),
}


def _readings(word: str) -> list:
    """Noun readings of a name's word: proper-noun readings if any, else every noun reading.

    pymorphy3 guesses poorly for foreign names it doesn't know («Шольца» → «шолец»), so
    an unknown word is also read as a case form of each nominative its ending allows,
    when that nominative is a name pymorphy3 knows and its paradigm has the word.
    """
    parses = [p for p in morph.parse(word) if p.tag.POS == "NOUN" and p.tag.case]
    proper = [p for p in parses if _PROPER & p.tag.grammemes]
    if proper and morph.is_known(word):
        return _singular(proper)
    return _singular(_inverted(word) or proper or parses)


def _singular(readings: list) -> list:
    """The readings once each (by lemma and tag), plural ones only when there is no singular:
    a name is rarely plural, while «Лавров» or «Рашид» are also plural genitives of other names."""
    unique = list({(p.normal_form, str(p.tag)): p for p in readings}.values())
    single = [p for p in unique if p.tag.number != "plur" or "Pltm" in p.tag.grammemes]
    return single or unique


@lru_cache(maxsize=50_000)
def _inverted(word: str) -> list:
    low = morph.norm(word)
    out = []
    for k in (3, 2, 1, 0):
        ending = low[len(low) - k:] if k else ""
        if k and (len(low) <= k + 2 or ending not in _ENDINGS):
            continue
        stem = low[:len(low) - k]
        for nom in (_ENDINGS[ending] if k else ("",)):
            cand = stem + nom
            if len(cand) < 3:
                continue
            for p in morph.parse(cand):
                if not (_PROPER & p.tag.grammemes) or p.tag.case != "nomn":
                    continue
                for f in p.lexeme:
                    if morph.norm(f.word) == low and f.tag.case and (f.tag.number == "sing" or "Pltm" in f.tag.grammemes):
                        out.append((not morph.is_known(cand), f))
    return [f for _unknown, f in sorted(out, key=lambda x: x[0])]


def _fits(p, gender: str | None, case: str) -> bool:
    tag = p.tag
    if "Fixd" in tag.grammemes:
        return True
    case_ok = tag.case == case or (case == "gent" and tag.case == "gen2") or (case == "loct" and tag.case == "loc2")
    gender_ok = gender is None or tag.gender is None or tag.gender == gender or "ms-f" in tag.grammemes
    return case_ok and gender_ok


@lru_cache(maxsize=50_000)
def lemmatize_name(phrase: str) -> str:
    """The nominative singular of a name in any case, words kept in agreement, capitalisation kept."""
    words = [m.group() for m in _WORD.finditer(phrase)]
    cyr = [w for w in words if _CYR.search(w)]
    if not cyr:
        return phrase
    readings = {w: _readings(w) for w in cyr}
    person = len(cyr) > 1 and any(_PERSON & p.tag.grammemes for w in cyr for p in readings[w])
    if person:  # in a person's name, a word that can be a person's name is read only as one
        readings = {w: [p for p in rs if _PERSON & p.tag.grammemes] or rs for w, rs in readings.items()}
    votes: Counter = Counter()
    for rank, w in enumerate(cyr):
        for p in readings[w]:
            if "Fixd" in p.tag.grammemes:
                continue
            gender = p.tag.gender if person else None
            # A first name is the surest witness of gender; the parse's own score breaks ties.
            weight = 1.0 + p.score + (0.5 if "Name" in p.tag.grammemes else 0.0)
            votes[(gender, p.tag.case)] += weight
    if not votes:
        return phrase
    gender, case = votes.most_common(1)[0][0]
    out = []
    for w in words:
        if not _CYR.search(w):
            out.append(w)
            continue
        # none of the word's readings fits the name's gender and case: an indeclinable spelling
        # pymorphy3 knows stays as it is («Филип Петри»: «Петри» is not a case of «Петря»)
        fitting = ([p for p in readings[w] if _fits(p, gender, case)]
                   or [p for p in morph.parse(w) if "Fixd" in p.tag.grammemes][:1] or readings[w])
        out.append(_nominative(w, fitting[0], gender) if fitting else w)
    return " ".join(out)


def _nominative(word: str, p, gender: str | None) -> str:
    if "Fixd" in p.tag.grammemes:
        return word
    grammemes = {"nomn"}
    if p.tag.number == "sing" or "Sgtm" in p.tag.grammemes:
        grammemes.add("sing")
    if gender in ("masc", "femn") and (_PERSON & p.tag.grammemes):
        grammemes.add(gender)
    form = p.inflect(grammemes) or p.inflect({"nomn"})
    new = form.word if form is not None else p.normal_form
    if "ё" not in word.lower():
        new = new.replace("ё", "е")
    return morph.match_case(word, new)


def name_key(phrase: str) -> str:
    """What case forms of one name share: its nominative, lowercased, ё→е («Манделу» ~ «Манделой»)."""
    return morph.norm(lemmatize_name(phrase))


_CASE_TAIL = re.compile(r"(?:ами|ями|ого|его|ому|ему|ой|ей|ою|ею|ом|ем|ём|ым|им|ах|ях|ов|ев|ам|ям|ии|ию|ия|ы|и|а|я|у|ю|е|ь|й)$")


# The possessive suffix of Russian surnames (Рябков, Путин): «Рябкова» is «Рябков» + «а», but
# «Рябков» alone loses «ов» to _CASE_TAIL (it is also a plural genitive ending).
_SURNAME_SUFFIX = re.compile(r"(?:ов|ев|ёв|ин|ын)$")


def _stem(word: str) -> str:
    low = morph.norm(word)
    cut = _CASE_TAIL.sub("", low)
    if len(cut) < 4:
        return low
    bare = _SURNAME_SUFFIX.sub("", cut)
    return bare if len(bare) >= 4 else cut


def same_name(a: str, b: str) -> bool:
    """Whether two renderings are case forms of one name: the same nominative, or — for names
    pymorphy3 doesn't know — the same words once their case endings are cut («Манделу», «Манделой»)."""
    if name_key(a) == name_key(b):
        return True
    wa, wb = a.split(), b.split()
    return len(wa) == len(wb) and all(_stem(x) == _stem(y) for x, y in zip(wa, wb))
