"""Numbers written in English or Russian text, in one normalised spelling.

``extract_numbers`` returns every number of a text in order of appearance
(repeats kept), spelled so that the two languages compare equal:

* thousands separators dropped: «10 000», «10 000», "10,000" -> ``10000``;
* decimal separator a dot: «1,5», "1.5" -> ``1.5`` (trailing zeros of a
  fraction dropped, so «1,50» = "1.5");
* a percent sign kept on the number: «70%», «70 %», "70 percent",
  «70 процентов» -> ``70%``;
* ordinal and case endings dropped: «2019-м», «5-й», "5th", "21st" -> the bare
  number; «2014 года» is just ``2014``;
* ranges give both ends: "2019-2020", «10–15» -> ``2019``, ``2020``;
* clock times stay one token: "10:50" -> ``10:50``; "5.30pm", "9 p.m." -> ``17:30``,
  ``21:00`` (the 24-hour clock Russian writes);
* a digit glued to a letter is part of a name, not a number: "G7", "B9".

Number words ("two", «два») are not numbers here. ``number_mentions`` adds what
can stand for a number on the other side — "3 million" is 3 and 3000000
(«3 млн», «3 000 000»), number words in every case form («двух миллионов»,
"eighteen"), Roman numerals («XVII век»), clock hours in words («к девяти часам
вечера») — so that the drift rule compares meanings, not spellings.
``dates`` gives each day-and-month date ("December 10", «10 декабря»).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .units import to_si, unit_after, unit_words
from .value import Mention, _fmt
from .words import word_mentions

# Spaces Russian typography puts between groups of thousands: space,
# no-break space, narrow no-break space, thin space.
_RU_GROUP_SPACES = " \u00a0\u202f\u2009"
# English text uses a comma; a no-break or thin space also occurs (SI style).
_EN_GROUP_SPACES = "\u00a0\u202f\u2009"

_PERCENT_WORDS = {
    "en": r"(?:\s*%|\s+per\s*cent\b|\s+percent\b|\s+pct\b)",
    # «0,5 процентного пункта» is a percentage point, not a percent (nor is "percentage point")
    "ru": r"(?:\s*%|\s+процент(?![а-я]*\s+пункт)[а-я]*|\s+проц\.)",
}


def _number_re(lang: str) -> re.Pattern[str]:
    spaces = _RU_GROUP_SPACES if lang == "ru" else _EN_GROUP_SPACES
    group = f"[{spaces}]" if lang == "ru" else f"(?:,|[{spaces}])"
    decimal = r"[.,]" if lang == "ru" else r"\."
    pattern = (
        r"(?<![\w.,])"  # not inside a word or another number
        r"(?P<time>\d{1,2}:\d{2})(?!\d)"
        r"|"
        r"(?<![\d])(?<![^\W\d_])"  # not glued to a letter: G7, B9 are names
        r"(?P<int>\d{1,3}(?:" + group + r"\d{3})+(?!\d)|\d+)"
        r"(?:" + decimal + r"(?P<frac>\d+))?"
        r"(?P<pct>" + _PERCENT_WORDS.get(lang, _PERCENT_WORDS["en"]) + r")?"
    )
    return re.compile(pattern, re.IGNORECASE)


_REGEXES = {lang: _number_re(lang) for lang in ("en", "ru")}
_DIGIT = re.compile(r"\d")


def _normalise(int_part: str, frac: str | None, pct: bool) -> str:
    digits = re.sub(r"\D", "", int_part)
    digits = digits.lstrip("0") or "0"
    if frac:
        frac = frac.rstrip("0")
        if frac:
            digits = f"{digits}.{frac}"
    return digits + ("%" if pct else "")


@lru_cache(maxsize=65536)
def extract_numbers(text: str, lang: str) -> tuple[str, ...]:
    """All numbers of ``text`` (language ``"en"`` or ``"ru"``), normalised, in order."""
    if not _DIGIT.search(text):
        return ()
    rx = _REGEXES.get(lang, _REGEXES["en"])
    return tuple(m.value for m in _digit_mentions(text, lang))


_SCALE = {
    "en": [(re.compile(r"\s*(?:thousand\b|k\b)", re.I), 1_000),
           (re.compile(r"\s*(?:million\b|mln\b|m\b|mn\b)", re.I), 1_000_000),
           (re.compile(r"\s*(?:billion\b|bn\b|b\b)", re.I), 1_000_000_000),
           (re.compile(r"\s*(?:trillion\b|tn\b)", re.I), 1_000_000_000_000)],
    "ru": [(re.compile(r"\s*(?:тыс\b|тысяч)", re.I), 1_000),
           (re.compile(r"\s*(?:млн\b|миллион)", re.I), 1_000_000),
           (re.compile(r"\s*(?:млрд\b|миллиард)", re.I), 1_000_000_000),
           (re.compile(r"\s*(?:трлн\b|триллион)", re.I), 1_000_000_000_000)],
}
_AMPM = re.compile(r"\s*([ap])\.?\s?m\b\.?", re.I)
_EN_DOT_TIME = re.compile(r"(?<![\w.])(\d{1,2})[.:](\d{2})\s*([ap])\.?\s?m\b\.?", re.I)


def _scaled(value: str, text: str, end: int, lang: str) -> set[str]:
    """``value`` times the scale word right after it, if any ("3 million" -> 3000000)."""
    if "%" in value or ":" in value:
        return set()
    for rx, factor in _SCALE.get(lang, _SCALE["en"]):
        if rx.match(text, end):
            return {_fmt(float(value) * factor)}
    return set()


# «в 14.00», "at 15.30": a clock time written with a dot; "0500 hours", "1400 GMT": a 24-hour time
_ZONE_AFTER = re.compile(r"\s*(?:hours\b|hrs\b|h\b|GMT\b|UTC\b|Z\b|local\b|Moscow time|"
                         r"мск\b|по\s+(?:Гринвичу|московскому|Москве|местному)|ч\b)", re.I)
_EN_PART_OF_DAY = re.compile(r"\s*(?:o['’]clock\s+)?(?:in\s+the\s+(morning|afternoon|evening)|at\s+(night))\b",
                             re.I)
_HOURS_AFTER = {"en": re.compile(r"\s*o['’]clock\b", re.I),
                "ru": re.compile(r"\s*(?:час(?:а|ов)?\b|ч\.?(?!\w))(?!\s*\d)", re.I)}
_RU_PART_OF_DAY = re.compile(r"\s*(?:час\w*\s+)?(утра|вечера|дня|ночи)\b", re.I)
# a percent word after the second of two numbers covers both: «на 4 или до 12 процентов»
_PAIR_JOIN = re.compile(r"^(?:\s|[-–—]|\b(?:and|or|to|and a maximum of|up to|и|или|до|на|по|максимум|минимум|"
                        r"от|from|between)\b)*$", re.I)
# "+7 (495) 229-6201", «229 62 01»: a telephone number, its digits one token however grouped
_PHONE = re.compile(r"(?<![\w.,])(?:\+\d{1,3}[\s\-]?)?(?:\(\d{2,5}\)[\s\-]?)?\d{2,4}(?:[\s\-]\d{2,4}){1,3}(?![\w.,])")
_ONE_PERIOD = re.compile(r"\s+(?:second|minute|hour|day|night|week|month|year|секунд|минут|час|день|дня|"
                         r"сутки|суток|ночь|недел|месяц|год)\w*\b", re.I)
_THOUSANDS = re.compile(r"^\d{1,3}(?:[\s\u00a0\u202f\u2009]\d{3})+$")
_GLUED = re.compile(r"(?<=[^\W\d_])\d+")  # N585, G7, 737MAX: digits glued to a name or a currency letter


def _clock_alts(int_part: str, frac: str | None, text: str, end: int, lang: str) -> set[str]:
    """What else a number may be as a clock time: «14.00» 14:00, "0500 hours" 5:00, «5 утра» 5:00."""
    out: set[str] = set()
    digits = int_part.replace(",", "")
    if frac is not None and len(frac) == 2 and digits.isdigit() and int(digits) <= 23 and int(frac) <= 59:
        out.add(f"{int(digits)}:{frac}")
    if frac is None and len(digits) == 4 and digits.isdigit() and (digits[0] == "0" or _ZONE_AFTER.match(text, end)):
        hh, mm = int(digits[:2]), digits[2:]
        if hh <= 23 and int(mm) <= 59:
            out |= {f"{hh}:{mm}"} | ({str(hh)} if mm == "00" else set())
    if frac is None and digits.isdigit() and int(digits) <= 24 and _HOURS_AFTER[lang].match(text, end):
        out.add(f"{int(digits) % 24}:00")  # «в 18 часов», "at 6 o'clock": a clock hour
    if lang == "en" and frac is None and digits.isdigit() and 1 <= int(digits) <= 12:
        part = _EN_PART_OF_DAY.match(text, end)  # "7 in the evening", "3 o'clock in the afternoon"
        if part:
            when = (part.group(1) or part.group(2)).lower()
            h = int(digits) % 12 + (0 if when == "morning" else 12)
            if when == "night" and (int(digits) <= 5 or int(digits) == 12):
                h = int(digits) % 12  # "2 at night" 2:00, "12 at night" 0:00; "11 at night" 23:00
            out |= {str(h), f"{h}:00"}
    if lang == "ru" and frac is None and digits.isdigit() and 1 <= int(digits) <= 12:
        part = _RU_PART_OF_DAY.match(text, end)
        if part:
            h = int(digits) % 12 + (12 if part.group(1).lower() in ("вечера", "дня") and int(digits) < 12 else 0)
            if part.group(1).lower() == "дня" and int(digits) > 6:
                h = int(digits)  # «11 дня» is late morning
            out |= {str(h), f"{h}:00"}
    return out


# two digits written as a year's short form: after a year and a dash or slash ("1986-87", "2019/20"),
# after an apostrophe ("'86"), joined to a name by a hyphen («США-86», "Euro-96"), or a decade
# («90-е», «90-х годах», "the '90s", "90s")
_YEAR_BEFORE = re.compile(r"(?:(?<!\d)(?:1[89]|20)\d\d\s?[-–—/]\s?|['’‘]|[^\W\d_]-)$")
_DECADE_AFTER = re.compile(r"(?:-(?:е|х|м|ми|ые|ых|ым|ыми)|['’]?s)\b", re.I)


def _year_short(text: str, start: int, end: int, digits: str) -> bool:
    """Whether ``digits`` (as written: "08") at ``text[start:end]`` are a year's short form."""
    return len(digits) == 2 and digits.isdigit() and bool(
        _YEAR_BEFORE.search(text[max(0, start - 8):start]) or _DECADE_AFTER.match(text, end))


