"""The gender of an English given name, from the ``gender-guesser`` name list.

The list (``gender_guesser/data/nam_dict.txt``, Jörg Michael's ``gender.c``
dictionary of about 40,000 first names of 50+ countries, each marked male,
female, mostly male, mostly female or unisex) reads the English side of a
sentence pair: "Meryl Streep", "Nancy Pelosi", "Aleksandra Furmanova". A Russian
rendering doesn't say as much: pymorphy3 guesses «Мерил» as a masculine noun.

Loading the list takes about half a second, so it happens on the first call.
"""

from __future__ import annotations

from functools import lru_cache

_FEMALE = {"female": "femn", "mostly_female": "femn", "male": "masc", "mostly_male": "masc"}


@lru_cache(maxsize=1)
def _detector():
    import gender_guesser.detector as gender_detector

    return gender_detector.Detector(case_sensitive=False)


@lru_cache(maxsize=20_000)
def given_name_gender(word: str) -> str | None:
    """``femn`` or ``masc`` for an English given name the list knows (mostly so counts), else None.

    Unisex names ("Andy", "Sasha") and words that aren't given names give None.
    """
    word = word.strip(".,;:'’")
    if len(word) < 2 or not word.isalpha() or not word[0].isupper() or word.isupper():
        return None
    return _FEMALE.get(_detector().get_gender(word))


def is_given_name(word: str) -> bool:
    """Whether the list knows ``word`` as a given name of either gender (unisex too)."""
    word = word.strip(".,;:'’")
    if len(word) < 2 or not word.isalpha() or not word[0].isupper() or word.isupper():
        return False
    return _detector().get_gender(word) != "unknown"


__all__ = ["given_name_gender", "is_given_name"]
