"""Tokens, similarity keys and word-level diffs for sentences in one language."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

# Whitespace is kept as its own token so that joining a diff's pieces gives the
# sentences back exactly.
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|\s+|[^\w\s]", re.UNICODE)
_WORD = re.compile(r"\w+", re.UNICODE)
_SPACE = re.compile(r"\s+")

# Russian inflection changes the end of a word (Харьковская, Харьковской): the
# first letters are a cheap stem that keeps a reworded sentence close to its
# original while two unrelated sentences share almost nothing.
STEM = 5

EQUAL, DELETE, INSERT = "equal", "delete", "insert"


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text.replace("ё", "е").replace("Ё", "Е")).strip().lower()


@lru_cache(maxsize=65536)
def stem_key(text: str) -> tuple[str, ...]:
    """The sentence's word stems, in order (RapidFuzz compares such tuples
    item by item)."""
    return tuple(w[:STEM] for w in _WORD.findall(normalise(text)))


def word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """(op, text) pieces, op in equal/delete/insert; equal and deleted pieces
    join to ``old``, equal and inserted pieces join to ``new``."""
    a, b = tokens(old), tokens(new)
    out: list[tuple[str, str]] = []

    def put(op: str, text: str) -> None:
        if not text:
            return
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))

    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            put(EQUAL, "".join(a[i1:i2]))
        else:
            put(DELETE, "".join(a[i1:i2]))
            put(INSERT, "".join(b[j1:j2]))
    return _absorb_spaces(out)


def _absorb_spaces(pieces: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    # A lone equal space between two changes reads better as part of both
    # changes: "-old words +new words" instead of "-old +new ␠ -words +words".
    out: list[tuple[str, str]] = []
    for i, (op, text) in enumerate(pieces):
        between_changes = (
            op == EQUAL and not text.strip() and 0 < i < len(pieces) - 1
            and pieces[i - 1][0] != EQUAL and pieces[i + 1][0] != EQUAL
        )
        if between_changes:
            out.append((DELETE, text))
            out.append((INSERT, text))
        else:
            out.append((op, text))
    # regroup: all deletions of a changed run before its insertions
    grouped: list[tuple[str, str]] = []
    run: dict[str, str] = {DELETE: "", INSERT: ""}
    for op, text in out:
        if op == EQUAL:
            for k in (DELETE, INSERT):
                if run[k]:
                    grouped.append((k, run[k]))
            run = {DELETE: "", INSERT: ""}
            grouped.append((op, text))
        else:
            run[op] += text
    for k in (DELETE, INSERT):
        if run[k]:
            grouped.append((k, run[k]))
    return tuple(grouped)


def side(pieces, which: str) -> str:
    """Rebuild the old (``which="old"``) or new text from a word diff."""
    skip = INSERT if which == "old" else DELETE
    return "".join(text for op, text in pieces if op != skip)
