"""A mirror's pairing as plain text: the pairs, then the problems, then counts. Paths are shown as
in the JSON output and in `check`: the mirror folder as given, then the page."""

from __future__ import annotations


def render_pairs(result) -> str:
    """One line a pair (EN  RU  method) and a problem (kind  page  message)."""
    lines = []
    rows = [(p.en_path, p.ru_path, p.method) for p in result.pairs]
    width = max((len(r[0]) for r in rows), default=0)
    width_ru = max((len(r[1]) for r in rows), default=0)
    lines += [f"{en:<{width}}  {ru:<{width_ru}}  {method}" for en, ru, method in rows]
    if result.problems:
        lines.append("")
        kw = max(len(p.kind) for p in result.problems)
        pw = max(len(p.path) for p in result.problems)
        for p in result.problems:
            target = f" ({p.target})" if p.target else ""
            lines.append(f"{p.kind:<{kw}}  {p.path:<{pw}}  {p.message}{target}")
    counts = result.counts()
    summary = f"{len(result.pairs)} pair(s) of {result.pages} page(s)"
    if counts:
        summary += "; " + ", ".join(f"{k} {v}" for k, v in counts.items())
    lines += ["", summary]
    return "\n".join(lines) + "\n"
