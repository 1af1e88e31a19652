"""A mirror's pairing as plain text: the pairs, then the problems, then counts."""

from __future__ import annotations

import os


def _rel(path: str, root: str) -> str:
    try:
        return os.path.relpath(path, root)
    except ValueError:
        return path


def _shown_target(target: str, root: str) -> str:
    """A page of the mirror under the mirror; an href that leads outside it as written."""
    inside = os.path.normpath(target).startswith(os.path.normpath(root) + os.sep)
    return _rel(target, root) if inside else target


def render_pairs(result) -> str:
    """One line a pair (EN  RU  method) and a problem (kind  page  message); paths under the mirror."""
    lines = []
    rows = [(_rel(p.en_path, result.root), _rel(p.ru_path, result.root), p.method) for p in result.pairs]
    width = max((len(r[0]) for r in rows), default=0)
    width_ru = max((len(r[1]) for r in rows), default=0)
    lines += [f"{en:<{width}}  {ru:<{width_ru}}  {method}" for en, ru, method in rows]
    if result.problems:
        lines.append("")
        kw = max(len(p.kind) for p in result.problems)
        pw = max(len(_rel(p.path, result.root)) for p in result.problems)
        for p in result.problems:
            target = f" ({_shown_target(p.target, result.root)})" if p.target else ""
            lines.append(f"{p.kind:<{kw}}  {_rel(p.path, result.root):<{pw}}  {p.message}{target}")
    counts = result.counts()
    summary = f"{len(result.pairs)} pair(s) of {result.pages} page(s)"
    if counts:
        summary += "; " + ", ".join(f"{k} {v}" for k, v in counts.items())
    lines += ["", summary]
    return "\n".join(lines) + "\n"
