"""Names in Russian: the dictionary form of a name as written, its gender, whether it declines,
and its form in any case — the one place mining, the rendering rule, ``fix``, translation's
restore step and ``glossary lint`` ask.

A name is read with everything known about it: pymorphy3's dictionary (``Name``/``Surn``/
``Geox``/``Fixd`` readings, ``Sgtm``/``Pltm``), the English spelling when there is one
(English carries no case; a foreign name ending in a vowel other than -a doesn't decline;
an English given name says a person's gender: "Meryl Streep" is a woman, so «Стрип» stays as
it is), and the other mentions of the name (``seen``). Each decision is a named rule of
``RULES`` (``Reading.rules`` says which decided each word), tested by literal rows.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from . import morph
from .given_names import given_name_gender, is_given_name

_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
_PERSON = frozenset({"Name", "Surn", "Patr"})
_WORD = re.compile(r"\S+")
_CYR = re.compile(r"[а-яё]", re.I)
_EN_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_ADJ_POS = frozenset({"ADJF", "PRTF"})

# The rules, in the order they are tried for each word of a name.
RULES = {
    "latin": "a word in Latin script is not declined",
    "fixed": "pymorphy3's dictionary knows the word as indeclinable (Fixd): «Куско», «Киото»",
    "foreign_vowel": "a foreign name ending in a vowel other than -а/-я, as the English ends in a vowel "
                     "(Renzi, Psaki, Mbappe, Cusco), doesn't decline: «Ренци», «Псаки», «Мбаппе»",
    "feminine_consonant": "a woman's name ending in a consonant doesn't decline: «Мерил Стрип», «Анналена Бербок»",
    "dictionary": "a word pymorphy3's dictionary knows: its singular nominative (plural for «Афины», "
                  "«Соединённые Штаты»), agreeing with the person's gender",
    "english_spelling": "a word the dictionary doesn't know: of the nominatives its ending allows, the one "
                        "closest to the English spelling («Окоче», Okocha → «Окоча»)",
    "agreement": "an adjective takes the gender and number of its noun: «Южной Африки» → «Южная Африка»",
    "dependent": "words after a common noun that governs them keep their case: «Лиги Европы» → «Лига Европы»",
    "guess": "no English and no dictionary entry: pymorphy3's guess, read together with the other words",
}

# Case endings of nouns and surnames -> the nominative endings they may come from.
_ENDINGS = {
    "а": ("", "а", "о"), "я": ("ь", "й", "я"), "у": ("", "а", "о"), "ю": ("ь", "й", "я"), "ом": ("",),
    "ем": ("ь", "й", ""), "ём": ("ь",), "е": ("", "а", "я", "ь", "й"), "и": ("ь", "я", "а", "ия"),
    "ы": ("а",), "ой": ("ая", "а"), "ей": ("я", "ь"), "ою": ("а",), "ым": ("",), "им": ("",),
    "ого": ("ий", "ой", "ый"), "его": ("ий",), "ому": ("ий", "ой", "ый"), "ему": ("ий",), "ую": ("ая",),
    "ии": ("ия",), "ией": ("ия",), "ию": ("ия",), "ью": ("ь",),
}
_RU_VOWELS = set("аеёиоуыэюя")
# An English name's final vowel -> the Russian letters an indeclinable rendering ends in.
_EN_FINAL = (("ow", "у"), ("ie", "и"), ("ee", "и"), ("ey", "иейэ"), ("ay", "йэ"), ("oy", "й"), ("y", "иы"), ("i", "иы"),
             ("e", "еэи"), ("o", "о"), ("ou", "у"), ("u", "уюо"), ("é", "еэ"))


@dataclass(frozen=True)
class Reading:
    """A name as written, read: its dictionary form and what decided it."""

    written: str
    lemma: str  # singular nominative (plural for a plural-only name), capitalisation kept
    kind: str  # person, place, organization or ""
    gender: str | None  # masc / femn for a person, the head noun's gender otherwise
    declines: tuple[bool, ...]  # per word of ``written``
    rules: tuple[str, ...]  # per word: the rule of RULES that decided it


# ---------------------------------------------------------------- words


def _en_words(en: str | None) -> list[str]:
    return _EN_WORD.findall(en or "")


def _final_vowel_fits(en_word: str, ru_word: str) -> bool:
    """The English ends in a vowel other than -a and the Russian in a vowel that renders it."""
    en, ru = _en_final(en_word), morph.norm(ru_word)
    if not ru or ru[-1] not in _RU_VOWELS or ru[-1] in "ая":
        return False
    if _silent_e(en, ru):  # Fife, Blake: a silent -e; «в Файфе» is declined
        return False
    for tail, letters in _EN_FINAL:
        if en.endswith(tail):
            return ru[-1] in letters
    return False


def _declinable_known(word: str) -> bool:
    """The dictionary knows the word and declines it (a proper noun, or a common noun)."""
    if not morph.is_known(word):
        return False
    parses = [p for p in morph.parse(word) if p.tag.POS in ("NOUN", "ADJF", "PRTF")]
    return any("Fixd" not in p.tag.grammemes for p in parses)


def indeclinable_rule(word: str, en_word: str | None = None, gender: str | None = None,
                      person: bool = False) -> str | None:
    """The rule that keeps ``word`` as written in every case, or None when it declines."""
    if not _CYR.search(word):
        return "latin"
    parses = morph.parse(word)
    if morph.is_known(word) and parses and "Fixd" in parses[0].tag.grammemes:
        return "fixed"
    if en_word and not _declinable_known(word) and _final_vowel_fits(en_word, word):
        return "foreign_vowel"
    if person and gender == "femn" and _consonant_final(word):  # -ь declines: «Любовь», «Нинель»
        return "feminine_consonant"
    return None


def _consonant_final(word: str) -> bool:
    """Ends in a consonant, not in a case ending («Стрип», not «Анналеной» or «Логуновой»)."""
    low = morph.norm(word)
    if low[-1:] in _RU_VOWELS or low[-1:] == "ь":
        return False
    return not (low.endswith("й") and low[-2:-1] in _RU_VOWELS) and not low.endswith("ом") \
        and not low.endswith("ем")


def _en_final(en_word: str) -> str:
    """The English spelling's last sounded letters: a silent -h after a vowel dropped (Hezbollah)."""
    en = en_word.lower()
    return en[:-1] if len(en) > 2 and en.endswith("h") and en[-2] in "aeiou" else en


