"""Flags as pandas tables, and CSV that is safe to open in Excel."""

from __future__ import annotations

import io

import pandas as pd

from ..checks.frame import FLAG_COLUMNS, flags_frame  # noqa: F401  (report tables start from these)

from .cells import FORMULA_START as _FORMULA_START, neutralise  # noqa: F401  (one rule for every table)


def safe_csv(frame: pd.DataFrame) -> str:
    """CSV text with every string cell neutralised against formula injection."""
    clean = frame.copy()
    for col in clean.columns:
        if pd.api.types.is_object_dtype(clean[col]) or pd.api.types.is_string_dtype(clean[col]):
            clean[col] = clean[col].map(neutralise)
    buf = io.StringIO()
    clean.to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue()
