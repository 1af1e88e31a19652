"""A check report's flags as a pandas table (``CheckReport.to_frame``): one row per flag, then one per
article that could not be checked (its kind ``no_translation``/``unreadable``, no ID).

``status`` (``accepted``/``open``) and ``reason`` are the columns a reviewer edits in a
spreadsheet; ``bilingual baseline import`` reads them back.
"""

from __future__ import annotations

import pandas as pd

FLAG_COLUMNS = ["id", "slug", "kind", "level", "status", "reason", "unit", "en_sentence", "ru_sentence", "en_line",
                "ru_line", "term", "expected", "found", "suggestion", "message", "explanation", "en_text", "ru_text",
                "en_path", "ru_path", "accepted"]


def flags_frame(report) -> pd.DataFrame:
    rows = []
    for article, flag in report.flags:
        row = flag.to_dict()
        row.update(slug=article.pair.slug, en_path=article.pair.en_path, ru_path=article.pair.ru_path,
                   status="accepted" if flag.accepted else "open",
                   reason=flag.acceptance.reason if flag.acceptance is not None else "",
                   explanation=flag.explanation_text())
        rows.append(row)
    for item, article in zip(report.not_checked(), report.errors):
        rows.append({"slug": item["slug"], "kind": item["kind"], "level": item["level"], "message": item["reason"],
                     "en_path": article.pair.en_path, "ru_path": article.pair.ru_path, "accepted": False})
    frame = pd.DataFrame(rows, columns=FLAG_COLUMNS)
    for col in ("en_sentence", "ru_sentence", "en_line", "ru_line"):
        frame[col] = frame[col].astype("Int64")
    return frame