def _sounded_vowel(en: str) -> bool:
    """The English ends in a vowel sound: not -y after a vowel (Conway), not a silent -e after a
    single consonant (Kilcoyne, Mike); Mbappe, Conte, Renzi, Okocha do."""
    if not en or en[-1] not in "aeiouy":
        return False
    if en[-1] == "y" and en[-2:-1] in tuple("aeou"):
        return False
    if en[-1] == "e" and len(en) > 3 and en[-2] not in "aeiouy" and en[-3] in "aeiouy":
        return False
    return True


def _silent_e(en: str, ru: str) -> bool:
    """The English ends in a silent -e that lengthens the vowel before it, and the Russian
    renders that vowel as a diphthong: Fife / «Файф(е)», Blake / «Блейк(е)», Hume / «Юм(е)».
    Kagame / «Кагаме» and Makelele / «Макелеле» sound their -e and stay as they are."""
    magic = len(en) > 3 and en.endswith("e") and en[-2] not in "aeiouy" and en[-3] in "aeiouy"
    return magic and len(ru) >= 3 and ru.endswith("е") and ru[-2] not in _RU_VOWELS and ru[-3] in "йю"


def similarity(en_word: str, ru_word: str) -> float:
    """How close a Russian word is to an English spelling (0..1), final letters weighed."""
    from rapidfuzz import fuzz

    from .translit import ru_to_latin

    en = en_word.lower()
    lat = ru_to_latin(morph.norm(ru_word)).lower()
    if _silent_e(en, morph.norm(ru_word)):  # a silent -e is not spelt: Fife → «Файф»
        en = en[:-1]
    score = fuzz.ratio(en, lat) / 100
    # endings carry the case: a vowel against a consonant at the end weighs more than inside
    tail = _en_final(en)
    en_v, ru_v = _sounded_vowel(tail), morph.norm(ru_word)[-1:] in _RU_VOWELS
    if en_v == ru_v:
        score += 0.05
    if tail.endswith("a") and morph.norm(ru_word)[-1:] in "ая":
        score += 0.05
    return score


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
                    single = f.tag.number == "sing" or "Pltm" in f.tag.grammemes
                    if morph.norm(f.word) == low and f.tag.case and single:
                        out.append((not morph.is_known(cand), f))
    return [f for _unknown, f in sorted(out, key=lambda x: x[0])]