def _hour24(h: int, ampm: str) -> int:
    h = h % 12
    return h + 12 if ampm.lower() == "p" else h


@lru_cache(maxsize=65536)
def _digit_mentions(text: str, lang: str) -> tuple[Mention, ...]:
    if not _DIGIT.search(text):
        return ()
    rx = _REGEXES.get(lang, _REGEXES["en"])
    out: list[Mention] = []
    ends: list[int] = []
    taken: list[tuple[int, int]] = []
    for m in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        groups = re.findall(r"\d+", m.group())
        years = all(len(g) == 4 and 1800 <= int(g) <= 2100 for g in groups)  # "2019 2020 2021"
        if len(digits) >= 7 and (len(groups) >= 3 or m.group().startswith(("+", "("))) \
                and not _THOUSANDS.match(m.group()) and not years:
            out.append(Mention(digits, frozenset({digits}), m.start()))
            ends.append(m.end())
            taken.append((m.start(), m.end()))
    if lang == "en":  # "5.30pm" is a time, not the decimal 5.3
        for m in _EN_DOT_TIME.finditer(text):
            h = _hour24(int(m.group(1)), m.group(3))
            value = f"{h}:{m.group(2)}"
            out.append(Mention(value, frozenset({value}), m.start()))
            ends.append(m.end())
            taken.append((m.start(), m.end()))
    for m in rx.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        if m.group("time"):
            hh, mm = m.group("time").split(":")
            value = f"{int(hh)}:{mm}"
            ampm = _AMPM.match(text, m.end()) if lang == "en" else None
            if ampm:
                value = f"{_hour24(int(hh), ampm.group(1))}:{mm}"
            out.append(Mention(value, frozenset({value}), m.start()))
            ends.append(m.end())
            continue
        value = _normalise(m.group("int"), m.group("frac"), bool(m.group("pct")))
        alts = {value} | _scaled(value, text, m.end(), lang)
        if not m.group("pct"):
            alts |= _clock_alts(m.group("int"), m.group("frac"), text, m.end(), lang)
        if lang == "en" and not m.group("frac") and not m.group("pct"):
            ampm = _AMPM.match(text, m.end())
            if ampm and int(value) <= 12:  # "9pm" is 21:00
                h = _hour24(int(value), ampm.group(1))
                value = f"{h}:00"
                alts = {value, str(h)}
        unit = None if m.group("pct") else unit_after(text, m.end(), lang)
        dim = si = None
        if unit:
            dim, si = unit[0], to_si(float(value), unit[1])
        # "(1 month)" for «(месяц)»: one of a period is said by the noun alone; never reported itself
        soft = value == "1" and bool(_ONE_PERIOD.match(text, m.end()))
        out.append(Mention(value, frozenset(alts), m.start(), soft=soft, dim=dim, si=si,
                           unit=unit[2] if unit else "", per=unit[1] if unit else None,
                           year_short=not m.group("frac") and _year_short(text, m.start(), m.end(), m.group("int"))))
        ends.append(m.end())
    out = _shared_percent(out, ends, text)
    out = _shared_scale(out, ends, text, lang)
    out = _ratings(out, ends, text)
    out = _shared_unit(out, text, lang)
    for m in _GLUED.finditer(text):  # never reported, but may account for a number on the other side
        out.append(Mention(m.group(), frozenset({m.group().lstrip("0") or "0"}), m.start(), soft=True))
    out.sort(key=lambda m: m.start)
    return tuple(out)


