"""Numbers written as words or Roman numerals, in English and in every Russian case form.

``word_mentions`` finds "eighteen", "two million", «восемнадцати», «двух
миллионов», «XVII», and «девяти часов вечера» (21:00). Russian words are
recognised through pymorphy3's lemmas, so every case form of a numeral counts
(«четырёх», «четырьмя»); Roman numerals are read with ``roman-numerals``. These
mentions are *soft*: they account for a number written in digits on the other
side, and are never reported as a mismatch themselves (a word like «один» is
as often "one of" as the number 1).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .value import Mention, _fmt

_EN_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_EN_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if
            w != "_"}
_EN_CLOCK = {"noon": 12, "midday": 12, "midnight": 0}
_EN_SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
             "trillion": 1_000_000_000_000, "dozen": 12}
_EN_ORDINALS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth".split())}
_EN_ORDINALS.update({w: 10 * (i + 2) for i, w in enumerate(
    "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split())})
_EN_ORDINALS.update({"hundredth": 100, "thousandth": 1000, "millionth": 1_000_000})
# "doubled", "a threefold rise", «вдвое», «утроилась»: how many times, said in one word
_EN_TIMES = re.compile(r"\b(?:(?P<twice>twice)|(?P<mult>double|triple|quadruple|quintuple)[ds]?|"
                       r"(?P<fold>[a-z]+)-?fold)\b", re.I)
_EN_MULT = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
_RU_TIMES = re.compile(r"(?<!\w)(?:в(?P<adv>дво|тро|четверо|пятеро|шестеро|десятеро)е?|"
                       r"(?P<verb>удво|утро|учетвер)\w*)(?!\w)", re.I)
_RU_MULT = {"дво": 2, "тро": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "десятеро": 10, "удво": 2, "утро": 3,
            "учетвер": 4}
_PERCENT_AFTER = re.compile(r"\s*(?:%|per\s*cent\b|percent\b|процент)", re.I)
_EN_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)?")

_RU_VALUES = {
    "ноль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
    "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14,
    "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19,
    "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70,
    "восемьдесят": 80, "девяносто": 90, "сто": 100, "двести": 200, "триста": 300, "четыреста": 400,
    "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
    "полтора": 1.5, "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "оба": 2, "пара": 2, "десяток": 10,
    "дюжина": 12, "сутки": 24, "суточный": 24, "полдень": 12, "полночь": 0,
    # ordinals: «третий раз» for "3rd", «второе февраля», «Людовик Четырнадцатый»
    "первый": 1, "второй": 2, "третий": 3, "четвёртый": 4, "четвертый": 4, "пятый": 5, "шестой": 6,
    "седьмой": 7, "восьмой": 8, "девятый": 9, "десятый": 10, "одиннадцатый": 11, "двенадцатый": 12,
    "тринадцатый": 13, "четырнадцатый": 14, "пятнадцатый": 15, "шестнадцатый": 16, "семнадцатый": 17,
    "восемнадцатый": 18, "девятнадцатый": 19, "двадцатый": 20, "тридцатый": 30, "сороковой": 40,
    "пятидесятый": 50, "шестидесятый": 60, "семидесятый": 70, "восьмидесятый": 80, "девяностый": 90,
    "сотый": 100, "тысячный": 1000,
    "нулевой": 0,  # «в нулевые»: the 2000s, "the 00s"
    # collective numerals beyond «пятеро»
    "шестеро": 6, "семеро": 7, "восьмеро": 8, "девятеро": 9, "десятеро": 10,
}
_RU_SCALE = {"тысяча": 1_000, "миллион": 1_000_000, "миллиард": 1_000_000_000, "триллион": 1_000_000_000_000,
             "тыс": 1_000, "млн": 1_000_000, "млрд": 1_000_000_000}
_RU_CANDIDATE = re.compile(
    r"\b(?:ноль|нул|од[ниу]|дв|тр[иеёо]|четыр|четв[её]р|пят|шест|сем|восем|восьм|девят|десят|сорок|сто|сот|двест|"
    r"трист|тысяч|миллион|миллиард|триллион|тыс|млн|млрд|полтор|полуто|об[ае]|пар|дюжин|сут|полд|полноч|перв|"
    r"втор|трет|седьм|девяност|нулев)\w*", re.I)
_RU_WORD = re.compile(r"[а-яёА-ЯЁ]+")
_ROMAN = re.compile(r"\b(?=[MDCLXVI]{2,}\b|[VX]\b)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\b")
_EVENING = re.compile(r"\s*(?:час\w*\s+)?(вечера|ночи|дня|утра)\b", re.I)


# «восемнадцатилетний», «десятибалльной»: a numeral's genitive stem glued to a measure
_COMPOUND = re.compile(
    r"(одно|двух|трех|четырех|пяти|шести|семи|восьми|девяти|десяти|одиннадцати|двенадцати|тринадцати|"
    r"четырнадцати|пятнадцати|шестнадцати|семнадцати|восемнадцати|девятнадцати|двадцати|тридцати|сорока|"
    r"пятидесяти|шестидесяти|семидесяти|восьмидесяти|девяноста|сто|двухсот|трехсот|пятисот|тысяче)"
    r"(?=лет|летн|балл|дневн|недельн|месячн|часов|минутн|процентн|кратн|этажн|местн|тонн|метров|километров|"
    r"градусн|серийн|томн)")
_COMPOUND_VALUES = {"одно": 1, "двух": 2, "трех": 3, "четырех": 4, "сорока": 40, "девяноста": 90, "сто": 100,
                    "двухсот": 200, "трехсот": 300, "пятисот": 500, "тысяче": 1000}


def _compound_value(low: str) -> float | None:
    m = _COMPOUND.match(low)
    if not m:
        return None
    stem = m.group(1)
    if stem in _COMPOUND_VALUES:
        return _COMPOUND_VALUES[stem]
    return _RU_VALUES.get(stem[:-1] + "ь")  # «пяти» → «пять», «восемнадцати» → «восемнадцать»


def _ru_value(word: str) -> float | None:
    from ..russian import morph

    low = morph.norm(word)
    compound = _compound_value(low)
    if compound is not None:
        return compound
    if low in _RU_SCALE:
        return _RU_SCALE[low]
    if low.startswith(("миллион", "миллиард")):  # «города-миллионники»: cities of a million
        return _RU_SCALE[low[:8] if low.startswith("миллиард") else low[:7]]
    for p in morph.parse(word):
        lemma = morph.norm(p.normal_form)
        if lemma in _RU_VALUES and (p.tag.POS in ("NUMR", "NOUN", "ADJF") or lemma == "оба"):
            return _RU_VALUES[lemma]
        if lemma in _RU_SCALE:
            return _RU_SCALE[lemma]
    return None


def _groups(words: list[tuple[int, int, float]], scales, text: str = "") -> list[tuple[int, int, float]]:
    """Adjacent number words combined: «двадцать пять» = 25, «двух миллионов» = 2000000."""
    out: list[tuple[int, int, float]] = []
    i = 0
    while i < len(words):
        start, stop, value = words[i]
        total, current = 0.0, value
        j = i + 1
        # words of one number stand next to each other («двадцать пять»), not across a comma
        while j < len(words) and words[j][0] - stop <= 2 and (not text or not text[stop:words[j][0]].strip()):
            v = words[j][2]
            if v in scales.values() and v >= 100:
                current = (current or 1) * v
                if v >= 1000:
                    total += current
                    current = 0.0
            else:
                current += v
            stop = words[j][1]
            j += 1
        out.append((start, stop, total + current))
        i = j
    return out


# "noon", «в полдень», "midnight": a clock time in one word
_CLOCK_WORD = re.compile(r"(?:noon|midday|midnight|полд[ен]|полноч)", re.I)


def _mention(start: int, value: float, hours: bool = False, ampm: str | None = None,
             percent: bool = False, clock: bool = False) -> Mention:
    alts = {_fmt(value)} | ({_fmt(value) + "%"} if percent else set())
    if clock:
        alts |= {f"{int(value)}:00"} | ({"24:00"} if value == 0 else set())
    if ampm and value == int(value) and 1 <= value <= 12:
        h = int(value) % 12 + (12 if ampm in ("вечера", "дня") and value < 12 or ampm == "ночи" and value == 12
                               else 0)
        alts |= {str(h), f"{h}:00"}
    return Mention(_fmt(value), frozenset(alts), start, soft=True)


@lru_cache(maxsize=65536)
def word_mentions(text: str, lang: str) -> tuple[Mention, ...]:
    """Soft number mentions of ``text``: number words and Roman numerals."""
    out: list[Mention] = []
    for m in _ROMAN.finditer(text):
        from roman_numerals import RomanNumeral

        try:
            value = str(int(RomanNumeral.from_string(m.group())))
        except ValueError:
            continue
        out.append(Mention(value, frozenset({value}), m.start(), soft=True))
    words: list[tuple[int, int, float]] = []
    if lang == "en":
        for m in _EN_WORD.finditer(text):
            value = 0.0
            parts = m.group().lower().split("-")
            if len(parts) == 1 and parts[0] in _EN_CLOCK:
                out.append(_mention(m.start(), _EN_CLOCK[parts[0]], clock=True))
                continue
            if all(p in _EN_UNITS or p in _EN_TENS or p in _EN_SCALE or p in _EN_ORDINALS for p in parts):
                value = sum(_EN_UNITS.get(p, 0) + _EN_TENS.get(p, 0) + _EN_ORDINALS.get(p, 0) for p in parts)
                if len(parts) == 1 and parts[0] in _EN_SCALE:
                    value = _EN_SCALE[parts[0]]
                words.append((m.start(), m.end(), value))
        scales = _EN_SCALE
    else:
        if not _RU_CANDIDATE.search(text):
            return tuple(out + _times(text, lang))
        for m in _RU_WORD.finditer(text):
            if not _RU_CANDIDATE.match(m.group()):
                continue
            value = _ru_value(m.group())
            if value is not None:
                words.append((m.start(), m.end(), value))
        scales = _RU_SCALE
    for start, stop, value in _groups(words, scales, text):
        ampm = None
        if lang == "ru":
            first = next(s for s, _e, _v in words if s >= start)
            after = _EVENING.match(text, text.find(" ", first) if text.find(" ", first) >= 0 else len(text))
            ampm = after.group(1).lower() if after else None
        out.append(_mention(start, value, ampm=ampm, percent=bool(_PERCENT_AFTER.match(text, stop)),
                            clock=bool(_CLOCK_WORD.match(text, start))))
    out.extend(_times(text, lang))
    return tuple(out)


def _times(text: str, lang: str) -> list[Mention]:
    """How many times, in one word: "quadrupled", "twofold", «вдвое», «утроился»."""
    out = []
    if lang == "en":
        for m in _EN_TIMES.finditer(text):
            if m.group("twice"):
                value = 2
            elif m.group("mult"):
                value = _EN_MULT[m.group("mult").lower()]
            else:
                fold = m.group("fold").lower()
                value = _EN_UNITS.get(fold) or _EN_TENS.get(fold) or _EN_SCALE.get(fold)
                if not value:
                    continue
            out.append(Mention(str(value), frozenset({str(value)}), m.start(), soft=True))
    else:
        for m in _RU_TIMES.finditer(text):
            value = _RU_MULT[(m.group("adv") or m.group("verb")).lower()]
            out.append(Mention(str(value), frozenset({str(value)}), m.start(), soft=True))
    return out
