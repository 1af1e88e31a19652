"""Translators' files whose segments are already paired: XLIFF 1.2 and 2.0, PO, TMX.

Each unit is one link of the check (read through translate-toolkit). Its flags
name the unit: the XLIFF unit id, the PO entry's line, the TMX ``tuid`` or
position. An empty target is ``untranslated``; a unit the translator left
marked fuzzy or needing translation/review is reported as that, not run
through the drift rules, since its Russian is not final.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import InputError
from ..io import read_regular, walk
from ..model import Alignment, ArticlePair, ArticleResult, Document, Flag, Link, Paragraph, Sentence

XLIFF_SUFFIXES = (".xlf", ".xliff")
MAX_CAT_BYTES = 50_000_000  # read whole and parsed into a tree
CAT_SUFFIXES = (*XLIFF_SUFFIXES, ".po", ".tmx")

# XLIFF 1.2 target states that mean "not done": needs translation vs. translated but unreviewed.
_NEEDS_TRANSLATION = {"new", "needs-translation", "needs-adaptation", "needs-l10n"}
_NEEDS_REVIEW = {"needs-review-translation", "needs-review-adaptation", "needs-review-l10n"}
_XLIFF2 = re.compile(rb"urn:oasis:names:tc:xliff:document:2\.|<xliff[^>]*version\s*=\s*[\"']2\.", re.I)


@dataclass(frozen=True)
class Unit:
    id: str  # what a flag names: "u12", "line 40", "tu 3"
    source: str
    target: str
    state: str = "translated"  # translated | untranslated | fuzzy | needs_translation
    uncertain: bool = False  # the aligner that wrote the file was unsure of this unit (its note says so)


def is_catfile(path) -> bool:
    return Path(path).suffix.lower() in CAT_SUFFIXES


def catfile_pairs(folder) -> list[ArticlePair]:
    """Every CAT file under ``folder`` (any depth, dot folders skipped) as an article whose
    slug is its path under the folder."""
    import os

    root = Path(folder)
    out = []
    for dirpath, dirnames, filenames in walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if is_catfile(name) and not name.startswith("."):
                path = Path(dirpath) / name
                out.append(ArticlePair(path.relative_to(root).with_suffix("").as_posix(), str(path), str(path)))
    return out


def _load_store(path: Path, data: bytes):
    from translate.storage import pypo, tmx, xliff, xliff2

    suffix = path.suffix.lower()
    try:
        if suffix == ".po":
            return pypo.pofile.parsestring(data)
        if suffix == ".tmx":
            return tmx.tmxfile.parsestring(data, sourcelanguage="en", targetlanguage="ru")
        if _XLIFF2.search(data[:4096]):
            return xliff2.Xliff2File.parsestring(data)
        return xliff.xlifffile.parsestring(data)
    except Exception as err:  # translate-toolkit and lxml raise many unrelated types for bad files
        kind = {".po": "PO", ".tmx": "TMX"}.get(suffix, "XLIFF")
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise InputError(f"not a readable {kind} file: {first}", path=str(path)) from None


def _po_lines(text: str) -> list[int]:
    """1-based line of each live entry's ``msgid`` (obsolete ``#~`` entries skipped), in order."""
    return [n for n, line in enumerate(text.splitlines(), start=1) if line.startswith("msgid ")]


