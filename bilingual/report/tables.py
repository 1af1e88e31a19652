"""Flags as pandas tables, and CSV that is safe to open in Excel."""

from __future__ import annotations

import io

import pandas as pd

FLAG_COLUMNS = ["slug", "kind", "level", "unit", "en_index", "ru_index", "en_line", "ru_line", "term",
                "expected", "found", "message", "en_text", "ru_text", "en_path", "ru_path", "accepted"]

# A cell starting with one of these is run as a formula by Excel/LibreOffice.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Prefix a would-be formula with an apostrophe so spreadsheets show it as text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def flags_frame(report) -> pd.DataFrame:
    rows = []
    for article, flag in report.flags:
        row = flag.to_dict()
        row.update(slug=article.pair.slug, en_path=article.pair.en_path, ru_path=article.pair.ru_path)
        rows.append(row)
    frame = pd.DataFrame(rows, columns=FLAG_COLUMNS)
    for col in ("en_index", "ru_index", "en_line", "ru_line"):
        frame[col] = frame[col].astype("Int64")
    return frame


def safe_csv(frame: pd.DataFrame) -> str:
    """CSV text with every string cell neutralised against formula injection."""
    clean = frame.copy()
    for col in clean.columns:
        if pd.api.types.is_object_dtype(clean[col]) or pd.api.types.is_string_dtype(clean[col]):
            clean[col] = clean[col].map(neutralise)
    buf = io.StringIO()
    clean.to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue()
