"""The value type of the number reader: a number as read in a text, with what may stand for it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mention:
    """A number in text: its normalised ``value`` and every spelling that may stand for it."""

    value: str
    alts: frozenset[str]
    start: int
    soft: bool = False  # a number word or Roman numeral: accounts for a number, never reported itself


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(round(x, 6)).rstrip("0").rstrip(".")
