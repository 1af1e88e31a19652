"""Finding article pairs and reading their files into Documents.

Reading decodes bytes (UTF-8 with or without BOM, UTF-16/32 with BOM,
Windows-1251 / KOI8-R / Windows-1252 detected with a warning) and normalises
CRLF and CR line ends to LF *before* anything else, so every offset in a
Document points into the normalised text, never into the raw bytes.
Markdown/plain text may open with front matter between ``---`` lines (YAML);
it goes to ``Document.meta`` and is removed from ``Document.text``. HTML is
reduced to its article (``sources.article``: headings, paragraphs, list items).
"""

from __future__ import annotations

import datetime as _dt
import logging
import os
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

from . import langid
from .catfiles import catfile_pairs, is_catfile
from ..errors import CorpusError, InputError, LanguageError
from ..io import binary_kind, check_regular, read_regular
from .layout import ARTICLE_SUFFIXES, HTML_SUFFIXES, TEXT_SUFFIXES, is_slug_dir as _is_slug_dir  # noqa: F401
from ..model import ArticlePair, Document
from .segment import segment, segment_blocks

# Decoding warnings go here; the CLI prints them on stderr as "warning: ...".
log = logging.getLogger("bilingual")

# An article, not a book: beyond these a file is refused rather than ground through.
MAX_BYTES = 2_000_000
MAX_PARAGRAPH_CHARS = 50_000
MAX_SENTENCES = 10_000
# A paragraph's language is judged on at most this many characters (from across it).
PARAGRAPH_SAMPLE = 200

# Single-byte encodings that Russian and English files on the site come in.
LEGACY_ENCODINGS = ("cp1251", "koi8_r", "cp1252")
_ENCODING_NAMES = {"cp1251": "Windows-1251", "koi8_r": "KOI8-R", "cp1252": "Windows-1252"}

_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8"),
    (b"\xff\xfe", "utf-16-le", "utf-16"),
    (b"\xfe\xff", "utf-16-be", "utf-16"),
)
_LANG_NAMES = {"en": "English", "ru": "Russian"}


# --------------------------------------------------------------------------- decoding

def _fail(path, message: str, line: int | None = None):
    raise InputError(message, path=str(path), line=line)


def _plausible(text: str) -> bool:
    """Decoded legacy text should read as words: no control codes, few symbols."""
    odd = 0
    non_ascii = 0
    for ch in text:
        if ch in "\t\n\r\f":
            continue
        cat = unicodedata.category(ch)
        if cat == "Cc":
            return False
        if ord(ch) > 127:
            non_ascii += 1
            if not (cat.startswith("L") or cat.startswith("P") or cat.startswith("Z")
                    or ch in "№°±§©®€™"):
                odd += 1
    return odd <= 0.05 * max(non_ascii, 1)


def _looks_utf16(data: bytes) -> bool:
    if len(data) % 2:
        return False
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        letters = sum(ch.isalpha() for ch in text)
        if letters >= 0.5 * len(text) and _plausible(text):
            return True
    return False


def decode_bytes(data: bytes, path) -> tuple[str, str, tuple[str, ...]]:
    """(text, encoding, warnings) for a file's bytes, or InputError naming ``path``."""
    if not data:
        _fail(path, "file is empty")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), name if name != "utf-8" else "utf-8-sig", ()
            except UnicodeDecodeError as e:
                _fail(path, f"invalid {name.upper()} after the byte-order mark (byte {e.start + len(bom)})")
    what = binary_kind(data)
    if what:
        _fail(path, f"is {what}, not text; export the article as .md, .txt or .html")
    nul = data.find(b"\x00")
    if nul >= 0:
        if _looks_utf16(data):
            _fail(path, "looks like UTF-16 without a byte-order mark; save it as UTF-8")
        _fail(path, f"binary data, not text (NUL byte at offset {nul})")
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError as e:
        utf8_error = e
    # Mostly-valid UTF-8 with a few bad bytes is damaged UTF-8, not a legacy encoding:
    # decoding it as Windows-1251 would only produce mojibake.
    loose = data.decode("utf-8", errors="replace")
    bad = loose.count("\ufffd")
    if sum(1 for ch in loose if ord(ch) > 127) - bad > bad:
        _fail(path, f"invalid UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start})")
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is not None and best.encoding in LEGACY_ENCODINGS:
        text = data.decode(best.encoding)
        if _plausible(text):
            name = _ENCODING_NAMES[best.encoding]
            return text, best.encoding.replace("_", "-"), (
                f"{path}: not UTF-8; decoded as {name} (save it as UTF-8 to silence this)",)
    _fail(path, f"not UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}) "
                "and no known encoding fits; save it as UTF-8")
    raise AssertionError("unreachable")


