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
* clock times stay one token: "10:50" -> ``10:50``.

Number words ("two", «два») are not numbers here.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Spaces Russian typography puts between groups of thousands: space,
# no-break space, narrow no-break space, thin space.
_RU_GROUP_SPACES = " \u00a0\u202f\u2009"
# English text uses a comma; a no-break or thin space also occurs (SI style).
_EN_GROUP_SPACES = "\u00a0\u202f\u2009"

_PERCENT_WORDS = {
    "en": r"(?:\s*%|\s+per\s*cent\b|\s+percent\b|\s+pct\b)",
    "ru": r"(?:\s*%|\s+процент[а-я]*|\s+проц\.)",
}


def _number_re(lang: str) -> re.Pattern[str]:
    spaces = _RU_GROUP_SPACES if lang == "ru" else _EN_GROUP_SPACES
    group = f"[{spaces}]" if lang == "ru" else f"(?:,|[{spaces}])"
    decimal = r"[.,]" if lang == "ru" else r"\."
    pattern = (
        r"(?<![\w.,])"  # not inside a word or another number
        r"(?P<time>\d{1,2}:\d{2})(?!\d)"
        r"|"
        r"(?<![\d])"
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
    out: list[str] = []
    for m in rx.finditer(text):
        if m.group("time"):
            hh, mm = m.group("time").split(":")
            out.append(f"{int(hh)}:{mm}")
            continue
        out.append(_normalise(m.group("int"), m.group("frac"), bool(m.group("pct"))))
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
