"""Glossary lint: schema errors and the subtler problems a terminologist looks for.

Every problem is one ``LintProblem`` with the file and 1-based line; the
checks are small named functions in one ordered list (``CHECKS``).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..russian import morph
from ..russian.names import dictionary_form
from ..errors import GlossaryError
from ..model import Term
from ..io import read_regular
from .load import COLUMNS, MAX_GLOSSARY_BYTES, decode, read_rows, split_list, terms_from_rows

TYPES = ("person", "country", "city", "region", "place", "organization", "event", "product", "other")

_CYRILLIC = re.compile(r"[а-яё]", re.I)
_LATIN = re.compile(r"[a-z]", re.I)
_WORD = re.compile(r"[\w'’-]+")
_SMART = re.compile(r"[“”„‟‘’‚‛]")
_ODD_SPACE = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]|\s{2,}|\t")


@dataclass(frozen=True)
class LintProblem:
    path: str
    line: int
    code: str  # short name of the check
    message: str
    level: str = "error"  # info: a note that fails nothing (a term no article uses yet)

    def __str__(self) -> str:
        tag = f" ({self.level})" if self.level == "info" else ""
        return f"{self.path}:{self.line}: {self.code}{tag}: {self.message}"


@dataclass(frozen=True)
class _Row:
    """A validated row: its Term and its raw cells by column name."""

    term: Term
    cells: dict[str, str]


def _norm(form: str) -> str:
    return " ".join(morph.norm(form).split())


# ---------------------------------------------------------------- checks


def duplicate_en(rows: list[_Row]):
    """The same `en` twice (with the same `ru`; another `ru` is a schema error)."""
    first: dict[str, int] = {}
    for r in rows:
        en = r.term.en
        if en in first:
            yield r.term.line, f"en {en!r} already on line {first[en]}"
        else:
            first[en] = r.term.line


def shared_ru(rows: list[_Row]):
    """Two different `en` terms rendered by one `ru`."""
    first: dict[str, Term] = {}
    for r in rows:
        key = _norm(r.term.ru)
        prev = first.get(key)
        if prev is not None and prev.en != r.term.en:
            yield r.term.line, f"ru {r.term.ru!r} is also the ru of {prev.en!r} (line {prev.line})"
        first.setdefault(key, r.term)


def forbidden_allowed(rows: list[_Row]):
    """A forbidden form equal to an allowed form (of this term or another)."""
    allowed: dict[str, Term] = {}
    for r in rows:
        for form in r.term.allowed:
            allowed.setdefault(_norm(form), r.term)
    for r in rows:
        for form in r.term.forbidden:
            owner = allowed.get(_norm(form))
            if owner is None:
                continue
            if owner.en == r.term.en:
                yield r.term.line, f"forbidden {form!r} is also an allowed form of this term"
            else:
                yield r.term.line, f"forbidden {form!r} is an allowed form of {owner.en!r} (line {owner.line})"


def en_variant_collision(rows: list[_Row]):
    """An `en_variants` entry that is another term's `en` or English variant.

    Forms are compared as the English matcher compares them (case and
    punctuation variants folded), so the text would hit both terms.
    """
    from .match import _en_key

    owners: dict[str, tuple[Term, str]] = {}
    for r in rows:
        owners.setdefault(_en_key(r.term.en), (r.term, "en"))
    for r in rows:
        for form in r.term.en_variants:
            key = _en_key(form)
            owner, what = owners.setdefault(key, (r.term, "en variant"))
            if owner.en != r.term.en:
                yield r.term.line, f"en variant {form!r} is the {what} of {owner.en!r} (line {owner.line})"


_UKRAINIAN = re.compile(r"[іїєґ]", re.I)


def unparsed_ru(rows: list[_Row]):
    """Allowed Russian forms that aren't Russian words: mixed scripts, Ukrainian
    letters, no reading at all in pymorphy3 (a typo), or not in the nominative.

    pymorphy3 guesses a reading for any Cyrillic word, so foreign names it
    doesn't know aren't reported. The dictionary form is the names engine's
    (``russian.names.dictionary_form``, read with the English): a woman's
    foreign name or one ending in a vowel stays as it is; terms whose note says
    they are indeclinable are skipped.
    """
    for r in rows:
        indeclinable = "indeclinable" in r.term.note.lower() or "несклоня" in r.term.note.lower()
        for form in r.term.allowed:
            from ..sources.normalize import normalize

            form = normalize(form).text  # invisible characters are hidden-char's to report
            words = _WORD.findall(form)
            for word in words:
                if not _CYRILLIC.search(word):
                    continue
                if _LATIN.search(word):
                    continue  # mixed-script's to report
                if _UKRAINIAN.search(word):
                    yield r.term.line, f"{word!r} in {form!r} has Ukrainian letters (a Russian form is expected)"
                elif not word.isupper() and all("UNKN" in p.tag for p in morph.parse(word)):
                    yield r.term.line, f"pymorphy3 can't parse {word!r} in {form!r} (spelling?)"
            if indeclinable or not any(_CYRILLIC.search(w) and not _LATIN.search(w) for w in words):
                continue
            lemma = dictionary_form(form, r.term.en)
            if morph.norm(lemma) != morph.norm(form):
                yield r.term.line, (f"{form!r} is not in its dictionary form "
                                    f"(the singular nominative: «{lemma}»?)")


def unknown_type(rows: list[_Row]):
    """A `type` outside the known list."""
    for r in rows:
        if r.term.type not in TYPES:
            shown = repr(r.term.type) if r.term.type else "empty"
            yield r.term.line, f"type {shown} is not one of {', '.join(TYPES)}"


def stray_spaces(rows: list[_Row]):
    """Leading/trailing spaces, doubled or non-breaking spaces, tabs."""
    for r in rows:
        for name in COLUMNS:
            cell = r.cells.get(name, "")
            if cell != cell.strip():
                yield r.term.line, f"column {name!r}: leading or trailing spaces in {cell!r}"
            elif _ODD_SPACE.search(cell):
                yield r.term.line, f"column {name!r}: doubled, tab or non-breaking space in {cell!r}"


def smart_quotes(rows: list[_Row]):
    """Typographic quotes in terms (they won't match text typed with straight ones, or vice versa)."""
    for r in rows:
        for name in ("en", "ru", "variants", "forbidden"):
            cell = r.cells.get(name, "")
            if _SMART.search(cell):
                yield r.term.line, f"column {name!r}: smart quotes in {cell.strip()!r}"


_TERM_COLUMNS = ("en", "ru", "variants", "forbidden", "en_variants")


def hidden_char(rows: list[_Row]):
    """Invisible characters in a term: soft hyphen, zero-width space/joiner, word joiner, BOM, stress mark.

    Matching sees through them, but a term that carries one is seldom what its author meant
    (a form pasted from a web page), and exports and lookups by hand trip over it.
    """
    from ..sources.normalize import hidden_chars

    for r in rows:
        for name in _TERM_COLUMNS:
            cell = r.cells.get(name, "")
            found = hidden_chars(cell)
            if found:
                names = ", ".join(dict.fromkeys(n.lower() for _, n in found))
                yield r.term.line, f"column {name!r}: invisible character ({names}) in {cell.strip()!r}"


def mixed_script(rows: list[_Row]):
    """A word written with both Latin and Cyrillic letters («Мoлдова» with a Latin o, "WНO")."""
    from ..sources.normalize import mixed_words

    for r in rows:
        for name in _TERM_COLUMNS:
            cell = r.cells.get(name, "")
            for m in mixed_words(cell):
                yield r.term.line, f"column {name!r}: {m.group()!r} mixes Latin and Cyrillic letters"


CHECKS = [duplicate_en, shared_ru, en_variant_collision, forbidden_allowed, unparsed_ru, unknown_type, stray_spaces,
          smart_quotes, hidden_char, mixed_script]


# ---------------------------------------------------------------- corpus use


def _english_texts(corpus) -> list[str]:
    from ..sources.corpus import find_pairs, read_document

    texts = []
    for pair in find_pairs([corpus]):
        if pair.en_path:
            try:
                texts.append(read_document(pair.en_path, "en").text)
            except GlossaryError:
                raise
            except Exception:  # an unreadable article is check's business, not lint's
                continue
    return texts


def unused_terms(terms: tuple[Term, ...], texts: list[str]):
    """Terms whose English never occurs in the corpus."""
    from .match import Matcher

    m = Matcher(terms)
    seen = {h.term.en for text in texts for h in m.find_en(text)}
    for t in terms:
        if t.en not in seen:
            yield t.line, f"{t.en!r} occurs nowhere in the corpus"


# ---------------------------------------------------------------- entry point


def lint_glossary(path: str | os.PathLike, corpus: str | os.PathLike | None = None) -> list[LintProblem]:
    """All problems of the glossary at ``path``, in line order.

    Schema errors of single rows are reported and the row skipped, so one run
    shows them all; an unreadable file or a bad header is one problem. With
    ``corpus`` (a corpus directory), terms found in none of its English
    articles are reported too.
    """
    p = str(path)
    try:
        data = read_regular(path, limit=MAX_GLOSSARY_BYTES, what="glossaries", error=GlossaryError)
    except OSError as err:
        return [LintProblem(p, 0, "schema", f"can't read the glossary: {err.strerror or err}")]
    except GlossaryError as err:
        return [LintProblem(p, 0, "schema", err.message)]
    try:
        text = decode(data, p)
        header, raw = read_rows(text, p)
    except GlossaryError as err:
        return [LintProblem(p, err.line or 0, "schema", err.message)]
    errors: list[GlossaryError] = []
    terms = terms_from_rows(header, raw, p, errors)
    problems = [LintProblem(p, e.line or 0, "schema", e.message) for e in errors]
    by_line = {line: cells for line, cells in raw}
    rows = [_Row(t, dict(zip(header, by_line[t.line]))) for t in terms]
    for check in CHECKS:
        problems += [LintProblem(p, line, check.__name__.replace("_", "-"), msg) for line, msg in check(rows)]
    if corpus is not None:
        problems += [LintProblem(p, line, "unused", msg, "info")
                     for line, msg in unused_terms(terms, _english_texts(corpus))]
    problems.sort(key=lambda q: q.line)
    return problems


__all__ = ["CHECKS", "TYPES", "LintProblem", "lint_glossary", "split_list"]
