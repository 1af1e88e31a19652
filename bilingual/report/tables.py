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


def xlsx_bytes(frame: pd.DataFrame) -> bytes:
    """The table as an Excel workbook (sheet «flags»), every text cell neutralised, the ``status``
    column a drop-down of accepted/open, the header frozen."""
    from openpyxl import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = "flags"
    columns = list(frame.columns)
    sheet.append(columns)
    for row in frame.itertuples(index=False):
        sheet.append([None if pd.isna(v) else neutralise(v) if isinstance(v, str) else
                      (int(v) if hasattr(v, "__int__") and not isinstance(v, (bool, float)) else v) for v in row])
    if "status" in columns and len(frame):
        letter = sheet.cell(row=1, column=columns.index("status") + 1).column_letter
        choice = DataValidation(type="list", formula1='"accepted,open"', allow_blank=True)
        sheet.add_data_validation(choice)
        choice.add(f"{letter}2:{letter}{len(frame) + 1}")
    sheet.freeze_panes = "A2"
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()