def read_bytes(path) -> bytes:
    """The bytes of an article file; InputError naming it when missing, not a file or too large."""
    try:
        return read_regular(path, limit=MAX_BYTES, what="articles")
    except OSError as e:
        _fail(path, f"can't read: {e.strerror or e}")
    raise AssertionError("unreachable")


def decode_text(data: bytes, path) -> tuple[str, str, tuple[str, ...]]:
    """Bytes read from ``path``: (text with LF line ends, encoding name, warnings).

    Raises InputError naming the file when they are binary, undecodable, empty or
    whitespace only.
    """
    text, encoding, warnings = decode_bytes(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        _fail(path, "file has only whitespace")
    for warning in warnings:
        log.warning(warning)
    return text, encoding, warnings


def read_text(path) -> tuple[str, str, tuple[str, ...]]:
    """Read a text file: (text with LF line ends, encoding name, warnings).

    Raises InputError naming the file when it is missing, too large, binary,
    undecodable, empty or whitespace only.
    """
    return decode_text(read_bytes(path), path)


# --------------------------------------------------------------------------- front matter

_FRONT = re.compile(r"---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)", re.S)
_TOML_FRONT = re.compile(r"\+\+\+[ \t]*\n(.*?\n)?\+\+\+[ \t]*(?:\n|$)", re.S)  # Hugo's TOML front matter


_META_LINE = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)")


def _plain(value):
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def split_front_matter(text: str, path=None) -> tuple[dict, str]:
    """(meta, body) for text that may open with front matter between ``---`` lines.

    Editors write ``title: Moldova: Between Moscow and the West`` without quotes,
    which strict YAML rejects, so plain ``key: value`` lines are read as they
    stand; anything richer (lists, nested keys) is read as YAML. Hugo's TOML front
    matter between ``+++`` lines is read as TOML.
    """
    if text.startswith("+++"):
        return _toml_front_matter(text, path)
    m = _FRONT.match(text)
    if not m:
        return {}, text
    where = str(path) if path else None
    block = m.group(1) or ""
    meta: dict = {}
    bad_line = None
    for n, line in enumerate(block.splitlines(), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        lm = _META_LINE.fullmatch(line.rstrip())
        if not lm:
            bad_line = n
            break
        value = lm.group(2).strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        meta[lm.group(1)] = value
    if bad_line is None:
        return meta, text[m.end():]
    import yaml

    try:
        loaded = yaml.safe_load(block)
    except yaml.YAMLError:
        loaded = None
    if not isinstance(loaded, dict):
        raise InputError("front matter: expected 'key: value' lines", path=where, line=bad_line)
    return {str(k): _plain(v) for k, v in loaded.items()}, text[m.end():]


def _toml_front_matter(text: str, path) -> tuple[dict, str]:
    import tomllib

    m = _TOML_FRONT.match(text)
    if not m:
        return {}, text
    try:
        loaded = tomllib.loads(m.group(1) or "")
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"front matter: not valid TOML ({err})", path=str(path) if path else None) from None
    return {str(k): _plain(v) for k, v in loaded.items()}, text[m.end():]


def article_date(doc: Document) -> str | None:
    """The article's date from its metadata, as ``YYYY-MM-DD`` where it parses."""
    for key in ("date", "published", "published_at", "pubdate", "datetime"):
        value = doc.meta.get(key)
        if value in (None, ""):
            continue
        if isinstance(value, _dt.datetime):
            return value.date().isoformat()
        if isinstance(value, _dt.date):
            return value.isoformat()
        s = str(value).strip()
        try:
            return _dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date().isoformat()
        except ValueError:
            return s
    return None