def _ending_candidates(word: str) -> list[str]:
    """Nominatives a foreign name's case ending allows («Окоче» → Окоч, Окоча, Окочь, ...), the word first."""
    low = morph.norm(word)
    out = [low]
    for k in (3, 2, 1):
        ending = low[len(low) - k:]
        if len(low) <= k + 1 or ending not in _ENDINGS:
            continue
        out.extend(low[:len(low) - k] + nom for nom in _ENDINGS[ending])
    return list(dict.fromkeys(c for c in out if len(c) >= 2 and not re.search(r"ь[ьй]$", c)))


def _fits(p, gender: str | None, case: str) -> bool:
    tag = p.tag
    if "Fixd" in tag.grammemes:
        return True
    case_ok = tag.case == case or (case == "gent" and tag.case == "gen2") or (case == "loct" and tag.case == "loc2")
    gender_ok = gender is None or tag.gender is None or tag.gender == gender or "ms-f" in tag.grammemes
    return case_ok and gender_ok


def _nominative(word: str, p, gender: str | None, plural: bool = False, person: bool = False) -> str:
    if "Fixd" in p.tag.grammemes:
        return word
    grammemes = {"nomn"}
    if plural or "Pltm" in p.tag.grammemes:
        grammemes.add("plur")
    elif p.tag.number == "sing" or "Sgtm" in p.tag.grammemes or (p.tag.POS == "NOUN" and not person):
        # a place or organisation is singular unless plural-only; a surname pymorphy3 reads as a
        # plural («Барански») is kept as it is
        grammemes.add("sing")
    if gender in ("masc", "femn") and (_PERSON & p.tag.grammemes) and "plur" not in grammemes:
        grammemes.add(gender)
    form = p.inflect(grammemes) or p.inflect({"nomn"})
    new = form.word if form is not None else p.normal_form
    return _spelled_like(word, new)


def _spelled_like(word: str, new: str) -> str:
    """``new`` with the letters it shares with ``word`` written as ``word`` writes them
    («АвтоВАЗ», «O'Нилл» keep their capitals)."""
    if "ё" not in word.lower():
        new = new.replace("ё", "е")
    new = morph.match_case(word, new)
    chars = list(new)
    for i, (a, b) in enumerate(zip(word, new)):
        if a.lower() != b.lower():
            break
        chars[i] = a
    return "".join(chars)


# ---------------------------------------------------------------- phrases


def _person(cyr: list[str], readings: dict, en_words: list[str]) -> bool:
    if len(cyr) < 2 or not all(w[:1].isupper() for w in cyr):  # «Донецкая область», «Грузинская мечта»
        return False
    if len(en_words) >= 2:  # the English says: a person's name starts with a given name
        if morph.is_known(cyr[0]) and not any(_PERSON & p.tag.grammemes for p in morph.parse(cyr[0])) \
                and similarity(en_words[0], cyr[0]) < 0.4:
            return False  # a translated common noun: "Unity Caucus" / «Фракция Единства»
        return is_given_name(en_words[0]) and not _geo_known(cyr[0])
    if en_words and not is_given_name(en_words[0]) and any(_geo_known(w) for w in cyr):
        return False
    return any(_PERSON & p.tag.grammemes and (p.tag.number == "sing" or "Surn" in p.tag.grammemes)
               for w in cyr for p in readings[w])


