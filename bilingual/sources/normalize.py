"""One text normaliser for matching: invisible characters, stress marks, look-alike letters.

Characters a reader doesn't see must not hide a name from the glossary
matcher: a soft hyphen, zero-width space/joiner/non-joiner, word joiner or a
stray BOM inside «Мол\u00adдавии», a stress mark in «Молда́вии», a Latin «o» in
«Мoлдова» or a Cyrillic «Н» in "WНO". ``normalize`` returns a cleaned copy of
the text and, like razdel's substrings, the offset in the original of every
character of the copy, so a match found on the copy is reported (and fixed)
on the exact characters of the original, invisible ones included.

The text itself is never rewritten: only the matcher looks at the copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Dropped: soft hyphen, zero-width space / non-joiner / joiner, word joiner, BOM,
# and the combining acute and grave accents (Russian stress marks).
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
STRESS = "\u0301\u0300"
_DROP = frozenset(INVISIBLE + STRESS)
_DROP_RE = re.compile(f"[{INVISIBLE}{STRESS}]")
_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")

# Letters that look the same in the Latin and Cyrillic alphabets.
_LATIN = "AaBCcEeHKMOoPpTXxyiI"
_CYRIL = "АаВСсЕеНКМОоРрТХхуіІ"
TO_CYRILLIC = dict(zip(_LATIN, _CYRIL))
TO_LATIN = dict(zip(_CYRIL, _LATIN))
_CYR_LETTER = re.compile(r"[а-яёА-ЯЁ]")
_LAT_LETTER = re.compile(r"[A-Za-z]")
# a word with letters of both scripts
_MIXED = re.compile(r"\b(?=\w*[а-яёА-ЯЁ])(?=\w*[A-Za-z])\w+\b")


@dataclass(frozen=True, slots=True)
class Normalized:
    text: str  # the cleaned copy
    offsets: tuple[int, ...] | None  # offset in the original of each character of the copy; None: unchanged

    def span(self, start: int, stop: int) -> tuple[int, int]:
        """The original span of the copy's ``[start, stop)``."""
        if self.offsets is None:
            return start, stop
        if start >= stop:
            o = self.offsets[start] if start < len(self.offsets) else (self.offsets[-1] + 1 if self.offsets else 0)
            return o, o
        return self.offsets[start], self.offsets[stop - 1] + 1


def mixed_words(text: str) -> list[re.Match]:
    """Words written with letters of both the Latin and the Cyrillic alphabet."""
    return list(_MIXED.finditer(text))


def _unmix(word: str) -> str:
    """A mixed-script word in the script most of its letters are in (look-alikes only)."""
    cyr = len(_CYR_LETTER.findall(word))
    lat = len(_LAT_LETTER.findall(word))
    table = TO_CYRILLIC if cyr >= lat else TO_LATIN
    out = "".join(table.get(ch, ch) for ch in word)
    # a letter with no look-alike keeps the word mixed: leave it as written
    return out if not (_CYR_LETTER.search(out) and _LAT_LETTER.search(out)) else word


def normalize(text: str, *, stress: bool = True) -> Normalized:
    """The text without invisible characters and stress marks, look-alike letters unified.

    ``stress=False`` keeps stress marks (for code that carries them over to a replacement).
    """
    drop = _DROP if stress else _DROP - set(STRESS)
    has_drop = (_DROP_RE if stress else _INVISIBLE_RE).search(text) is not None
    mixed = mixed_words(text) if _CYR_LETTER.search(text) and _LAT_LETTER.search(text) else []
    if not has_drop and not mixed:
        return Normalized(text, None)
    chars = list(text)
    for m in mixed:
        fixed = _unmix(m.group())
        chars[m.start():m.end()] = list(fixed)  # same length: one letter for one letter
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(chars):
        if ch in drop:
            continue
        out.append(ch)
        offsets.append(i)
    return Normalized("".join(out), tuple(offsets))


def hidden_chars(text: str) -> list[tuple[int, str]]:
    """``(offset, name)`` of each invisible character or stress mark in ``text``."""
    import unicodedata

    return [(m.start(), unicodedata.name(m.group(), f"U+{ord(m.group()):04X}")) for m in _DROP_RE.finditer(text)]


_VOWEL = re.compile(r"[аеёиоуыэюяАЕЁИОУЫЭЮЯ]")


def keep_stress(original: str, replacement: str) -> str:
    """``replacement`` with the stress mark ``original`` carried, on the vowel of the same rank.

    «Молда́вией» → «Молдовой» becomes «Молдо́вой»: the second vowel was stressed, so it stays so.
    """
    if "\u0301" not in original:
        return replacement
    rank = len(_VOWEL.findall(original[:original.index("\u0301")]))
    vowels = list(_VOWEL.finditer(replacement))
    if not rank or rank > len(vowels):
        return replacement
    at = vowels[rank - 1].end()
    return replacement[:at] + "\u0301" + replacement[at:]
