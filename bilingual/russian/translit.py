"""Russian <-> Latin transliteration for matching names across the two versions.

``ru_to_latin`` spells Russian in Latin letters (a simplified BGN/PCGN table,
the one English-language news uses: Зеленский -> Zelenskiy).
``latin_to_ru`` goes the other way for simple names (Putin -> Путин).
``name_key`` reduces a name in either script to a short consonant skeleton so
that a name and its transliteration, in any Russian case form, share a key:
Putin / Путина -> ``ptn``, Pezeshkian / Пезешкианом -> ``pzs``.

A general transliteration library gives one reading per letter; matching needs
the reverse too (w/v, ph/f, c/k, Cyrillic case endings), so the table is ours.
"""

from __future__ import annotations

import re
from functools import lru_cache

_RU_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}

# Longest Latin clusters first, so "shch" wins over "sh" + "ch".
_LAT_RU = [
    ("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"),
    ("yu", "ю"), ("ya", "я"), ("yo", "ё"), ("ph", "ф"), ("th", "т"), ("ck", "к"),
    ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"),
    ("h", "х"), ("i", "и"), ("j", "дж"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"),
    ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"),
    ("v", "в"), ("w", "в"), ("x", "кс"), ("y", "й"), ("z", "з"),
]
_LAT_RU_RE = re.compile("|".join(re.escape(a) for a, _ in _LAT_RU))
_LAT_RU_MAP = dict(_LAT_RU)


def _keep_case(src: str, out: str) -> str:
    if src.isupper() and len(src) > 1:
        return out.upper()
    if src[:1].isupper():
        return out[:1].upper() + out[1:]
    return out


_RU_LAT_TABLE = str.maketrans(
    {**{k: v for k, v in _RU_LAT.items()}, **{k.upper(): v[:1].upper() + v[1:] for k, v in _RU_LAT.items()}}
)


def ru_to_latin(text: str) -> str:
    """Cyrillic letters spelled in Latin; everything else unchanged."""
    return text.translate(_RU_LAT_TABLE)


def latin_to_ru(text: str) -> str:
    """Latin letters spelled in Cyrillic, word by word (a phonetic guess for names)."""

    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        ru = _LAT_RU_RE.sub(lambda mm: _LAT_RU_MAP[mm.group(0)], w.lower())
        return _keep_case(w, ru)

    return re.sub(r"[A-Za-z]+", word, text)


# Latin spellings that sound alike collapse to one letter before vowels go;
# applied in this order (longer clusters first).
_FOLD = (
    ("shch", "sh"), ("sch", "sh"), ("tch", "ch"), ("dzh", "j"), ("ph", "f"), ("ck", "k"),
    ("kh", "h"), ("ts", "s"), ("tz", "s"), ("zh", "j"), ("dj", "j"), ("th", "t"),
    ("x", "ks"), ("q", "k"), ("w", "v"), ("c", "k"), ("z", "s"),
)
_DROP = str.maketrans("", "", "aeiouy'")
_NONALPHA_RE = re.compile(r"[^a-z]+")
_REPEAT_RE = re.compile(r"(.)\1+")


@lru_cache(maxsize=262144)
def skeleton(word: str) -> str:
    """The consonant skeleton of a word in either script: Washington -> vshngtn."""
    w = word.lower()
    if not w.isascii():
        w = w.translate(_RU_LAT_TABLE)
    if not w.isalpha() or not w.isascii():
        w = _NONALPHA_RE.sub("", w)
    for a, b in _FOLD:
        if a in w:
            w = w.replace(a, b)
    w = w.translate(_DROP)
    return _REPEAT_RE.sub(r"\1", w)


@lru_cache(maxsize=262144)
def name_key(word: str, size: int = 3) -> str | None:
    """A key shared by a name and its transliteration in any case form, or None.

    The first ``size`` consonants of the skeleton: Russian case endings add
    letters at the end, so a short prefix survives declension. Acronyms
    (NATO / НАТО) keep a two-consonant key.
    """
    sk = skeleton(word)
    if len(sk) >= size:
        return sk[:size]
    if word.isupper() and len(word) >= 3 and len(sk) >= 2:
        return sk
    return None
