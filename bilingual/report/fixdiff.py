"""fix's unified diff for a terminal: the replaced words marked in the removed and added lines, so
a change inside a long paragraph line is seen at a glance."""

from __future__ import annotations

import re

from rich.text import Text


def highlight_diff(diff: str, changes) -> Text:
    """``diff`` as rich Text: ``-`` lines red with each replaced form reversed, ``+`` lines green with
    each new form reversed, headers bold."""
    old = sorted({c.old for c in changes}, key=len, reverse=True)
    new = sorted({c.new for c in changes}, key=len, reverse=True)
    text = Text()
    for line in diff.splitlines(keepends=True):
        if line.startswith(("---", "+++")):
            text.append(line, style="bold")
        elif line.startswith("@@"):
            text.append(line, style="cyan")
        elif line.startswith("-"):
            text.append_text(_marked(line, old, "red", "bold reverse red"))
        elif line.startswith("+"):
            text.append_text(_marked(line, new, "green", "bold reverse green"))
        else:
            text.append(line)
    return text


def _marked(line: str, forms: list[str], base: str, mark: str) -> Text:
    out = Text(line, style=base)
    if forms:
        for m in re.finditer("|".join(re.escape(f) for f in forms), line):
            out.stylize(mark, m.start(), m.end())
    return out
