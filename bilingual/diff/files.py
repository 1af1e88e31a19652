"""The diff from files: read, check the languages, then diff."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import UsageError
from .stale import Stale, stale_translations
from .versions import DiffResult, diff_versions


def _read(path, lang: str | None):
    from ..sources.corpus import read_document

    return read_document(path, lang)


def _glossary(path):
    if path is None:
        return None
    from ..glossary import load_glossary

    return load_glossary(path)


def diff_files(old: str | Path, new: str | Path, *, en: str | Path | None = None,
               glossary: str | Path | None = None, lang: str | None = None) -> DiffResult:
    """Diff two versions of an article on disk (``lang`` defaults to the file
    name's, else the detected language); ``en`` and ``glossary`` as in
    :func:`diff_versions`."""
    from ..sources.corpus import check_languages

    if glossary is not None and en is None:
        raise UsageError("--glossary needs --en: term flags come from comparing each version with the English")
    old_doc, new_doc = _read(old, lang), _read(new, lang)
    if old_doc.lang != new_doc.lang:
        raise UsageError(f"the versions are in different languages ({old_doc.lang}, {new_doc.lang}); "
                         f"pass --lang if that's wrong", path=str(new))
    en_doc = None
    if en is not None:
        en_doc = _read(en, "en")
        check_languages(en_doc, old_doc)
        check_languages(en_doc, new_doc)
    gloss = _glossary(glossary)
    result = diff_versions(old_doc, new_doc, en=en_doc, glossary=gloss, lang=old_doc.lang)
    return replace(result, signature=_signature(gloss, with_en=en_doc is not None))


def _signature(glossary, *, with_en: bool):
    from ..checks.pipeline import make_signature

    sig = make_signature(glossary, "default")
    return replace(sig, aligner="rapidfuzz-dp" + (f"+{sig.aligner}" if with_en else ""))


def stale_files(old_en: str | Path, new_en: str | Path, ru: str | Path, *,
                glossary: str | Path | None = None) -> list[Stale]:
    """:func:`stale_translations` for files: two English versions and the Russian of the first."""
    from ..sources.corpus import check_languages

    old_doc, new_doc, ru_doc = _read(old_en, "en"), _read(new_en, "en"), _read(ru, "ru")
    check_languages(old_doc, ru_doc)
    check_languages(new_doc, ru_doc)
    return stale_translations(old_doc, new_doc, ru_doc, glossary=_glossary(glossary))
