"""The Jinja2 environment every HTML page is built with: package templates, autoescaping on.

Article and glossary text reach a page only through template variables, which
Jinja2 escapes; the pages carry their own CSS, no script, and a CSP that
forbids loading anything.
"""

from __future__ import annotations

import re
from functools import lru_cache

CSP = "default-src 'none'; style-src 'unsafe-inline'"


@lru_cache(maxsize=1)
def environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("bilingual.report", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals["csp"] = CSP
    env.filters["cssid"] = css_id
    return env


def css_id(name: str) -> str:
    """``name`` reduced to characters safe in an HTML id and a CSS selector."""
    return re.sub(r"[^A-Za-z0-9_-]", "-", str(name))


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)


def human_span(indexes) -> str:
    """0-based sentence indices as a reader counts them: ``(3, 4)`` → ``4–5``."""
    if not indexes:
        return "—"
    first, last = indexes[0] + 1, indexes[-1] + 1
    return str(first) if first == last else f"{first}–{last}"
