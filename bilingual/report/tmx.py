"""Aligned sentences as a TMX 1.4 translation memory (translate-toolkit's tmx store).

One translation unit per link that has text on both sides; sentences of a
merge are joined with a space. Each unit's note records the sentence indices
and the link's confidence, so a unit can be traced back to the articles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from io import BytesIO

from ..errors import InputError
from ..model import Link

_NOTE_RE = re.compile(r"en=([\d,]*) ru=([\d,]*) score=([\d.]+)( uncertain)?")


def _note(link: Link) -> str:
    en = ",".join(map(str, link.en))
    ru = ",".join(map(str, link.ru))
    return f"en={en} ru={ru} score={link.score:.4f}" + (" uncertain" if link.uncertain else "")


def to_tmx(en: Sequence[str], ru: Sequence[str], links: Sequence[Link], *, src_lang: str = "en",
           tgt_lang: str = "ru") -> bytes:
    """The links as a TMX document (UTF-8 bytes); null links are left out."""
    from translate.storage.tmx import tmxfile

    store = tmxfile(sourcelanguage=src_lang, targetlanguage=tgt_lang)
    for link in links:
        if not link.en or not link.ru:
            continue
        source = " ".join(en[i] for i in link.en)
        target = " ".join(ru[j] for j in link.ru)
        store.addtranslation(source, src_lang, target, tgt_lang, comment=_note(link))
    out = BytesIO()
    store.serialize(out)
    return out.getvalue()


def read_tmx(data: bytes, *, src_lang: str = "en", tgt_lang: str = "ru", path: str | None = None):
    """``(source, target, link)`` for each unit of a TMX document written by ``to_tmx``.

    ``link`` is rebuilt from the unit's note, or None when the note is missing.
    """
    from translate.storage.tmx import tmxfile

    try:
        store = tmxfile.parsestring(data, sourcelanguage=src_lang, targetlanguage=tgt_lang)
    except Exception as err:  # lxml raises several unrelated types for bad XML
        raise InputError(f"not a TMX file: {err}", path=path) from err
    out = []
    for unit in store.units:
        link = None
        m = _NOTE_RE.search(unit.getnotes() or "")
        if m:
            link = Link(
                en=tuple(int(x) for x in m.group(1).split(",") if x),
                ru=tuple(int(x) for x in m.group(2).split(",") if x),
                score=float(m.group(3)),
                uncertain=bool(m.group(4)),
            )
        out.append((unit.source, unit.gettarget(tgt_lang), link))
    return out