def _shared_percent(mentions: list[Mention], ends: list[int], text: str) -> list[Mention]:
    """"6 and 15 per cent", «от 6 до 15 процентов»: the first number is a percentage too."""
    out = list(mentions)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if "%" in a.value or ":" in a.value or "%" not in b.value or k >= len(ends):
            continue
        if _PAIR_JOIN.match(text[ends[k]:b.start]):
            out[k] = replace(a, alts=a.alts | {a.value + "%"})
    return out


# «300–400 тысяч», "between 2 and 3 million": a scale word after the second of a range scales both
_RANGE_JOIN = re.compile(r"^\s*(?:[-–—]|\b(?:to|or|and|до|или|и)\b)\s*$", re.I)


def _shared_scale(mentions: list[Mention], ends: list[int], text: str, lang: str) -> list[Mention]:
    out = list(mentions)
    for k in range(min(len(out), len(ends)) - 1):
        a, b = out[k], out[k + 1]
        if "%" in a.value or ":" in a.value or ":" in b.value or k + 1 >= len(ends) \
                or not _RANGE_JOIN.match(text[ends[k]:b.start]) or _scaled(a.value, text, ends[k], lang):
            continue
        scaled = _scaled(b.value.rstrip("%"), text, ends[k + 1], lang)
        if scaled:
            factor = float(next(iter(scaled))) / float(b.value.rstrip("%"))
            out[k] = replace(a, alts=a.alts | {_fmt(float(a.value) * factor)})
    return out