# --------------------------------------------------------------------------- HTML

def extract_html(html: str, path=None) -> tuple[str, list[tuple[int, int, bool]], dict]:
    """(text, blocks, meta) of a web page: its article, read by ``sources.article``."""
    from .article import extract_article

    return extract_article(html, path)


# --------------------------------------------------------------------------- documents

def lang_from_name(path) -> str | None:
    """``en.md`` -> "en", ``ru.html`` -> "ru"; None when the name doesn't say."""
    head = Path(path).name.split(".")[0].lower()
    return head if re.fullmatch(r"[a-z]{2}|zh-cn|zh-tw", head) else None


def _is_html(path, text: str) -> bool:
    suffix = Path(path).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return True
    if suffix in TEXT_SUFFIXES:
        return False
    return bool(re.match(r"\s*(?:<!doctype html|<html)", text[:200], re.I))


def _check_size(path, text: str, blocks) -> None:
    # A cheap count of sentence ends refuses a giant file before segmenting it.
    rough = len(_SENTENCE_END.findall(text))
    if rough > 2 * MAX_SENTENCES:
        _fail(path, f"about {rough:,} sentences; articles are limited to {MAX_SENTENCES:,}")
    for start, stop, _ in blocks:
        if stop - start > MAX_PARAGRAPH_CHARS:
            line = text.count("\n", 0, start) + 1
            _fail(path, f"a paragraph of {stop - start:,} characters; the limit is "
                        f"{MAX_PARAGRAPH_CHARS:,} (is the file one unbroken block?)", line)


_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")


def _markdown_block_ranges(text: str):
    pos = 0
    for m in re.finditer(r"\n[ \t]*\n", text):
        yield pos, m.start(), False
        pos = m.end()
    yield pos, len(text), False


def read_document(path, lang: str | None = None, *, source: tuple[str, str, tuple[str, ...]] | None = None
                  ) -> Document:
    """Read, decode, segment and language-tag one article file.

    ``source`` is the file's text already read by ``read_text`` (text, encoding, warnings),
    for a caller that holds it (``fix`` keeps the bytes to write the file back).
    """
    if Path(path).suffix.lower() == ".docx":
        from .docx import extract_docx

        (body, blocks, meta), encoding, warnings = extract_docx(path), "docx", ()
        _check_size(path, body, blocks)
        first_line = None
    else:
        text, encoding, warnings = source or read_text(path)
        if _is_html(path, text):
            body, blocks, meta = extract_html(text, path)
            _check_size(path, body, blocks)
            first_line = None
        else:
            meta, body = split_front_matter(text, path)
            blocks = None
            first_line = text.count("\n", 0, len(text) - len(body)) + 1
            _check_size(path, body, _markdown_block_ranges(body))
    detected = langid.detect(body)
    lang = lang or lang_from_name(path) or detected
    if lang is None:
        _fail(path, "can't tell the language: name the file en.md / ru.md or pass the language")
    paragraphs, sentences = segment_blocks(body, blocks, lang) if blocks else segment(body, lang)
    if not sentences:
        _fail(path, "no text after the front matter" if meta else "no text")
    if len(sentences) > MAX_SENTENCES:
        _fail(path, f"{len(sentences):,} sentences; articles are limited to {MAX_SENTENCES:,}")
    candidates = frozenset({"en", "ru", "uk", lang, detected} - {None})
    paragraphs = tuple(replace(p, lang=langid.detect(p.text, candidates, PARAGRAPH_SAMPLE))
                       for p in paragraphs)
    return Document(path=str(path), lang=lang, text=body, paragraphs=paragraphs,
                    sentences=sentences, meta=meta, detected_lang=detected, encoding=encoding,
                    warnings=tuple(warnings), first_line=first_line)


