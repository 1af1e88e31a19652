"""Which characters of a found word are the name, and the stress mark it carries.

A replacement changes only the characters of the forbidden form: the rest of a
hyphenated word stays («Харкив-Сумы» → «Харьков-Сумы», «Молдавии-2» →
«Молдовы-2»), a word derived from the name («Харкивщина») is not a form of it
and is left alone, and a combining stress accent (U+0301) on the found word is
put on the same vowel of the replacement («Молда́вией» → «Молдо́вой»).
"""

from __future__ import annotations

import re
import unicodedata

from ..model import Term
from ..sources.normalize import normalize
from . import morph
from .grammar import _head_word, _loose_prefix

STRESS = "\u0301"
_ACCENTS = re.compile("[\u0300\u0301]")  # grave and acute: the stress marks Russian text uses
_VOWELS = "аеёиоуыэюяіїє"
# What may follow the name's stem in one of its case forms (Russian and Ukrainian endings).
_CASE_ENDING = re.compile(r"(?:|а|я|у|ю|ом|ем|ём|ою|ею|е|є|і|и|ы|ї|ой|ей|ів|ов|ев|ам|ям|ами|ями|ах|ях|ью|ь|й|"
                          r"ии|ия|ию|ией|ієй|ією|ії|ію|ія|ья|ье|ьи|ьем|ьям|"
                          r"ий|ый|ій|ого|ому|им|ым|ім|ая|ої|ую|ое|ые|ие|ых|их|ими|ыми)")  # adjectives


def strip_marks(word: str) -> str:
    """``word`` without combining stress accents (й and ё, whose marks are part of the letter, stay)."""
    return _ACCENTS.sub("", unicodedata.normalize("NFC", word)) if _ACCENTS.search(word) else word


def stressed_vowel(word: str) -> int | None:
    """The ordinal of the vowel carrying U+0301 in ``word`` (0 = first vowel), or None."""
    n = -1
    for ch in unicodedata.normalize("NFC", word):
        if ch.lower() in _VOWELS:
            n += 1
        elif ch == STRESS and n >= 0:
            return n
    return None


def put_stress(word: str, ordinal: int) -> str:
    """``word`` with U+0301 after its ``ordinal``-th vowel (the last vowel if it has fewer)."""
    positions = [i for i, ch in enumerate(word) if ch.lower() in _VOWELS]
    if not positions:
        return word
    i = positions[min(ordinal, len(positions) - 1)]
    return word[:i + 1] + STRESS + word[i + 1:]


def name_part(found: str, term: Term) -> tuple[int, int] | None:
    """(start, stop) of the characters of ``found`` that are a form of the term's forbidden
    name; None when ``found`` is a word derived from it rather than a form of it."""
    if "-" in found and not any("-" in f for f in (*term.forbidden, term.ru)):
        parts, pos, best = [], 0, None
        for part in found.split("-"):
            parts.append((pos, pos + len(part)))
            pos += len(part) + 1
        scored = [(max((_loose_prefix(strip_marks(found[s:e]), _head_word(f)) for f in term.forbidden), default=0),
                   -s, s, e) for s, e in parts]
        _, _, s, e = max(scored)
        best = (s, e)
        inner = _form_or_none(found[best[0]:best[1]], term)
        return (best[0] + inner[0], best[0] + inner[1]) if inner else None
    return _form_or_none(found, term)


def _form_or_none(word: str, term: Term) -> tuple[int, int] | None:
    if " " in word.strip() or not term.forbidden:
        return (0, len(word))
    clean = morph.norm(normalize(strip_marks(word)).text)  # no soft hyphen or look-alike letter in the way
    for f in term.forbidden:
        base = morph.norm(_head_word(f))
        if " " in f:
            return (0, len(word))
        n = _loose_prefix(clean, base)
        # The stem may lose the base's final vowel or soft sign («Молдави|и» for «Молдави|я»).
        if n >= len(base) - 2 and _CASE_ENDING.fullmatch(clean[n:]):
            return (0, len(word))
        if morph.is_known(clean) and base in morph.lemmas(clean):
            return (0, len(word))
    return None
