"""The Jinja2 environment every HTML page is built with: package templates, autoescaping on.

Article and glossary text reach a page only through template variables, which
Jinja2 escapes; the pages carry their own CSS and a CSP that forbids loading
anything. The check report's one script (``templates/check.js``, no data in it)
is inlined and allowed by its SHA-256 in the CSP, so no other script can run.
"""

from __future__ import annotations

import re
from functools import lru_cache

CSP = "default-src 'none'; style-src 'unsafe-inline'"


def _script() -> str:
    from importlib.resources import files

    return files("bilingual.report").joinpath("templates/check.js").read_text(encoding="utf-8")


SCRIPT = _script()


def csp(script: str | None = SCRIPT) -> str:
    """The page's Content-Security-Policy: nothing loaded; ``script`` (inline) the one allowed to run."""
    if not script:
        return CSP
    import base64
    import hashlib

    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return f"{CSP}; script-src 'sha256-{digest}'"


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
