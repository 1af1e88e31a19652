"""Language identification with langdetect, made deterministic and bounded.

langdetect samples n-grams at random; a fixed seed makes every run give the
same answer. Its cost grows with the text (n-gram extraction is linear), so a
long text is judged on a bounded sample drawn from across it, and answers are
cached per text.

Paragraph-level checks ask a narrower question ("is this paragraph in the
document's language, or English, or ...?"), so they may pass ``candidates``:
the detector then weighs only those profiles, which is several times faster
than weighing all 55.
"""

from __future__ import annotations

import os
from functools import lru_cache

SEED = 0
MIN_LETTERS = 20  # fewer letters than this: too little to tell
# Longer texts are judged on this many characters, in slices across the text:
# langdetect is already sure of a language long before this, and its cost
# grows with every character it reads.
SAMPLE_CHARS = 1000
_SLICES = 8


def letter_count(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def _sample(text: str, limit: int = SAMPLE_CHARS) -> str:
    if len(text) <= limit:
        return text
    # Evenly spaced slices, so an article with an English opening and a
    # Russian body is judged on both.
    width = limit // _SLICES
    step = (len(text) - width) / (_SLICES - 1)
    return " ".join(text[int(i * step):int(i * step) + width] for i in range(_SLICES))


@lru_cache(maxsize=None)
def _factory(candidates: frozenset[str] | None):
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.seed = SEED
    names = sorted(os.listdir(PROFILES_DIRECTORY))
    if candidates is not None:
        names = [n for n in names if n in candidates]
    profiles = []
    for name in names:
        with open(os.path.join(PROFILES_DIRECTORY, name), encoding="utf-8") as f:
            profiles.append(f.read())
    factory.load_json_profile(profiles)
    return factory


def supported_languages() -> tuple[str, ...]:
    return tuple(_factory(None).get_lang_list())


@lru_cache(maxsize=8192)
def _probs(sample: str, candidates: frozenset[str] | None) -> tuple[tuple[str, float], ...]:
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory(candidates).create()
    detector.append(sample)
    try:
        return tuple((p.lang, p.prob) for p in detector.get_probabilities())
    except LangDetectException:
        return ()


def _key(candidates) -> frozenset[str] | None:
    return None if candidates is None else _known(frozenset(candidates))


@lru_cache(maxsize=256)
def _known(candidates: frozenset[str]) -> frozenset[str] | None:
    known = set(supported_languages())
    return frozenset(c for c in candidates if c in known) or None


# Scripts of langdetect's languages, for the one shortcut below.
_LATIN = frozenset("af ca cs cy da de en es et fi fr hr hu id it lt lv nl no pl pt ro sk sl so sq sv sw "
                   "tl tr vi".split())
_CYRILLIC = frozenset("bg mk ru uk".split())


def _script(text: str) -> frozenset[str] | None:
    """The languages whose script holds every letter of ``text`` (Latin or Cyrillic only)."""
    latin = cyrillic = False
    for ch in text:
        if ch.isalpha():
            o = ord(ch)
            if o <= 0x24F:
                latin = True
            elif 0x400 <= o <= 0x52F:
                cyrillic = True
            else:
                return None
    if latin != cyrillic:
        return _LATIN if latin else _CYRILLIC
    return None


def detect_probs(text: str, candidates=None, sample: int = SAMPLE_CHARS) -> tuple[tuple[str, float], ...]:
    """``((lang, probability), ...)`` best first; empty when there are too few letters."""
    if letter_count(text) < MIN_LETTERS:
        return ()
    key = _key(candidates)
    if key is not None:
        # Among the candidates only one writes in this text's script (English
        # among {en, ru, uk} for a text all in Latin letters): that is the
        # answer langdetect would reach, without reading the text.
        script = _script(text)
        if script is not None and len(key & script) == 1:
            return ((next(iter(key & script)), 1.0),)
    return _probs(_sample(text, sample), key)


def detect(text: str, candidates=None, sample: int = SAMPLE_CHARS) -> str | None:
    """ISO 639-1 code of ``text``'s language ("en", "ru", "uk", ...), or None if too short to tell.

    ``candidates`` (an iterable of codes) restricts the answer to those languages;
    ``sample`` bounds how many characters are read.
    """
    probs = detect_probs(text, candidates, sample)
    return probs[0][0] if probs else None


_NAMES = {
    "en": "English", "ru": "Russian", "uk": "Ukrainian", "be": "Belarusian", "bg": "Bulgarian",
    "mk": "Macedonian", "sr": "Serbian", "de": "German", "fr": "French", "es": "Spanish",
    "it": "Italian", "pl": "Polish", "pt": "Portuguese", "nl": "Dutch", "cs": "Czech",
    "sk": "Slovak", "ro": "Romanian", "tr": "Turkish", "fi": "Finnish", "sv": "Swedish",
    "da": "Danish", "no": "Norwegian", "et": "Estonian", "lv": "Latvian", "lt": "Lithuanian",
    "hu": "Hungarian", "el": "Greek", "ar": "Arabic", "he": "Hebrew", "fa": "Persian",
    "zh-cn": "Chinese", "zh-tw": "Chinese", "ja": "Japanese", "ko": "Korean",
}


def language_name(code: str | None) -> str:
    if code is None:
        return "unknown"
    return _NAMES.get(code, code)


detect_language = detect  # the name exported by the package
