"""Case forms of a person's name by the productive endings, for names the dictionary does not know.

pymorphy3 reads «Путина» as a form of «Путин», but a foreign surname it has never seen
(«Бэй», «Верн», «Жюль») gets no reliable reading, and a surname that happens to spell a
Russian word («Верна», a short adjective) gets the word's. Russian declines such names by
their ending alone, and that is what ``person_case_forms`` writes out:

* a man's name ending in a consonant: «Верн» → «Верна», «Верну», «Верном», «Верне»;
* in «-й» or «-ь», for a man: «Бэй» → «Бэя», «Бэю», «Бэем», «Бэе»; «Жюль» → «Жюля»;
* in «-а»/«-я», whoever bears it: «Траволта» → «Траволты», «Траволте», «Траволту», «Траволтой»;
* a Russian-type surname in «-ов», «-ев», «-ин», «-ын» takes «-ым» in the instrumental, and
  its feminine in «-ова», «-ина» declines as an adjective («Поповой», «Попову»);
* a woman's name ending in a consonant, a name ending in another vowel («Гёте», «Руссо») or in
  a vowel and «-а» («Бенуа») do not decline.

Every word of the name takes the same case («Майкла Бэя»). The gender is the English given
name's (``given_names``), else the Russian first name's ending.
"""

from __future__ import annotations

from functools import lru_cache

CASES = ("gent", "datv", "accs", "ablt", "loct")
_HUSHING = frozenset("жшчщц")
_VELAR_HUSHING = frozenset("гкхжшчщ")
_VOWELS = frozenset("аеёиоуыэюя")


def word_case(word: str, case: str, gender: str) -> str:
    """``word`` (a name in the nominative) in ``case`` by its ending; unchanged if it does not decline."""
    low = word.lower()
    last = low[-1:]
    if len(word) < 2 or not last.isalpha():
        return word
    stem = word[:-1]
    if low.endswith(("ова", "ева", "ёва", "ина", "ына")) and len(low) > 4:  # «Попова» declines as an adjective
        return stem + ("у" if case == "accs" else "ой")
    if last == "а" and low[-2] in _VOWELS:
        return word  # «Бенуа», «Моа»: a vowel before the -а, French or Polynesian, does not decline
    if last == "а":
        before = low[-2]
        return stem + {"gent": "и" if before in _VELAR_HUSHING else "ы", "datv": "е", "accs": "у",
                       "ablt": "ей" if before in _HUSHING else "ой", "loct": "е"}[case]
    if last == "я":
        ii = low.endswith("ия")
        return stem + {"gent": "и", "datv": "и" if ii else "е", "accs": "ю", "ablt": "ей",
                       "loct": "и" if ii else "е"}[case]
    if gender != "masc" or last in _VOWELS:
        return word
    if last in "йь":
        return stem + {"gent": "я", "datv": "ю", "accs": "я", "ablt": "ем", "loct": "е"}[case]
    russian_type = low.endswith(("ов", "ев", "ёв", "ин", "ын"))
    ablt = "ым" if russian_type else ("ем" if last in _HUSHING else "ом")
    return word + {"gent": "а", "datv": "у", "accs": "а", "ablt": ablt, "loct": "е"}[case]


def person_gender(name: str, en: str | None = None) -> str:
    """"masc" or "femn": the English given name's gender, else the Russian first name's ending."""
    return _gender(name.split(), en)


def _gender(ru_words: list[str], en: str | None) -> str:
    from .given_names import given_name_gender

    if en and en.split():  # a blank English name says nothing
        g = given_name_gender(en.split()[0])
        if g:
            return g
    return "femn" if ru_words and ru_words[0].lower().endswith(("а", "я")) else "masc"


@lru_cache(maxsize=65536)
def person_case_forms(name: str, en: str | None = None) -> tuple[str, ...]:
    """The oblique case forms of a person's full ``name`` («Майкл Бэй» → «Майкла Бэя», «Майклу Бэю», ...),
    every word in the same case; only the forms that differ from the name. A one-word name has
    none here: its gender is unknown."""
    words = name.split()
    if len(words) < 2 or not words[-1][:1].isupper():
        return ()
    gender = _gender(words, en)
    out = []
    for case in CASES:
        # particles («де», «ван») stay; a hyphenated name declines its last part («Жан-Клода»)
        form = " ".join(w if not w[:1].isupper() else "-".join(w.split("-")[:-1] + [word_case(w.split("-")[-1], case, gender)])
                        for w in words)
        if form != name and form not in out:
            out.append(form)
    return tuple(out)
