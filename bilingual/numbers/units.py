"""Units after a number, read as a quantity in SI units, so a translator's conversion compares equal.

"100 miles" is 160.9 km and «160 км» says the same; «100 км» does not. ``unit_after`` reads the
unit written right after a number (English or Russian, imperial or metric) and returns its
dimension and the factor to the SI unit; ``to_si`` applies it (°F/°C need an offset). Two
quantities of one dimension agree when they are within ``TOLERANCE`` of each other: translators
round a conversion («около 160 км» for 99.4 miles).

A Russian unit word with no number before it («на высоте в километр», «больше километра») is an
approximate quantity of one unit: ``unit_words`` finds those, to account loosely for an English
quantity the translator gave in words.
"""

from __future__ import annotations

import re

TOLERANCE = 0.08  # relative difference two converted quantities may have
LOOSE = (0.4, 2.5)  # «километр» without a number: from 0.4 to 2.5 km

# unit pattern (after the number) -> (dimension, factor to SI; "F"/"C" for temperatures)
_EN_UNITS: list[tuple[str, str, float | str]] = [
    (r"nautical\s+miles?|nmi", "length", 1852.0),
    (r"miles?\s+(?:per|an|a)\s+hour|mph", "speed", 0.44704),
    (r"knots?|kts?", "speed", 0.514444),
    (r"kilomet(?:er|re)s?\s+(?:per|an|a)\s+hour|km/h|kph|km\s*/\s*h", "speed", 1 / 3.6),
    (r"square\s+miles?|sq\.?\s*mi", "area", 2_589_988.0),
    (r"square\s+(?:feet|foot)|sq\.?\s*ft", "area", 0.092903),
    (r"square\s+met(?:er|re)s?|sq\.?\s*m\b|m2|m²", "area", 1.0),
    (r"square\s+kilomet(?:er|re)s?|sq\.?\s*km|km2|km²", "area", 1e6),
    (r"acres?", "area", 4046.86),
    (r"hectares?|ha\b", "area", 10_000.0),
    (r"miles?|mi\b", "length", 1609.344),
    (r"(?:feet|foot|ft)\b", "length", 0.3048),
    (r"inch(?:es)?", "length", 0.0254),
    (r"yards?|yds?\b", "length", 0.9144),
    (r"kilomet(?:er|re)s?|km\b", "length", 1000.0),
    (r"centimet(?:er|re)s?|cm\b", "length", 0.01),
    (r"millimet(?:er|re)s?|mm\b", "length", 0.001),
    (r"met(?:er|re)s?|m\b", "length", 1.0),
    (r"pounds?|lbs?\b", "mass", 0.453592),
    (r"ounces?|oz\b", "mass", 0.0283495),
    (r"kilo(?:gram(?:me)?s?)?|kg\b", "mass", 1.0),
    (r"grams?|grammes?|g\b", "mass", 0.001),
    (r"short\s+tons?", "mass", 907.185),
    (r"tonnes?|(?:metric\s+)?tons?", "mass", 1000.0),  # news "tons" are most often metric
    (r"gallons?|gal\b", "volume", 0.00378541),
    (r"lit(?:er|re)s?|l\b", "volume", 0.001),
    (r"°\s*F|degrees?\s+Fahrenheit|F\b(?=\s*[).,;]|\s*$)", "temperature", "F"),
    (r"°\s*C|degrees?\s+C(?:elsius|entigrade)", "temperature", "C"),
]
_RU_UNITS: list[tuple[str, str, float | str]] = [
    (r"морск\w*\s+мил\w*", "length", 1852.0),
    (r"км\s*/\s*ч|километр\w*\s+в\s+час", "speed", 1 / 3.6),
    (r"мил\w*\s+в\s+час", "speed", 0.44704),
    (r"узл\w*", "speed", 0.514444),
    (r"кв\.?\s*км|км²|квадратн\w+\s+километр\w*", "area", 1e6),
    (r"кв\.?\s*м\b|м²|квадратн\w+\s+метр\w*", "area", 1.0),
    (r"гектар\w*|га\b", "area", 10_000.0),
    (r"акр\w*", "area", 4046.86),
    (r"км\b|километр\w*", "length", 1000.0),
    (r"см\b|сантиметр\w*", "length", 0.01),
    (r"мм\b|миллиметр\w*", "length", 0.001),
    (r"м\b|метр\w*", "length", 1.0),
    (r"мил[ьяие]\w*", "length", 1609.344),
    (r"фут\w*", "length", 0.3048),
    (r"дюйм\w*", "length", 0.0254),
    (r"кг\b|килограмм\w*", "mass", 1.0),
    (r"грамм\w*", "mass", 0.001),
    (r"тонн\w*", "mass", 1000.0),
    (r"фунт\w*", "mass", 0.453592),
    (r"л\b|литр\w*", "volume", 0.001),
    (r"галлон\w*", "volume", 0.00378541),
    (r"°\s*[CС]|градус\w*(?:\s+(?:по\s+)?Цельси\w*)?", "temperature", "C"),
    (r"°\s*F|градус\w*\s+(?:по\s+)?Фаренгейт\w*", "temperature", "F"),
]


