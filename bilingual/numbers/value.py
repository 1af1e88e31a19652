"""The value type of the number reader: a number as read in a text, with what may stand for it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mention:
    """A number in text: its normalised ``value`` and every spelling that may stand for it.

    ``dim`` and ``si`` are set for a quantity with a unit ("100 miles": length, 160934.4 m), so a
    converted quantity on the other side («161 км») accounts for it; ``loose`` marks a unit word
    standing for about one unit («больше километра»).
    """

    value: str
    alts: frozenset[str]
    start: int
    soft: bool = False  # a number word or Roman numeral: accounts for a number, never reported itself
    dim: str | None = None
    si: float | None = None
    loose: bool = False
    unit: str = ""  # the unit as written after the number ("miles", «км»)
    per: float | str | None = None  # SI per one unit ("F"/"C" for temperatures): one unit on both sides
    year_short: bool = False  # two digits written as a year's short form: "1986-87", «90-е», "'86", «США-86»

    @property
    def label(self) -> str:
        """The number as a flag names it: "100 miles (160.9 km)", «100 км», "70%"."""
        if not self.unit:
            return self.value
        return f"{self.value} {self.unit}" + (f" ({_si_text(self.si, self.dim)})" if self.si is not None and
                                               self.dim and not _is_si(self.unit) else "")


_SI = {"length": ("m", "km", 1000.0), "mass": ("kg", "t", 1000.0), "speed": ("m/s", "km/h", 1 / 3.6),
       "area": ("m²", "km²", 1e6), "volume": ("m³", "l", 0.001), "temperature": ("°C", "°C", 1.0)}


def _is_si(unit: str) -> bool:
    low = unit.lower()
    return low.startswith(("к", "м", "с", "л", "°c", "°с", "градус", "ton", "kilo", "km", "kg", "met", "cm", "mm",
                           "lit", "гект", "га", "т"))


def _si_text(si: float | None, dim: str | None) -> str:
    small, big, factor = _SI.get(dim or "", ("", "", 1.0))
    if dim == "speed":
        return f"{si * 3.6:.1f} km/h"
    if dim == "volume":
        return f"{si * 1000:.1f} l"
    if si is not None and abs(si) >= factor and dim != "temperature":
        return f"{si / factor:.1f} {big}"
    return f"{si:.1f} {small}"


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(round(x, 6)).rstrip("0").rstrip(".")


def same_value(a: Mention, b: Mention) -> bool:
    """The same number, and not two quantities in different units ("100 miles", «100 км»)."""
    return a.value == b.value and (a.dim is None or a.dim != b.dim or a.per == b.per or a.loose or b.loose)


def _year_end(year: Mention, short: Mention) -> bool:
    """A year and its last two digits written as its short form ("1986-87", «Мисс США-86», «90-е» for
    "the 1990s"); a bare «20» («20 человек») does not stand for "2020"."""
    return (short.year_short and len(year.value) == 4 and year.value[:2] in ("19", "20")
            and year.value.isdigit() and short.value.zfill(2) == year.value[2:])  # "2007/08"


def accounts(a: Mention, b: Mention) -> bool:
    """Whether ``b`` on the other side may stand for ``a``: same value, a shared spelling, or the
    same quantity after a unit conversion."""
    if a.dim is None or a.dim != b.dim or a.si is None or b.si is None:
        return a.value == b.value or bool(a.alts & b.alts) or _year_end(a, b) or _year_end(b, a)
    # two quantities of one dimension compare by what they measure: "100 miles" is not «100 км»;
    # in one unit on both sides they are the same number or not («86 миль в час» is not "83 mph")
    if a.per is not None and a.per == b.per and not (a.loose or b.loose):
        return a.value == b.value
    from .units import LOOSE, agree

    if a.loose or b.loose:
        exact, rough = (b, a) if a.loose else (a, b)
        return LOOSE[0] * rough.si <= exact.si <= LOOSE[1] * rough.si
    return agree(a.si, b.si, a.dim)
