"""The SQLite files the tool keeps (translation memory, check cache): opened, judged, migrated.

Every cache file is opened here, under one set of rules:

- the file is marked with ``PRAGMA application_id`` (which cache it is) and
  ``PRAGMA user_version`` (its schema); a file written before the mark existed
  is recognised by its tables;
- a file that isn't SQLite, or an SQLite database that isn't this cache
  (another program's), is refused with one line and left untouched, with or
  without ``rebuild``: it isn't ours to move;
- a damaged cache, or one of a schema version this code doesn't read, is
  refused with one line, or with ``rebuild=True`` moved aside as
  ``<name>.corrupt-<time>`` (with its WAL sidecars) and started anew;
- an older schema is migrated by the schema's own ``migrate`` callback (the
  translation memory keeps its data; the check cache, derived results only,
  drops its tables and fills them again).

Nothing is written to a file before it has passed these checks.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .errors import InputError, OutputError

_SIDECARS = ("-wal", "-shm")
_HEADER = b"SQLite format 3\x00"
_REFUSED = "; refused, left as it is"


def drop_tables(db: sqlite3.Connection, version: int) -> None:
    """The migration of a cache of derived results: drop every table; they are created anew."""
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
             if not r[0].startswith("sqlite_")]
    for name in names:
        db.execute(f'DROP TABLE IF EXISTS "{name}"')


@dataclass(frozen=True)
class Schema:
    """What a cache file must be: ``app_id`` marks the kind of file, ``version`` its layout.

    ``migrate(db, old_version)`` brings an older file up to ``version`` inside the opening
    transaction; ``sql`` (``CREATE TABLE IF NOT EXISTS ...``) runs after it.
    """

    what: str  # "check cache": how messages name the file
    app_id: int
    version: int
    sql: str
    migrate: Callable[[sqlite3.Connection, int], None] = drop_tables
    rebuild_hint: str = "--rebuild-cache"

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", self.sql, flags=re.I))


class CacheFileError(InputError):
    """A cache that can't be used as it is but may be moved aside (damaged, another schema version)."""


class CacheRefused(InputError):
    """A file that isn't this cache (not SQLite, another program's, a folder): never moved or changed."""


class CacheUnavailable(InputError):
    """The cache can't be opened or written here (read-only folder, locked, disk full): not its content."""


def open_cache(path: str | os.PathLike, schema: Schema, *, rebuild: bool = False) -> sqlite3.Connection:
    """A connection to the cache at ``path`` (created if missing), in autocommit mode with WAL."""
    return open_or_rebuild(path, schema, rebuild=rebuild)[0]


def open_or_rebuild(path: str | os.PathLike, schema: Schema, *,
                    rebuild: bool = False) -> tuple[sqlite3.Connection, Path | None]:
    """``open_cache``, and where ``rebuild`` moved a damaged file aside (None when it didn't)."""
    path = Path(path)
    try:
        return _open(path, schema), None
    except CacheFileError:
        if not rebuild:
            raise
    aside = move_aside(path)
    return _open(path, schema), aside


def move_aside(path: Path) -> Path:
    """Rename ``path`` (and its -wal/-shm files) to ``<name>.corrupt-<time>``; the new name."""
    from .io import move_aside as rename_aside

    try:
        return Path(rename_aside(path, "corrupt", companions=_SIDECARS))
    except OutputError as err:
        raise CacheFileError(f"can't move the bad cache aside: {err.message}", path=str(path)) from None


def _is_ours(schema: Schema, app_id: int, version: int, tables: set[str]) -> bool:
    if app_id:
        return app_id == schema.app_id
    if not tables:  # empty: new
        return True
    # written before the mark: the cache's tables and no others (all of them when unversioned)
    return tables <= schema.tables and (version != 0 or tables >= schema.tables)