# "5/5", «8 из 10», "9 out of 10": a mark on a scale, one number; said alone («на "5"») it is the mark
_OUT_OF = re.compile(r"^\s*(?:/|из|out\s+of|of)\s*$", re.I)
_SCALES = frozenset({"5", "10", "100"})


def _ratings(mentions: list[Mention], ends: list[int], text: str) -> list[Mention]:
    out: list[Mention] = []
    k = 0
    n = min(len(mentions), len(ends))
    while k < len(mentions):
        a = mentions[k]
        if k + 1 < n:
            b = mentions[k + 1]
            if b.value in _SCALES and a.value.isdigit() and int(a.value) <= int(b.value) and a.dim is None \
                    and _OUT_OF.match(text[ends[k]:b.start]):
                mark = f"{a.value}/{b.value}"
                out.append(Mention(mark, frozenset({mark, a.value}), a.start))
                k += 2
                continue
        out.append(a)
        k += 1
    return out


def _shared_unit(mentions: list[Mention], text: str, lang: str) -> list[Mention]:
    """A bare number after a quantity with a unit, in the same sentence, may be in that unit:
    "drifting at 12mph with an airspeed of 40" (40 mph)."""
    out = []
    last = None
    for m in mentions:
        if m.dim is not None:
            last = m
        elif last is not None and last.si is not None and "%" not in m.value and ":" not in m.value \
                and m.start - last.start < 120:
            factor = last.si / float(last.value) if float(last.value) else None
            if factor and last.dim != "temperature":
                m = replace(m, dim=last.dim, si=float(m.value) * factor, per=last.per)
        out.append(m)
    return out


