"""The glossary: loading and validation, matching in English and Russian text."""

from __future__ import annotations

from .load import (
    COLUMNS,
    glossary_from_frame,
    glossary_to_frame,
    load_glossary,
    parse_glossary,
    save_glossary,
)
from .hits import SideHits, TermHits, find_hits
from .match import Matcher, matcher_for

__all__ = [
    "COLUMNS",
    "Matcher",
    "SideHits",
    "TermHits",
    "find_hits",
    "glossary_from_frame",
    "glossary_to_frame",
    "load_glossary",
    "matcher_for",
    "parse_glossary",
    "save_glossary",
]