def _geo_known(word: str) -> bool:
    return morph.is_known(word) and any({"Geox", "Orgn"} & p.tag.grammemes for p in morph.parse(word))


def _en_plural(en_word: str | None) -> bool:
    """An English plural: -s, not -ss, nor a Latin or Greek singular in -us, -is (Caucus, Paris)."""
    return bool(en_word) and en_word.endswith("s") and not en_word.endswith(("ss", "us", "is")) \
        and en_word[:1].isupper()


@lru_cache(maxsize=50_000)
def read_name(phrase: str, en: str | None = None) -> Reading:
    """Read a name as written in a sentence: its dictionary form, kind, gender, declinability."""
    words = [m.group() for m in _WORD.finditer(phrase)]
    en_words = _en_words(en)
    aligned = en_words if len(en_words) == len(words) else []
    cyr = [w for w in words if _CYR.search(w)]
    if not cyr:
        return Reading(phrase, phrase, "", None, tuple(False for _ in words), tuple("latin" for _ in words))
    readings = {w: _readings(w) for w in cyr}
    person = _person(cyr, readings, en_words)
    if person:  # a person's name is written word for word
        return _read_person(phrase, words, aligned, readings, en_words)
    if aligned and len(words) > 1 and not all(similarity(e, w) >= 0.5 for e, w in zip(aligned, words)):
        aligned = []  # not word for word: "Champions League" / «Лига чемпионов»
    return _read_thing(phrase, words, aligned, readings, en_words)


def _read_person(phrase, words, aligned, readings, en_words) -> Reading:
    # in a person's name, a word that can be a person's name is read only as one
    readings = {w: [p for p in rs if _PERSON & p.tag.grammemes] or rs for w, rs in readings.items()}
    gender = given_name_gender(en_words[0]) if en_words else None
    en_gender = gender
    fixed = {i: indeclinable_rule(w, aligned[i] if aligned else None, gender, True) for i, w in enumerate(words)}
    votes: Counter = Counter()
    for i, w in enumerate(words):
        if fixed[i]:
            continue
        for p in readings.get(w, ()):
            if "Fixd" in p.tag.grammemes or (gender and p.tag.gender not in (None, gender) and "ms-f" not in p.tag):
                continue
            weight = 1.0 + p.score + (0.5 if "Name" in p.tag.grammemes else 0.0)
            votes[(gender or p.tag.gender, p.tag.case)] += weight
    if votes:
        gender, case = votes.most_common(1)[0][0]
    else:
        case = None
    out, rules = [], []
    for i, w in enumerate(words):
        if fixed[i]:
            out.append(w)
            rules.append(fixed[i])
            continue
        en_word = aligned[i] if aligned else None
        form, rule = _person_word(w, readings[w], gender, case, en_word, en_gender)
        out.append(form)
        rules.append(rule)
    return Reading(phrase, " ".join(out), "person", gender,
                   tuple(not r or r not in ("latin", "fixed", "foreign_vowel", "feminine_consonant") for r in rules),
                   tuple(rules))


def _person_word(w: str, readings: list, gender, case, en_word, en_gender) -> tuple[str, str]:
    fitting = [p for p in readings if case and _fits(p, gender, case)]
    if morph.is_known(w) and fitting:
        return _nominative(w, fitting[0], gender, person=True), "dictionary"
    if en_word:  # the voted gender may come from guesses: only the English one filters here
        return _by_spelling(w, readings, en_gender, en_word), "english_spelling"
    fitting = (fitting or [p for p in morph.parse(w) if "Fixd" in p.tag.grammemes][:1] or readings)
    return (_nominative(w, fitting[0], gender, person=True) if fitting else w), "guess"


