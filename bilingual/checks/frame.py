"""A check report's flags as a pandas table (``CheckReport.to_frame``)."""

from __future__ import annotations

import pandas as pd

FLAG_COLUMNS = ["slug", "kind", "level", "unit", "en_index", "ru_index", "en_line", "ru_line", "term",
                "expected", "found", "message", "en_text", "ru_text", "en_path", "ru_path", "accepted"]


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
