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
import re
from functools import lru_cache

SEED = 0
MIN_LETTERS = 20  # fewer letters than this: too little to tell
# Longer texts are judged on this many characters, in slices across the text:
# langdetect is already sure of a language long before this, and its cost
# grows with every character it reads.
SAMPLE_CHARS = 1000
_SLICES = 8


def letter_count(text: str) -> int:
    return sum(map(str.isalpha, text))


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


@lru_cache(maxsize=1)
def supported_languages() -> tuple[str, ...]:
    # one profile file per language, named by its code: listing them costs nothing, while
    # loading all 55 profiles (to ask the factory) costs a third of a second
    from langdetect.detector_factory import PROFILES_DIRECTORY

    return tuple(sorted(os.listdir(PROFILES_DIRECTORY)))


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


# Among langdetect's Cyrillic languages (bg, mk, ru, uk) «ы» and «э» are Russian only. A text of
# Russian letters alone that holds them is Russian. Ukrainian letters (і, ї, є, ґ) may stand in a
# Russian text in a name spelt the Ukrainian way («в Києві»), the very spelling a glossary
# forbids, so capitalised words with them are set aside; one lowercase word with them (a quoted
# Ukrainian phrase, a Ukrainian text) leaves the text to the model.
_RU_ONLY, _UK_ONLY = frozenset("ыэ"), frozenset("іїєґ")
_RU = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
_CYRILLIC_LETTER = re.compile("[\u0400-\u052f]")
CYRILLIC_SHARE = 0.8  # below this share of Cyrillic letters, a text is mixed: langdetect decides


# Letters only one Cyrillic language writes. A text of twenty letters or more in that language
# holds one of them (Ukrainian «і» alone is in most words of three); a text with none of them is
# not in that language, whatever its n-grams say: a short Russian sentence without «ы» or «э»
# («Потому что у них нет денег платить ему, Петро») reads to langdetect as Ukrainian.
_OWN_LETTERS = {"uk": frozenset("іїєґ"), "mk": frozenset("ѓќѕљњџј")}


def _without_absent_alphabets(text: str, key: frozenset[str]) -> frozenset[str] | None:
    """``key`` less the languages whose own letters ``text`` never uses."""
    low = set(text.lower())
    drop = {lang for lang, own in _OWN_LETTERS.items() if lang in key and low.isdisjoint(own)}
    return frozenset(key - drop) or None if drop else key


def _russian_by_letters(text: str) -> bool:
    """Whether a mostly Cyrillic text is Russian by its letters alone (see above)."""
    words = _WORDS.findall(text)
    if _UK_ONLY.isdisjoint(text.lower()):  # no word to set aside: the letters at once
        letters = "".join(words).lower()
    else:
        kept = []
        for word in words:
            low = word.lower()
            if not _UK_ONLY.isdisjoint(low):
                if not word[:1].isupper():
                    return False
                continue  # a name spelt the Ukrainian way
            kept.append(low)
        letters = "".join(kept)
    seen = {ch for ch in set(letters) if "\u0400" <= ch <= "\u052f"}
    if seen.isdisjoint(_RU_ONLY) or not seen <= _RU:
        return False
    return len(_CYRILLIC_LETTER.findall(letters)) >= CYRILLIC_SHARE * len(letters)


def detect_probs(text: str, candidates=None, sample: int = SAMPLE_CHARS) -> tuple[tuple[str, float], ...]:
    """``((lang, probability), ...)`` best first; empty when there are too few letters."""
    if letter_count(text) < MIN_LETTERS:
        return ()
    key = _key(candidates)
    # A Russian text its letters identify needs no n-gram model (which for Cyrillic weighs
    # Russian against Ukrainian, Bulgarian and Macedonian at some 5 ms a paragraph).
    if (key is None or "ru" in key) and _russian_by_letters(text):
        return (("ru", 1.0),)
    script = _script(text)
    if script is _CYRILLIC or key is not None:
        key = _without_absent_alphabets(text, key if key is not None else _CYRILLIC)
        if key is None:
            return ()
        if len(key) == 1:
            return ((next(iter(key)), 1.0),)
    if key is not None:
        # Among the candidates only one writes in this text's script (English
        # among {en, ru, uk} for a text all in Latin letters): that is the
        # answer langdetect would reach, without reading the text.
        if script is not None and len(key & script) == 1:
            return ((next(iter(key & script)), 1.0),)
    elif script is not None:
        # A text in one script is weighed against the languages written in it only: the others'
        # profiles have nothing to match, and loading all 55 costs half a second a process.
        key = _known(script)
    return _probs(_sample(text, sample), key)


# Below this many letters (about one sentence) langdetect's n-grams over 55 languages are a
# guess («Zelensky visited Kharkiv.» reads as Norwegian): the script and function words decide.
SHORT_LETTERS = 150
_WORDS = re.compile(r"[^\W\d_]+", re.U)
_STOP_WORDS = {
    "en": frozenset("the a an of to in on at for with by from and or but is are was were be been has have had "
                    "will would said says it its this that he she they we his her their not as after over than "
                    "who which".split()),
    "ru": frozenset("и в во на не что с со по за из от к о об для это как он она они был была были было "
                    "также заявил сказал уже его ее её их".split()),
    "uk": frozenset("і й та що на не з із зі по за від до для це як він вона вони був була були також його "
                    "її їх".split()),
    "de": frozenset("der die das und ist sind war den dem des ein eine einen nicht auch mit von zu im am auf "
                    "für sich es hat".split()),
    "fr": frozenset("le la les et est des du une un dans pour que qui sur au aux avec ne pas il elle a été "
                    "sont".split()),
    "es": frozenset("el la los las y es del un una en por que con para se al lo fue son su".split()),
    "it": frozenset("il lo la gli le e è del della un una di per che con non si al sono".split()),
}
_SCRIPT_OF = {"en": "latin", "de": "latin", "fr": "latin", "es": "latin", "it": "latin",
              "ru": "cyrillic", "uk": "cyrillic"}


def _short_text_language(text: str) -> str | None:
    """A short text's language from its script and function words, or None when they don't say."""
    script = _script(text)
    if script is None:
        return None
    letters = {ch.lower() for ch in text if ch.isalpha()}
    if script is _CYRILLIC:
        if letters & set("іїєґ"):
            return "uk"
        if letters & set("ыэъё"):
            return "ru"
    words = [w.lower() for w in _WORDS.findall(text)]
    kind = "latin" if script is _LATIN else "cyrillic"
    hits = sorted(((sum(w in stop for w in words), lang) for lang, stop in _STOP_WORDS.items()
                   if _SCRIPT_OF[lang] == kind), reverse=True)
    if not hits or hits[0][0] == 0 or (len(hits) > 1 and hits[1][0] == hits[0][0]):
        return None
    return hits[0][1]


def detect(text: str, candidates=None, sample: int = SAMPLE_CHARS) -> str | None:
    """ISO 639-1 code of ``text``'s language ("en", "ru", "uk", ...), or None if too short to tell.

    ``candidates`` (an iterable of codes) restricts the answer to those languages;
    ``sample`` bounds how many characters are read. A text of about one sentence
    asked about without candidates is decided by its script and function words
    (English, Russian, Ukrainian, German, French, Spanish, Italian) where they
    tell; a Latin one they don't tell is left undecided rather than guessed.
    """
    if candidates is None and MIN_LETTERS <= letter_count(text) < SHORT_LETTERS:
        short = _short_text_language(text)
        if short is not None or _script(text) is _LATIN:
            return short  # a Latin sentence without function words: too little to tell
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