def read_units(path) -> list[Unit]:
    """The file's translatable units, English source first (a Russian-source XLIFF is swapped)."""
    path = Path(path)
    try:
        data = read_regular(path, limit=MAX_CAT_BYTES, what="translation files")
    except OSError as err:
        raise InputError(f"can't read: {err.strerror or err}", path=str(path)) from None
    store = _load_store(path, data)
    suffix = path.suffix.lower()
    units: list[Unit] = []
    if suffix == ".po":
        lines = _po_lines(data.decode("utf-8", errors="replace"))
        live = [u for u in store.units if not u.isobsolete()]
        if len(lines) != len(live):  # a layout the line scan doesn't follow: number the entries
            lines = [f"entry {n}" for n in range(len(live))]
        else:
            lines = [f"line {n}" for n in lines]
        for u, line in zip(live, lines):
            if u.isheader():
                continue
            forms = list(getattr(u.target, "strings", None) or [u.target or ""])
            sources = list(getattr(u.source, "strings", None) or [u.source or ""])
            for n, target in enumerate(forms):  # msgstr[0], msgstr[1] ...: each plural form is Russian text
                if n and not (target or "").strip() and not (forms[0] or "").strip():
                    break  # an untranslated entry is one untranslated unit, not one per form
                state = ("untranslated" if not (target or "").strip()
                         else "fuzzy" if u.isfuzzy() else "translated")
                source = sources[min(n, len(sources) - 1)] if sources else ""
                units.append(Unit(line if n == 0 else f"{line} msgstr[{n}]", str(source), target or "", state))
    elif suffix == ".tmx":
        for n, u in enumerate(store.units, start=1):
            tuid = u.xmlelement.get("tuid")
            target = u.gettarget("ru") if hasattr(u, "gettarget") else u.target
            units.append(Unit(tuid or f"tu {n}", u.source or "", target or "",
                              "translated" if (target or "").strip() else "untranslated"))
    else:
        swap = _source_lang(store).startswith("ru")
        is_v2 = type(store).__name__ == "Xliff2File"
        for n, u in enumerate(store.units, start=1):
            if not u.istranslatable():  # translate="no": not for the translator
                continue
            source, target = u.source or "", u.target or ""
            if swap:
                source, target = target, source
            unit_id = u.getid() if is_v2 else u.xmlelement.get("id")
            units.append(Unit(unit_id or f"unit {n}", source, target, _xliff_state(u, target),
                              " uncertain" in (u.getnotes() or "")))
    if not units:
        raise InputError("no translation units in the file", path=str(path))
    return units


def _source_lang(store) -> str:
    try:
        return (store.getsourcelanguage() or "en").lower()
    except Exception:  # a store without the attribute
        return "en"


def _xliff_state(unit, target: str) -> str:
    if not target.strip():
        return "untranslated"
    el = unit.xmlelement
    if el.tag.endswith("}segment"):  # XLIFF 2.0: the state sits on the segment
        return "needs_translation" if el.get("state") == "initial" else "translated"
    node = unit.getlanguageNode(lang=None, index=1)
    state = node.get("state") if node is not None else None
    if state in _NEEDS_TRANSLATION:
        return "needs_translation"
    if state in _NEEDS_REVIEW or (node is not None and node.get("state-qualifier") == "fuzzy-match"):
        return "fuzzy"
    return "translated"


def _documents(path: str, units: list[Unit]) -> tuple[Document, Document, tuple[Link, ...]]:
    """One sentence per unit on each side (sentence i is unit i); links only for finished units."""
    from . import langid

    docs = []
    for lang, texts in (("en", [u.source for u in units]), ("ru", [u.target for u in units])):
        texts = [" ".join(t.split()) for t in texts]
        sents, paras, pos = [], [], 0
        for k, t in enumerate(texts):
            sents.append(Sentence(k, k, pos, pos + len(t), t))
            paras.append(Paragraph(k, pos, pos + len(t), t, lang=langid.detect(t, frozenset({"en", "ru", "uk"}))))
            pos += len(t) + 2
        docs.append(Document(path=path, lang=lang, text="\n\n".join(texts), paragraphs=tuple(paras),
                             sentences=tuple(sents), detected_lang=lang))
    links = tuple(Link((i,), (i,), 0.0 if u.uncertain else 1.0, u.uncertain)
                  for i, u in enumerate(units) if u.state == "translated")
    return docs[0], docs[1], links


def unit_alignment(path) -> Alignment:
    """A CAT file as an aligned article: sentence i on each side is unit i, one link per finished
    unit (for mining and anything else that takes an alignment)."""
    en_doc, ru_doc, links = _documents(str(path), read_units(path))
    return Alignment(en_doc, ru_doc, links, mode="units")