def _share(doc: Document, lang: str) -> float:
    """Share of the document's language-tagged letters that are in ``lang``."""
    total = mine = 0
    for p in doc.paragraphs:
        if p.lang is None:
            continue
        n = langid.letter_count(p.text)
        total += n
        if p.lang == lang:
            mine += n
    return mine / total if total else 0.0


def check_languages(en_doc: Document, ru_doc: Document) -> None:
    """Raise LanguageError when the pair's files are swapped, in one language, or in another one.

    Leftover English paragraphs in a Russian file are not an error here: a file
    counts as being in its declared language when at least a quarter of its
    text is.
    """
    def name(code):
        return _LANG_NAMES.get(code) or langid.language_name(code)

    def wrong(doc: Document) -> bool:
        return (doc.detected_lang is not None and doc.detected_lang != doc.lang
                and _share(doc, doc.lang) < 0.25)

    en_wrong, ru_wrong = wrong(en_doc), wrong(ru_doc)
    if en_wrong and ru_wrong and en_doc.detected_lang == ru_doc.lang and ru_doc.detected_lang == en_doc.lang:
        raise LanguageError(f"expected {name(ru_doc.lang)}, detected {name(ru_doc.detected_lang)} "
                            f"(files swapped?)", path=ru_doc.path)
    for doc, other in ((ru_doc, en_doc), (en_doc, ru_doc)):
        if not (en_wrong if doc is en_doc else ru_wrong):
            continue
        hint = ""
        if doc.detected_lang == other.lang:
            hint = f" (both files are in {name(other.lang)})"
        raise LanguageError(f"expected {name(doc.lang)}, detected {name(doc.detected_lang)}{hint}",
                            path=doc.path)


# --------------------------------------------------------------------------- pairing

def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except (ValueError, OSError, RuntimeError):
        return False


def _side(slug_dir: Path, lang: str, root: Path, name: str | None = None,
          listed: tuple[frozenset[str], frozenset[str]] | None = None) -> tuple[str | None, str | None]:
    """(path, problem) of the ``lang`` file in a slug directory (the file ``name`` when given)."""
    names = [name] if name else [f"{lang}{s}" for s in ARTICLE_SUFFIXES]
    listed = listed or _listing(slug_dir)
    # one listing of the folder instead of a stat per candidate name; a name listed only in
    # another case is asked of the file system (which may be case-insensitive)
    found = [slug_dir / n for n in names
             if n in listed[0] or (n.casefold() in listed[1] and os.path.lexists(slug_dir / n))]
    if not found:
        return None, None
    if len(found) > 1:
        return None, f"{slug_dir}: several {lang} files ({', '.join(f.name for f in found)}); keep one"
    f = found[0]
    if f.is_symlink() and not _inside(f, root):
        return None, f"{f}: symlink to outside the corpus ({os.readlink(f)}), not followed"
    return str(f), None