def _by_spelling(w: str, readings: list, gender, en_word: str) -> str:
    """Of the nominatives the word's readings and ending allow, the one closest to the English."""
    cands: dict[str, float] = {}
    for p in readings:
        if gender and p.tag.gender not in (None, gender) and "ms-f" not in p.tag:
            continue
        nom = _nominative(w, p, gender)
        cands[nom] = max(cands.get(nom, 0.0), 0.03)  # a paradigm pymorphy3 reads: a small head start
    for c in _ending_candidates(w):
        cands.setdefault(_spelled_like(w, c), 0.0)
    return max(cands, key=lambda c: (similarity(en_word, c) + cands[c], c == w))


def _read_thing(phrase, words, aligned, readings, en_words) -> Reading:
    """A place, organisation or other name: leading adjectives agree with the head noun; words
    after a common-noun head keep their case; words of a compound proper name agree with it."""
    n = len(words)
    rules: list[str] = [""] * n
    out = list(words)
    head = None
    for i, w in enumerate(words):
        if not _CYR.search(w):
            continue
        if _adjective(w) and i < n - 1:
            continue
        head = i
        break
    if head is None:
        head = max(i for i, w in enumerate(words) if _CYR.search(w))
    hw = words[head]
    en_head = aligned[head] if aligned else (en_words[-1] if en_words else None)
    plural_ok = _en_plural(en_head) or (len(en_words) > 1 and _en_plural(en_words[-1]))
    form, p, rule = _thing_word(hw, en_head if aligned or len(words) == 1 else None, plural_ok)
    out[head], rules[head] = form, rule
    gender = p.tag.gender if p is not None else None
    number = "plur" if p is not None and (p.tag.number == "plur" or "Pltm" in p.tag.grammemes) else "sing"
    case = p.tag.case if p is not None else None
    for i in range(head):
        w = words[i]
        if not _CYR.search(w):
            rules[i] = "latin"
            continue
        out[i], rules[i] = _agree(w, gender, number, case), "agreement"
    common_head = p is not None and morph.is_known(hw) and not (_PROPER & p.tag.grammemes)
    for i in range(head + 1, n):
        w = words[i]
        if not _CYR.search(w):
            rules[i] = "latin"
        elif common_head or (morph.is_known(hw) and case and not _shares_case(w, case)):
            rules[i] = "dependent"
        else:
            out[i], _p, rules[i] = _thing_word(w, aligned[i] if aligned else None, plural_ok)
    kind = _kind(p)
    declines = tuple(r not in ("latin", "fixed", "foreign_vowel") for r in rules)
    return Reading(phrase, " ".join(out), kind, gender, declines, tuple(rules))


def _adjective(word: str) -> bool:
    parses = morph.parse(word)
    return bool(parses) and morph.is_known(word) and parses[0].tag.POS in _ADJ_POS


def _shares_case(word: str, case: str) -> bool:
    return any(p.tag.case == case for p in morph.parse(word) if p.tag.POS == "NOUN")