def has_units(text: str, lang: str) -> bool:
    """Whether a number of ``text`` carries a unit ("100 miles"): equal digits may still differ."""
    return any(m.dim is not None for m in _digit_mentions(text, lang))


def number_mentions(text: str, lang: str) -> tuple[Mention, ...]:
    """Digits (``soft=False``) and the words and numerals that may stand for numbers (``soft=True``)."""
    return _digit_mentions(text, lang) + word_mentions(text, lang) + _unit_word_mentions(text, lang)


@lru_cache(maxsize=65536)
def _unit_word_mentions(text: str, lang: str) -> tuple[Mention, ...]:
    """«больше километра»: about one unit, accounting loosely for a quantity in other units."""
    return tuple(Mention("1", frozenset(), start, soft=True, dim=dim, si=si, loose=True)
                 for start, dim, si in unit_words(text, lang))


_MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december"]
_MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
              "ноября", "декабря"]
_EN_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
            r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY_LIST_EN = r"\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:,|and|&|-|–|—)\s*\d{1,2}(?:st|nd|rd|th)?)*"
_EN_DATE = re.compile(r"\b" + _EN_MONTH + r"\s+(?P<day>" + _DAY_LIST_EN + r")\b"
                      r"|\b(?P<day2>" + _DAY_LIST_EN + r")\s+(?:of\s+)?" + _EN_MONTH.replace("month", "month2")
                      + r"(?!\w)", re.I)
_RU_DATE = re.compile(r"\b(?P<day>\d{1,2}(?:\s*(?:,|и|-|–|—)\s*\d{1,2})*)(?:-?го)?\s+(?P<month>января|февраля|"
                      r"марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\b", re.I)
_DAY = re.compile(r"\d{1,2}")


def dates(text: str, lang: str) -> tuple[tuple[int, int], ...]:
    """``(day, month)`` of each date written with a month name ("December 10", «10 декабря»)."""
    out = []
    if lang == "en":
        for m in _EN_DATE.finditer(text):
            month = (m.group("month") or m.group("month2")).lower()
            idx = next(i for i, name in enumerate(_MONTHS_EN) if name.startswith(month[:3]))
            for day in map(int, _DAY.findall(m.group("day") or m.group("day2"))):  # "December 26 and 27"
                if 1 <= day <= 31:
                    out.append((day, idx + 1))
    else:
        for m in _RU_DATE.finditer(text):
            month = m.group("month").lower()
            idx = _MONTHS_RU.index(month)
            for day in map(int, _DAY.findall(m.group("day"))):  # «26 и 27 декабря»
                if 1 <= day <= 31:
                    out.append((day, idx + 1))
    return tuple(out)


def number_spans(text: str, lang: str) -> list[tuple[int, int, str]]:
    """``(start, stop, normalised)`` for each number of ``text``, as ``extract_numbers`` reads them."""
    if not _DIGIT.search(text):
        return []
    rx = _REGEXES.get(lang, _REGEXES["en"])
    out = []
    for m in rx.finditer(text):
        if m.group("time"):
            hh, mm = m.group("time").split(":")
            out.append((m.start(), m.end(), f"{int(hh)}:{mm}"))
        else:
            out.append((m.start(), m.end(), _normalise(m.group("int"), m.group("frac"), bool(m.group("pct")))))
    return out
