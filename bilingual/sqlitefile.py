"""SQLite files the tool keeps next to a corpus: opened in WAL mode, marked as ours, versioned.

A cache file is marked with ``PRAGMA application_id`` (which tool wrote it) and
``PRAGMA user_version`` (its schema). Opening one that is corrupt, foreign (an
SQLite database some other program owns, or not SQLite at all) or written by a
newer schema stops with one line naming the file and saying how to start over;
with ``rebuild=True`` the bad file (and its WAL sidecars) is moved aside as
``<name>.corrupt-<time>`` and a new one is created. The file the user pointed
at is never modified in place when it isn't ours.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, OutputError

_SIDECARS = ("-wal", "-shm")


@dataclass(frozen=True)
class Schema:
    """What a cache file must be: ``app_id`` marks the kind of file, ``version`` its layout."""

    what: str  # "check cache": how messages name the file
    app_id: int
    version: int
    sql: str  # CREATE TABLE IF NOT EXISTS ... for this version
    rebuild_hint: str = "--rebuild-cache"


class CacheFileError(InputError):
    """A cache file that can't be used as it is (corrupt, foreign, newer schema)."""


class CacheUnavailable(InputError):
    """The cache can't be opened or written here (read-only folder, locked, disk full): not its content."""


def open_cache(path: str | os.PathLike, schema: Schema, *, rebuild: bool = False) -> sqlite3.Connection:
    """A connection to the cache at ``path`` (created if missing), in autocommit mode with WAL."""
    path = Path(path)
    try:
        return _open(path, schema)
    except CacheFileError:
        if not rebuild:
            raise
    move_aside(path)
    return _open(path, schema)


def move_aside(path: Path) -> Path:
    """Rename ``path`` (and its -wal/-shm files) to ``<name>.corrupt-<time>``; the new name."""
    from .io import move_aside as rename_aside

    try:
        return Path(rename_aside(path, "corrupt", companions=_SIDECARS))
    except OutputError as err:
        raise CacheFileError(f"can't move the bad cache aside: {err.message}", path=str(path)) from None


def _open(path: Path, schema: Schema) -> sqlite3.Connection:
    fail = f"; rerun with {schema.rebuild_hint} to move it aside and start a new one"
    if path.exists() and not path.is_file():
        raise InputError(f"{schema.what} is not a regular file", path=str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise CacheUnavailable(f"can't create the {schema.what} folder: {err.strerror or err}",
                               path=str(path.parent)) from None
    db = None
    try:
        # a file that isn't SQLite is refused before SQLite writes a journal next to it
        if path.exists() and path.stat().st_size and not _looks_like_sqlite(path):
            raise CacheFileError(f"not a {schema.what} (not an SQLite database){fail}", path=str(path))
        db = sqlite3.connect(str(path), timeout=30, isolation_level=None)
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id != schema.app_id and (tables or app_id):
            raise CacheFileError(f"not a {schema.what} (another program's SQLite database){fail}", path=str(path))
        if version > schema.version:
            raise CacheFileError(f"{schema.what} has schema version {version}, newer than this bilingual's "
                                 f"{schema.version}{fail}", path=str(path))
        db.execute("PRAGMA synchronous=NORMAL")
        if (app_id, version) != (schema.app_id, schema.version):  # new, or an older layout: (re)create
            db.execute("PRAGMA journal_mode=WAL")
            with db:
                db.execute("BEGIN IMMEDIATE")
                _drop_all(db)  # derived data: recomputing it is the migration
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
        raise CacheFileError(f"{schema.what} is not usable ({err}){fail}", path=str(path)) from None
    except BaseException:
        if db is not None:
            db.close()
        raise


def _looks_like_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _drop_all(db: sqlite3.Connection) -> None:
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    for name in names:
        db.execute(f'DROP TABLE IF EXISTS "{name}"')


def corrupt_error(path: str | os.PathLike, schema: Schema, err: sqlite3.DatabaseError) -> InputError:
    """The one-line error for a cache that fails while in use (a corrupt page found mid-run)."""
    if isinstance(err, sqlite3.OperationalError):
        return CacheUnavailable(f"can't use the {schema.what}: {err}", path=str(path))
    return CacheFileError(f"{schema.what} is corrupt ({err}); rerun with {schema.rebuild_hint} to move it aside "
                          f"and start a new one", path=str(path))


__all__ = ["CacheFileError", "CacheUnavailable", "Schema", "corrupt_error", "move_aside", "open_cache"]