def _thing_word(w: str, en_word: str | None, plural_ok: bool):
    """(nominative, the reading used or None, rule) of one word of a place or organisation."""
    rule = indeclinable_rule(w, en_word)
    if rule:
        return w, None, rule
    parses = [p for p in morph.parse(w) if p.tag.POS == "NOUN" and p.tag.case]
    if en_word and morph.is_known(w) and similarity(en_word, w) < 0.4:
        en_word = None  # a translation ("Caucus" / «Фракции»), not a spelling: the dictionary decides
    if en_word and not plural_ok and not any(_PROPER & p.tag.grammemes for p in parses):
        # a common noun's paradigm («роба») is no better a guess than the English (Rob → «Роб»)
        readings = _singular(parses)
        return _by_spelling(w, readings, None, en_word), (readings[0] if readings else None), "english_spelling"
    if morph.is_known(w) and parses:
        single = [p for p in parses if p.tag.number == "sing" or "Pltm" in p.tag.grammemes]
        proper_single = [p for p in single if _PROPER & p.tag.grammemes]
        plural = [p for p in parses if p.tag.number == "plur"]
        if en_word and not single and not plural_ok:  # «Акин» is no plural of «Акина» for "Akin"
            return _by_spelling(w, [], None, en_word), None, "english_spelling"
        if en_word and proper_single and all(_PERSON & p.tag.grammemes for p in proper_single):
            # a person's name read outside a person's name: its gender is unknown, the English decides
            return _by_spelling(w, proper_single, None, en_word), None, "english_spelling"
        if plural and ((plural_ok and not proper_single) or not single):  # «Штаты»: plural forms only
            pick = ([p for p in plural if _PROPER & p.tag.grammemes] or plural)[0]
        else:
            pick = (proper_single or single or parses)[0]
            if en_word and len({q.normal_form for q in single}) > 1:
                # two paradigms («Вилла»: the noun, or the genitive of «Вилл»): the English picks
                pick = max(single, key=lambda q: (similarity(en_word, _nominative(w, q, None))
                                                  + (0.05 if _PROPER & q.tag.grammemes else 0.0)))
        return _nominative(w, pick, None, plural=pick.tag.number == "plur"), pick, "dictionary"
    readings = _readings(w)
    if en_word:
        return _by_spelling(w, readings, None, en_word), (readings[0] if readings else None), "english_spelling"
    if readings:
        return _nominative(w, readings[0], None), readings[0], "guess"
    return w, None, "guess"


def _agree(adj: str, gender: str | None, number: str, case: str | None) -> str:
    parses = [p for p in morph.parse(adj) if p.tag.POS in _ADJ_POS]
    if case:
        parses = [p for p in parses if p.tag.case == case] or parses
    for p in parses:
        grammemes = {"nomn", number}
        if number == "sing" and gender in ("masc", "femn", "neut"):
            grammemes.add(gender)
        form = p.inflect(grammemes)
        if form is not None:
            return _spelled_like(adj, form.word)
    return adj


def _kind(p) -> str:
    if p is None:
        return ""
    g = p.tag.grammemes
    if _PERSON & g:
        return "person"
    if "Geox" in g:
        return "place"
    if "Orgn" in g:
        return "organization"
    return ""


# ---------------------------------------------------------------- public answers


def dictionary_form(phrase: str, en: str | None = None) -> str:
    """The singular nominative of a name as written, the whole phrase agreeing."""
    return read_name(phrase, en).lemma


def best_form(surfaces: Counter | dict, en: str | None = None) -> str:
    """The dictionary form of a name from all its mentions (surface → count): a mention written
    in its dictionary form decides; else the form most mentions read as."""
    forms: Counter = Counter()
    as_written: Counter = Counter()
    for surface, count in surfaces.items():
        lemma = dictionary_form(surface, en)
        forms[lemma] += count
        if morph.norm(lemma) == morph.norm(surface):
            as_written[lemma] += count
    # «Файфе» read as written (Fife ends in a vowel) is «Файф» + a case ending when «Файф» is seen too
    stems = {morph.norm(f) for f in as_written}
    as_written = Counter({f: c for f, c in as_written.items()
                          if not any(morph.norm(f) == s + e for s in stems for e in _ENDINGS if s != morph.norm(f))})
    pool = as_written or forms
    return max(pool, key=lambda f: (pool[f], forms[f], -len(f)))


def gender(phrase: str, en: str | None = None) -> str | None:
    return read_name(phrase, en).gender


def declines(phrase: str, en: str | None = None) -> bool:
    """Whether any word of the name changes with case."""
    return any(read_name(phrase, en).declines)