def _listing(folder: Path) -> tuple[frozenset[str], frozenset[str]]:
    """The names in ``folder``, as listed and casefolded (empty when it can't be listed)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return frozenset(), frozenset()
    return frozenset(names), frozenset(n.casefold() for n in names)


def _pair_for(slug_dir: Path, root: Path, slug: str | None = None, ru_name: str | None = None) -> ArticlePair:
    slug = slug or slug_dir.name
    listed = _listing(slug_dir)
    en, en_problem = _side(slug_dir, "en", root, listed=listed)
    ru, ru_problem = _side(slug_dir, "ru", root, ru_name, listed=listed)
    problem = en_problem or ru_problem
    if problem is None and en is None and ru is None:
        problem = f"{slug_dir}: no en.md or {ru_name or 'ru.md'} (nor .txt/.html)"
    return ArticlePair(slug, en, ru, problem)


def _corpus_pairs(root: Path, ru_name: str | None = None) -> list[ArticlePair]:
    pairs = []
    try:
        children = sorted(root.iterdir(), key=lambda c: c.name)
    except OSError as e:
        raise CorpusError(f"can't list directory: {e.strerror or e}", path=str(root)) from None
    for child in children:
        name = child.name
        if ".." in name:
            pairs.append(ArticlePair(name, None, None, f"{child}: slug contains '..', skipped"))
            continue
        if any(unicodedata.category(ch) == "Cc" for ch in name):
            pairs.append(ArticlePair(ascii(name), None, None,
                                     f"{root / ascii(name)}: slug contains control characters, skipped"))
            continue
        if name.startswith(".") or name.startswith("_"):
            continue
        if child.is_symlink() and not _inside(child, root):
            pairs.append(ArticlePair(name, None, None,
                                     f"{child}: symlink to outside the corpus ({os.readlink(child)}), not followed"))
            continue
        if not child.is_dir():
            continue
        pairs.append(_pair_for(child, root, ru_name=ru_name))
    if not pairs:
        raise CorpusError("no articles here: expected <slug>/en.md and <slug>/ru.md", path=str(root))
    return pairs


def _mirror():
    from . import mirror

    return mirror


def find_pairs(paths, *, pairing: list | None = None, ru_name: str | None = None) -> list[ArticlePair]:
    """Article pairs for corpus directories, slug directories, site mirrors, or exactly two files (EN, RU).

    A slug missing one side gives a pair with that side None; an unsafe slug
    (``..`` in its name, a symlink leaving the corpus) gives a pair with both
    sides None and ``problem`` set. Only unusable arguments raise CorpusError.
    A folder of HTML pages not in ``<slug>/en.md`` layout is paired as a site
    mirror (``bilingual.sources.mirror``); given a ``pairing`` list, the mirror's
    problems go there and its unpaired English pages are left out, else they
    come as pairs with no Russian side. ``ru_name`` (``ru.mt.md``) names the Russian file of
    each ``<slug>/`` folder instead of ``ru.md`` (or .txt/.html/.docx): machine translations
    are checked like human ones.
    """
    if ru_name is not None and (not ru_name or Path(ru_name).name != ru_name or ru_name in (".", "..")):
        raise CorpusError(f"--ru-name '{ru_name}' must be a file name (like ru.mt.md), not a path")
    paths = [Path(p) for p in paths]
    if not paths:
        raise CorpusError("no corpus given")
    for p in paths:
        if not os.path.lexists(p):
            raise CorpusError("no such file or directory", path=str(p))
        if not p.exists():
            raise CorpusError("broken symlink", path=str(p))
        if not p.is_dir():
            check_regular(p, CorpusError)  # a FIFO or device given as an article is named as such
    cat_files = [p for p in paths if p.is_file() and is_catfile(p)]
    if cat_files:  # XLIFF / PO / TMX: each file holds both languages
        paths = [p for p in paths if p not in cat_files]
        pairs = [ArticlePair(p.stem, str(p), str(p)) for p in cat_files]
        return sorted(pairs + (find_pairs(paths, pairing=pairing, ru_name=ru_name) if paths else []),
                      key=lambda a: a.slug)
    if all(p.is_file() for p in paths):
        if len(paths) == 1:
            raise CorpusError("is a file; give a corpus directory, an article directory, "
                              "or exactly two files (EN then RU)", path=str(paths[0]))
        if len(paths) != 2:
            raise CorpusError("give two files (EN then RU), or corpus / article directories",
                              path=str(paths[0]))
        en, ru = paths
        slug = en.parent.name if en.parent == ru.parent and en.parent.name else en.stem
        return [ArticlePair(slug, str(en), str(ru))]
    pairs = []
    for p in paths:
        if not p.is_dir():
            raise CorpusError("is a file; give a corpus directory, an article directory, "
                              "or exactly two files (EN then RU)", path=str(p))
        if _is_slug_dir(p):
            pairs.append(_pair_for(p, p.resolve().parent, p.resolve().name, ru_name))
        elif _mirror().is_site_mirror(p):
            pairs.extend(_mirror().article_pairs(p, pairing))
        elif not _mirror().has_slug_dirs(p) and (cat_pairs := catfile_pairs(p)):
            pairs.extend(cat_pairs)
        else:
            pairs.extend(_corpus_pairs(p, ru_name))
    return sorted(pairs, key=lambda a: (a.slug, a.en_path or "", a.ru_path or ""))