def _open(path: Path, schema: Schema) -> sqlite3.Connection:
    fail = f"; rerun with {schema.rebuild_hint} to move it aside and start a new one"
    memory = str(path) == ":memory:"
    if not memory:
        if path.is_dir():
            raise CacheRefused(f"{schema.what} is a folder, not a file{_REFUSED}", path=str(path))
        if path.exists() and not path.is_file():
            raise CacheRefused(f"{schema.what} is not a regular file{_REFUSED}", path=str(path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise CacheUnavailable(f"can't create the {schema.what} folder: {err.strerror or err}",
                                   path=str(path.parent)) from None
        # a file that isn't SQLite is refused before SQLite writes a journal next to it
        if path.exists() and path.stat().st_size and not _looks_like_sqlite(path):
            raise CacheRefused(f"not a {schema.what} (not an SQLite database){_REFUSED}", path=str(path))
    db = None
    try:
        db = sqlite3.connect(str(path), timeout=30, isolation_level=None)
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
                  if not r[0].startswith("sqlite_")}
        if not _is_ours(schema, app_id, version, tables):
            raise CacheRefused(f"not a {schema.what} (another program's SQLite database, tables: "
                               f"{', '.join(sorted(tables)) or 'none'}){_REFUSED}", path=str(path))
        if version > schema.version or version < 0:
            relation = "newer than" if version > schema.version else "unknown to"
            raise CacheFileError(f"{schema.what} has schema version {version}, {relation} this bilingual's "
                                 f"{schema.version}{fail}", path=str(path))
        if tables:
            bad = db.execute("PRAGMA quick_check(20)").fetchall()
            if bad != [("ok",)]:
                raise CacheFileError(f"{schema.what} is damaged ({_first_problem(bad)}){fail}", path=str(path))
        db.execute("PRAGMA synchronous=NORMAL")
        if (app_id, version) != (schema.app_id, schema.version):  # new, unmarked or older: set up
            if not memory:
                db.execute("PRAGMA journal_mode=WAL")
            with db:
                db.execute("BEGIN IMMEDIATE")
                if tables and version < schema.version:
                    schema.migrate(db, version)
                for statement in schema.sql.split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA application_id={int(schema.app_id)}")
                db.execute(f"PRAGMA user_version={int(schema.version)}")
        return db
    except sqlite3.OperationalError as err:  # can't open, read-only, locked: the file may be fine
        if db is not None:
            db.close()
        raise CacheUnavailable(f"can't use the {schema.what}: {err}", path=str(path)) from None
    except sqlite3.DatabaseError as err:
        if db is not None:
            db.close()
        raise CacheFileError(f"{schema.what} is damaged ({err}){fail}", path=str(path)) from None
    except BaseException:
        if db is not None:
            db.close()
        raise


def _first_problem(rows: list[tuple]) -> str:
    """quick_check's first finding as one short line, with how many more there are."""
    lines = [line.strip() for row in rows for line in str(row[0]).splitlines()
             if line.strip() and not line.strip().startswith("***")]
    first = " ".join((lines or ["unknown damage"])[0].split())[:120]
    return first + (f"; {len(lines) - 1} more" if len(lines) > 1 else "")


def _looks_like_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == _HEADER
    except OSError:
        return False


def corrupt_error(path: str | os.PathLike, schema: Schema, err: sqlite3.DatabaseError) -> InputError:
    """The one-line error for a cache that fails while in use (a damaged page found mid-run)."""
    if isinstance(err, sqlite3.OperationalError):
        return CacheUnavailable(f"can't use the {schema.what}: {err}", path=str(path))
    return CacheFileError(f"{schema.what} is damaged ({' '.join(str(err).split())[:120]}); rerun with {schema.rebuild_hint} to move it aside "
                          f"and start a new one", path=str(path))


__all__ = ["CacheFileError", "CacheRefused", "CacheUnavailable", "Schema", "corrupt_error", "drop_tables",
           "move_aside", "open_cache", "open_or_rebuild"]
