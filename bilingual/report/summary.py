"""The one line a command prints after writing a check report to a file."""

from __future__ import annotations


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def summary_line(report) -> str:
    """``354 flags (168 errors, 170 warnings, 16 info), 12 new, 342 accepted; 198 articles checked,
    2 not checked (no_translation 2)``."""
    flags = [f for _, f in report.flags]
    levels = {lv: sum(1 for f in flags if f.level == lv) for lv in ("error", "warning", "info")}
    parts = [_n(levels["error"], "error"), _n(levels["warning"], "warning"), f"{levels['info']} info"]
    accepted = sum(1 for f in flags if f.accepted)
    line = f"{_n(len(flags), 'flag')} ({', '.join(parts)})"
    if accepted:
        line += f", {len(flags) - accepted} new, {accepted} accepted"
    checked = sum(1 for a in report.articles if not a.error)
    line += f"; {_n(checked, 'article')} checked"
    if report.errors:
        kinds: dict[str, int] = {}
        for a in report.errors:
            kinds[a.not_checked] = kinds.get(a.not_checked, 0) + 1
        line += f", {len(report.errors)} not checked (" + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) + ")"
    return line
