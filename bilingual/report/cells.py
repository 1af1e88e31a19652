"""Spreadsheet-safe cells: every table the tool writes (CSV, TSV) goes through ``neutralise``."""

from __future__ import annotations

# A cell starting with one of these is run as a formula by Excel/LibreOffice.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Prefix a would-be formula with an apostrophe so spreadsheets show it as text."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
