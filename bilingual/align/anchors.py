"""Anchors: tokens that survive translation and tie an English sentence to its
Russian counterpart -- numbers, names (by transliteration), Latin words kept
in Russian, glossary terms and a few punctuation marks.

Each sentence becomes a dict ``anchor -> weight``; two sentences share the
weight of the anchors they have in common. Everything here is computed once
per sentence and cached per token form, so it stays cheap next to the DP.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..numbers.reader import extract_numbers
from ..russian.translit import name_key

# Weights learned on dev-hard (see benchmarks/align_eval.py --tune).
W_NUMBER = 1.0
W_NAME = 0.42
W_GLOSSARY = 1.0
W_PUNCT = 0.35
W_LATIN = 1.0

# A capitalised word, an acronym, or a Latin word inside Russian text.
_EN_NAME_RE = re.compile(r"\b[A-Z][A-Za-z'\-]*[A-Za-z]")
_RU_NAME_RE = re.compile(r"\b(?:[А-ЯЁ][а-яёА-ЯЁ\-]*[а-яёА-ЯЁ]|[A-Za-z][A-Za-z'\-]*[A-Za-z])")

# Words capitalised for grammar, not because they are names.
_EN_STOP = frozenset(
    "The A An This That These Those It Its He She They We I You In On At Of For From By With As But And Or "
    "If When While After Before Since Until Although Though Because So Yet Not No Yes Mr Mrs Ms Dr There "
    "Here What Who Whom Whose Which Why How All Some Many Most Such One Two Three His Her Their Our My "
    "Your Monday Tuesday Wednesday Thursday Friday Saturday Sunday Also However According Last Next "
    "Now Then Earlier Later Meanwhile".split()
)
_RU_STOP = frozenset(
    "В Во На По С Со К Ко О Об У И А Но Или Что Как Это Этот Эта Эти Он Она Они Оно Мы Я Вы Ты Его Ее Её "
    "Их Из За Для При Так Также Если Когда После До Перед Хотя Потому Не Ни Да Нет Там Тут Где Кто Все "
    "Всё Уже Еще Ещё Же Бы Ли По-прежнему Однако Кроме Между Среди Об Обо Над Под Через Сейчас Теперь "
    "Тогда Позже Ранее Вместе Также Лишь Только Даже".split()
)

_PUNCT = (
    ("?", "p?"),
    ("!", "p!"),
    (":", "p:"),
    ("(", "p("),
)
_QUOTES_RE = re.compile(r"[\"“”«»„]")


@lru_cache(maxsize=262144)
def _en_names(text: str) -> tuple[str, ...]:
    # "k": the name's transliteration key; "l": the word itself, in case the
    # Russian keeps it in Latin letters (Reuters, AliExpress).
    keys = []
    for w in _EN_NAME_RE.findall(text):
        if w in _EN_STOP:
            continue
        k = name_key(w)
        if k:
            keys.append("k" + k)
        keys.append("l" + w.lower())
    return tuple(keys)


@lru_cache(maxsize=262144)
def _ru_names(text: str) -> tuple[str, ...]:
    keys = []
    for w in _RU_NAME_RE.findall(text):
        if w in _RU_STOP:
            continue
        k = name_key(w)
        if k:
            keys.append("k" + k)
        if w.isascii() and not w.islower():
            # Reuters, NATO, iPhone; a lowercase Latin word is a stray English phrase.
            keys.append("l" + w.lower())
    return tuple(keys)


def sentence_anchors(text: str, lang: str, matcher=None, *, hits=None) -> dict[str, float]:
    """The anchors of one sentence with their weights; glossary terms from ``hits`` or ``matcher``."""
    out: dict[str, float] = {}
    for num in extract_numbers(text, lang):
        out["n" + num] = W_NUMBER
    for key in _en_names(text) if lang == "en" else _ru_names(text):
        out.setdefault(key, W_NAME if key[0] == "k" else W_LATIN)
    for ch, key in _PUNCT:
        if ch in text:
            out[key] = W_PUNCT
    if _QUOTES_RE.search(text):
        out["pq"] = W_PUNCT
    if hits is None and matcher is not None:
        hits = matcher.find_en(text) if lang == "en" else matcher.find_ru(text)
    if hits:
        for hit in hits:
            out["g" + hit.term.en.lower()] = W_GLOSSARY
    return out