def _compile(table, joiner):
    return [(re.compile(joiner + r"(?:" + rx + r")", re.I), dim, factor) for rx, dim, factor in table]


# "a 5-mile walk" joins the unit with a hyphen; «2019-м» is an ordinal, not metres
_TABLES = {"en": _compile(_EN_UNITS, r"\s?-?"), "ru": _compile(_RU_UNITS, r"\s?")}


def unit_after(text: str, end: int, lang: str) -> tuple[str, float | str, str] | None:
    """``(dimension, factor, unit as written)`` of the unit right after a number ending at ``end``."""
    for rx, dim, factor in _TABLES.get(lang, _TABLES["en"]):
        m = rx.match(text, end)
        if m:
            return dim, factor, m.group().strip(" -")
    return None


def to_si(value: float, factor: float | str) -> float:
    if factor == "F":
        return (value - 32) * 5 / 9
    if factor == "C":
        return value
    return value * float(factor)


def agree(a: float, b: float, dim: str) -> bool:
    """Two quantities in SI units that a translator's rounding keeps equal."""
    if dim == "temperature":
        return abs(a - b) <= 1.5  # °C rounded to the degree, and °F converted
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b))


# A unit word standing alone for about one unit: «на высоте в километр», «больше километра»
_RU_UNIT_WORD = re.compile(r"(?<![\w-])(километр|метр|мил|фут|килограмм|тонн|литр)(?:а|у|ом|е|ы|ов|ь|я|ю|и|ей)?"
                           r"(?!\w)", re.I)
_RU_WORD_UNITS = {"километр": ("length", 1000.0), "метр": ("length", 1.0), "мил": ("length", 1609.344),
                  "фут": ("length", 0.3048), "килограмм": ("mass", 1.0), "тонн": ("mass", 1000.0),
                  "литр": ("volume", 0.001)}
_BEFORE_NUMBER = re.compile(r"\d[\d\s.,]*$")


def unit_words(text: str, lang: str) -> list[tuple[int, str, float]]:
    """``(start, dimension, SI value of one unit)`` of Russian unit words with no number before them."""
    if lang != "ru":
        return []
    out = []
    for m in _RU_UNIT_WORD.finditer(text):
        if _BEFORE_NUMBER.search(text[max(0, m.start() - 12):m.start()]):
            continue  # «5 километров»: the number carries it
        if m.group(1).lower() == "мил" and not m.group(0).lower()[3:] in ("я", "ю", "и", "е", "ь", "ей"):
            continue
        dim, factor = _RU_WORD_UNITS[m.group(1).lower()]
        out.append((m.start(), dim, factor))
    return out
