"""Checking an archive incrementally: reuse what the cache holds, check the rest, merge in order.

Every article's files are hashed here (cheap next to checking them); the ones
whose stored result matches are decoded from the cache, the others go to the
executor (this process, worker processes, or Dask) and their results are
stored as they come back, a batch per transaction, so a killed run keeps what
it finished. Results are yielded in article order, each marked reused or not.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterator

from .cache import (CheckCache, DamagedRow, decode_renderings, decode_result, encode_renderings, encode_result,
                         content_key)
from ..model import ArticlePair, Glossary
from ..executors import Plan, ordered_map
from .runner import Outcome, check_chunk, context_for

STORE_EVERY = 64  # results per cache transaction


def _reads_files(pair: ArticlePair) -> bool:
    """False for a pair that fails before any file is read (a bad slug, a missing side)."""
    return not getattr(pair, "problem", None) and bool(pair.en_path and pair.ru_path)


def check_articles(pairs: list[ArticlePair], glossary: Glossary | None, *, mode: str = "default",
                   keep_alignments: bool = False, plan: Plan = Plan(),
                   cache: CheckCache | None = None) -> Iterator[tuple[Outcome, bool]]:
    """(outcome, reused) for every pair, in order; only articles the cache can't vouch for are checked."""
    keys: list[str | None] = [content_key(p) if cache is not None else None for p in pairs]
    stored: dict[str, tuple[str, str, str]] = {}
    if cache is not None and not keep_alignments:  # a cached result has no alignment to draw
        stored = cache.lookup([p.slug for p, k in zip(pairs, keys) if k])
    hits: dict[int, Outcome] = {}
    for i, (pair, key) in enumerate(zip(pairs, keys)):
        row = stored.get(pair.slug)
        if key and row and row[0] == key:
            try:  # a row that doesn't decode is checked again (and replaced), never trusted
                result, warnings = decode_result(pair, row[1])
                hits[i] = Outcome(result, decode_renderings(row[2]), warnings)
            except DamagedRow:
                continue
    todo = [p for i, p in enumerate(pairs) if i not in hits and _reads_files(p)]
    context = context_for(glossary, mode=mode, keep_alignment=keep_alignments)
    fresh = ordered_map(check_chunk, todo, context, plan)
    rows: list[tuple[str, str, str, str]] = []
    try:
        for i, pair in enumerate(pairs):
            if i in hits:
                yield hits.pop(i), True
                continue
            if _reads_files(pair):
                outcome = next(fresh)
            else:
                outcome = check_chunk(context, [pair])[0]
            if cache is not None and keys[i] and not outcome.result.error:
                rows.append((pair.slug, keys[i], encode_result(outcome.result, outcome.warnings),
                             encode_renderings(outcome.renderings)))
                if len(rows) >= STORE_EVERY:
                    cache.store(rows)
                    rows = []
            yield outcome, False
    finally:
        fresh.close()
        if cache is not None:
            cache.store(rows)


__all__ = ["check_articles"]


def check_through_cache(pairs: list[ArticlePair], glossary: Glossary | None, *, paths, glossary_sha: str,
                        mode: str = "default", cache: bool | str | Path = False, rebuild: bool = False,
                        keep_alignments: bool = False, plan: Plan = Plan(),
                        whole_corpus: bool = False) -> Iterator[tuple[Outcome, bool]]:
    """``check_articles`` over the check cache of ``paths`` (``cache``: False, True or a file), opened
    and closed here. Once every pair is through, rows of older code, glossaries and settings are pruned
    and, when the pairs are the ``whole_corpus``, articles no longer in it are forgotten. Warnings go
    to the ``bilingual`` log."""
    from .cache import open_check_cache

    log = logging.getLogger("bilingual")
    store = open_check_cache(paths, glossary_sha, mode, cache, rebuild=rebuild)
    try:
        for outcome, reused in check_articles(pairs, glossary, mode=mode, keep_alignments=keep_alignments,
                                              plan=plan, cache=store):
            for warning in outcome.warnings:
                log.warning(warning)
            yield outcome, reused
        if store is not None:
            store.prune()
            if whole_corpus:
                store.forget_others({p.slug for p in pairs})
    finally:
        if store is not None:
            store.close()
