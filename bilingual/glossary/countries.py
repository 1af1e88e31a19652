"""What English text calls a country besides its glossary name: aliases, demonyms, its capital.

The data is the ``countryinfo`` package's (one JSON record per country: name,
``altSpellings``, ``demonym``, ``capital``), looked up by exact name, never by
fuzzy match. From it:

* **aliases** — the other English names of a country ("USA", "UK", "Great
  Britain", "Russian Federation", "Holland"). ISO codes are dropped, since
  "IT", "IN", "NO" or "DEU" in a headline are no country names, except the few
  a newspaper does write as names (``_CODES_IN_USE``); names in other scripts
  or with diacritics (native spellings) are dropped too.
* **demonyms** — the adjective and its plural ("German", "Germans";
  "British"), which name the country as much as its noun.
* **capital** — for metonymy ("Moscow said" for Russia).

``_SHORT_NAMES`` adds the two everyday short names countryinfo lacks
("Britain", "America"), as the Oxford style guides and the AP Stylebook use
them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# ISO codes English news does write as a country's name.
_CODES_IN_USE = frozenset({"US", "USA", "UK", "UAE", "DRC", "PRC", "DPRK", "ROK"})
_SHORT_NAMES = {"united kingdom": ("Britain",), "united states": ("America",)}
_ASCII_NAME = re.compile(r"^[A-Za-z][A-Za-z .'&,-]*$")


@dataclass(frozen=True)
class Country:
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str
    code: str


def _plural(demonym: str) -> tuple[str, ...]:
    # Americans, Germans, Greeks; "British", "French", "Chinese", "Swiss" have no -s plural
    return (demonym,) if demonym.endswith(("sh", "ch", "ese", "ss", "s")) else (demonym, demonym + "s")


@lru_cache(maxsize=1)
def _index() -> dict[str, Country]:
    try:
        from countryinfo import all_countries
    except ImportError:  # pragma: no cover - a core dependency
        return {}
    index: dict[str, Country] = {}
    for c in all_countries():
        info = c.info()
        name = info.get("name") or ""
        iso = info.get("ISO") or {}
        codes = {str(v).upper() for v in iso.values()}
        aliases = []
        for alt in [name, *info.get("altSpellings", ())]:
            alt = alt.strip()
            if not alt or not _ASCII_NAME.match(alt) or "," in alt:
                continue  # "Korea, Republic of": a catalogue form, not prose
            if alt.upper() in codes and alt not in _CODES_IN_USE:
                continue
            aliases.append(alt)
        aliases += _SHORT_NAMES.get(name.lower(), ())
        demonym = (info.get("demonym") or "").strip()
        capital = info.get("capital") or ""
        if isinstance(capital, list):  # a few countries list several
            capital = capital[0] if capital else ""
        country = Country(
            name=name,
            aliases=tuple(dict.fromkeys(aliases)),
            demonyms=_plural(demonym) if demonym and _ASCII_NAME.match(demonym) else (),
            capital=str(capital).strip(),
            code=str(iso.get("alpha2", "")).upper(),
        )
        for key in country.aliases:
            index.setdefault(key.lower(), country)
    return index


def country_named(name: str) -> Country | None:
    """The country ``name`` (any of its English names, exact, case-insensitive) stands for."""
    return _index().get(name.strip().lower())


def aliases_of(name: str) -> tuple[str, ...]:
    """The other English names of the country called ``name`` (empty if it isn't one)."""
    c = country_named(name)
    if c is None:
        return ()
    low = name.strip().lower()
    return tuple(a for a in c.aliases if a.lower() != low)


def demonyms_of(name: str) -> tuple[str, ...]:
    c = country_named(name)
    return c.demonyms if c else ()


def capital_of(name: str) -> str:
    c = country_named(name)
    return c.capital if c else ""


@lru_cache(maxsize=1)
def _demonym_index() -> dict[str, Country]:
    index: dict[str, Country] = {}
    for country in _index().values():
        for d in country.demonyms:
            index.setdefault(d, country)
    return index


def country_of(name: str) -> Country | None:
    """The country an English word or phrase names: one of its names ("UK", "U.S." as "US")
    or its demonym ("Spanish", "Germans"; exact, capitalised)."""
    c = country_named(name) or country_named(name.replace(".", ""))
    return c or _demonym_index().get(name.strip())


@lru_cache(maxsize=512)
def russian_names(name: str) -> tuple[str, ...]:
    """The country's names in Russian: CLDR's (``babel``, «Соединенные Штаты», «Испания»)
    and the short names the Russian press uses for it (``russian.derived.short_names``:
    «США», «Британия»)."""
    from ..russian.derived import _SHORT, short_names

    c = country_named(name)
    if c is None or not c.code:
        return ()
    try:
        from babel import Locale
    except ImportError:  # pragma: no cover - a core dependency
        return ()
    cldr = Locale("ru").territories.get(c.code, "")
    cldr = re.sub(r"\s*\(.*\)$", "", cldr).strip()
    if not cldr:
        return ()
    names = [cldr, *short_names(cldr)]
    low = cldr.lower().replace("ё", "е")
    names += [k.upper() if len(k) <= 4 else k.title() for k, v in _SHORT.items()
              if low in (x.lower().replace("ё", "е") for x in v)]
    return tuple(dict.fromkeys(names))


# a trailing abbreviation of a capital's name: "Washington D.C." is "Washington" in prose
_TRAILING_INITIALS = re.compile(r"\s+(?:[A-Z]\.){2,}$")


def capital_names(capital: str) -> tuple[str, ...]:
    """The names prose gives ``capital``: as written, and without a trailing abbreviation
    ("Washington D.C.", "Washington"). Never a shorter name otherwise: "Mexico" is a country,
    "Mexico City" its capital."""
    capital = capital.strip()
    short = _TRAILING_INITIALS.sub("", capital)
    return tuple(dict.fromkeys(n for n in (capital, short) if n))


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    return frozenset(n.lower() for c in _index().values() if c.capital for n in capital_names(c.capital))


def is_capital(name: str) -> bool:
    """Whether ``name`` is a country's capital, by exact name ("Moscow", "Mexico City",
    "Washington"; not "Mexico" or "Kuwait"): «столичный» may stand for it."""
    return name.strip().lower() in _capitals()
