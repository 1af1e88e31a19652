"""A corpus folder's layout: ``<slug>/en.md`` and ``<slug>/ru.md`` (or .txt, .html, .docx)."""

from __future__ import annotations

import os
from pathlib import Path

TEXT_SUFFIXES = (".md", ".markdown", ".txt")
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = (".md", ".txt", ".html", ".htm", ".markdown", ".docx")


def is_slug_dir(d: Path) -> bool:
    """Whether ``d`` holds an English or Russian article file (a ``<slug>/`` folder of a corpus)."""
    return any(os.path.lexists(d / f"{lang}{s}") for lang in ("en", "ru") for s in ARTICLE_SUFFIXES)
