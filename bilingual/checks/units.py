"""Checking a CAT file (XLIFF, PO, TMX): every finished unit is a link through the drift rules."""

from __future__ import annotations

from dataclasses import replace

from ..errors import BilingualError
from ..glossary import matcher_for
from ..glossary.hits import find_hits
from ..model import Alignment, ArticlePair, ArticleResult, Flag
from ..sources.catfiles import _documents, read_units
from .drift import check_alignment
from .rendering import collect_renderings

_STATE_FLAG = {
    "untranslated": ("untranslated", "error", "the target is empty"),
    "fuzzy": ("fuzzy", "warning", "marked fuzzy / needing review: not checked for drift"),
    "needs_translation": ("needs_translation", "warning", "marked as needing translation: not checked for drift"),
}


def check_units(pair: ArticlePair, glossary, *, mode: str = "default", matcher=None,
                keep_alignment: bool = False) -> tuple[ArticleResult, list]:
    """Check a CAT file: every finished unit is a link through the drift rules."""
    from ..checks.drift import check_alignment
    from ..errors import BilingualError
    from ..glossary.hits import find_hits
    from ..checks.rendering import collect_renderings

    try:
        units = read_units(pair.en_path)
    except BilingualError as err:
        return ArticleResult(pair, error=str(err)), []
    en_doc, ru_doc, links = _documents(pair.en_path, units)
    if matcher is None and glossary is not None and len(glossary):
        from ..glossary import matcher_for

        matcher = matcher_for(glossary)
    hits = find_hits(en_doc.sentence_texts, ru_doc.sentence_texts, matcher) if matcher is not None else None
    alignment = Alignment(en_doc, ru_doc, links, mode="units", hits=hits)
    flags = [replace(f, unit=units[f.en_index if f.en_index is not None else f.ru_index].id)
             for f in check_alignment(alignment, glossary, hits=hits)]
    for i, u in enumerate(units):
        if u.state in _STATE_FLAG:
            kind, level, message = _STATE_FLAG[u.state]
            flags.append(Flag(kind, i, i if u.target.strip() else None, u.source, u.target, message=message,
                              level=level, rule=u.state, why=message, unit=u.id))
    flags.sort(key=lambda f: f.en_index if f.en_index is not None else f.ru_index)
    renderings = ([replace(r, unit=units[r.en_index].id) for r in collect_renderings(alignment)]
                  if hits is not None else [])
    from .drift import split_notes

    flags, notes = split_notes(flags)
    return ArticleResult(pair, flags=flags, notes=notes, alignment=alignment if keep_alignment else None), renderings
