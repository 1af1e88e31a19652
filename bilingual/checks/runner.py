"""Checking articles through the executor: the per-worker state and the chunk of work it runs.

Each worker process receives the run's context (the glossary, the options) once, builds the
glossary matcher and loads pymorphy3 once (``glossary.match.warm_worker``), and keeps them for every chunk it is given.
Log warnings raised while reading a file (a legacy encoding) are caught where the article is read
and handed back with its result, so the command prints them in article order whichever process
read the file.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..executors import captured_warnings
from ..glossary.match import process_matcher, warm_worker
from ..model import ArticlePair, ArticleResult, Glossary
from .article import check_article

# modules a fresh worker process imports before its first chunk
PRELOAD = ("bilingual.checks.runner", "bilingual.align", "bilingual.checks.drift", "bilingual.checks.rendering",
           "bilingual.glossary")


@dataclass(frozen=True)
class Outcome:
    """One article's result, its renderings (for the archive-wide rule) and its reading warnings."""

    result: ArticleResult
    renderings: list
    warnings: tuple[str, ...] = ()


def context_for(glossary: Glossary | None, **options) -> dict:
    """The run's context for the executor: the glossary, the options, the warm-up and preload."""
    return {"glossary": glossary, **options, "warm": warm_worker, "preload": PRELOAD}


def check_chunk(context: dict, pairs: list[ArticlePair]) -> list[Outcome]:
    """The per-article step of `check`, for a few articles: the same code on every executor."""
    glossary = context.get("glossary")
    matcher = process_matcher(glossary)
    out = []
    for pair in pairs:
        with captured_warnings() as warnings:
            result, renderings = check_article(pair, glossary, mode=context.get("mode", "default"),
                                               matcher=matcher, keep_alignment=context.get("keep_alignment", False))
        out.append(Outcome(result, renderings, tuple(warnings)))
    return out


__all__ = ["Outcome", "check_chunk", "context_for"]