def lemmatize_name(phrase: str, en: str | None = None) -> str:
    """The nominative singular of a name in any case (``dictionary_form``)."""
    return dictionary_form(phrase, en)


def name_key(phrase: str, en: str | None = None) -> str:
    """What case forms of one name share: its nominative, lowercased, ё→е («Манделу» ~ «Манделой»)."""
    return morph.norm(dictionary_form(phrase, en))


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


def same_name(a: str, b: str, en: str | None = None) -> bool:
    """Whether two renderings are case forms of one name: the same dictionary form, or — for
    names pymorphy3 doesn't know — the same words once their case endings are cut."""
    if name_key(a, en) == name_key(b, en) or name_key(a) == name_key(b):
        return True
    wa, wb = a.split(), b.split()
    if len(wa) == len(wb) and all(_stem(x) == _stem(y) for x, y in zip(wa, wb)):
        return True
    return _adjective_of(a, b, en) or _adjective_of(b, a, en)


def _adjective_of(adjective: str, name: str, en: str | None) -> bool:
    """``adjective`` is a form of the place ``name``'s relative adjective («Хомутовской» of
    «Хомутово»): the same name said another way, not another rendering."""
    from .derived import adjectives

    if " " in adjective.strip() or not _CYR.search(adjective):
        return False
    own = adjectives(dictionary_form(name, en))
    return bool(own) and any(p.tag.POS in ("ADJF", "NOUN") and morph.norm(p.normal_form) in own
                             for p in morph.parse(adjective))


def inflect(phrase: str, grammemes: set[str] | frozenset[str], en: str | None = None) -> str:
    """A name in its dictionary form put into ``grammemes`` ({"datv"}, {"ablt", "sing"}, ...).

    Words that don't decline stay as written; a person's words take the gender of the English
    given name («Мерил Стрип» stays in every case, «Анналена Бербок» → «Анналене Бербок»).
    As in ``morph.inflect_phrase``, the leading run of nominative words is inflected and a
    dependent genitive keeps its case («Лига чемпионов» → «Лиге чемпионов»).
    """
    declining, gender = _declension(phrase, en)
    if all(declining) and gender != "femn":
        return morph.inflect_phrase(phrase, grammemes)
    out = []
    last = 0
    inflecting = True
    for i, m in enumerate(_WORD.finditer(phrase)):
        word = m.group()
        out.append(phrase[last:m.start()])
        last = m.end()
        if inflecting and declining[i] and _CYR.search(word) and not _nominative_form(word):
            inflecting = False  # a dependent word: «чемпионов»
        if not inflecting or not declining[i]:
            out.append(word)
            continue
        g = set(grammemes)
        if gender and "plur" not in g:
            g.add(gender)
        new = morph.inflect(word, g) or morph.inflect(word, set(grammemes))
        out.append(new or word)
    out.append(phrase[last:])
    return "".join(out)


@lru_cache(maxsize=50_000)
def _declension(phrase: str, en: str | None) -> tuple[tuple[bool, ...], str | None]:
    """For a name in its dictionary form: whether each word declines, and a person's gender
    from the English given name (None when the English names no person)."""
    words = [m.group() for m in _WORD.finditer(phrase)]
    en_words = _en_words(en)
    aligned = en_words if len(en_words) == len(words) else []
    gender = None
    if len(words) > 1 and len(en_words) > 1 and all(w[:1].isupper() for w in words if _CYR.search(w)):
        gender = given_name_gender(en_words[0])
    declining = tuple(indeclinable_rule(w, aligned[i] if aligned else None, gender, gender is not None) is None
                      for i, w in enumerate(words))
    return declining, gender


def _nominative_form(word: str) -> bool:
    parses = morph.parse(word)
    if not morph.is_known(word):  # a guessed word: its best guess only
        return bool(parses) and ("nomn" in parses[0].tag or "Fixd" in parses[0].tag)
    return any("nomn" in p.tag for p in parses)
