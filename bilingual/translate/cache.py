"""Translation memory in SQLite (WAL): model + glossary hash + source segment -> result.

Every finished batch is committed at once, so a killed run loses only the
batch in flight and a rerun picks up where it stopped. A second table keeps
each document's last output sentence by sentence, for ``--incremental`` runs
that retranslate only the English sentences that changed.

The file carries its schema version (``PRAGMA user_version``); a cache written
before versions existed (version 0 with this module's tables) is migrated on
open. Before anything is written the file is checked: a file that isn't SQLite
or an SQLite database that isn't a translation cache is refused and left
untouched; a damaged cache or one of another schema version is refused too, or
with ``rebuild=True`` moved aside as ``<name>.corrupt-<time>`` and started anew.
A database error later in the run is one line naming the file, never a
traceback.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

SCHEMA = """
CREATE TABLE IF NOT EXISTS tm (
    model TEXT NOT NULL,
    glossary TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    raw TEXT NOT NULL,          -- the model's output before glossary restoration
    info TEXT NOT NULL,         -- JSON: enforcements, method
    run TEXT NOT NULL,          -- the run that translated it
    created REAL NOT NULL,
    PRIMARY KEY (model, glossary, source)
);
CREATE TABLE IF NOT EXISTS last_output (
    doc TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    info TEXT NOT NULL,
    PRIMARY KEY (doc, source)
);
-- one row per segment the model finished, to audit that no work is ever redone
CREATE TABLE IF NOT EXISTS journal (run TEXT NOT NULL, model TEXT NOT NULL, source TEXT NOT NULL);
"""


SCHEMA_VERSION = 1
TABLES = {"tm", "last_output", "journal"}
_SQLITE_HEADER = b"SQLite format 3\x00"
_REBUILD_HINT = "; pass --rebuild-cache to move it aside and start a new cache"


class CacheError(InputError):
    """The translation cache can't be used as it is."""

    def __init__(self, message: str, *, path: str, rebuildable: bool):
        super().__init__(message + (_REBUILD_HINT if rebuildable else ""), path=path)
        self.rebuildable = rebuildable


def _guarded(method):
    """A database error inside ``method`` becomes one CacheError line naming the file."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as err:
            raise CacheError(f"translation cache is damaged ({err})", path=self.path, rebuildable=True) from None

    return wrapper


@dataclass(frozen=True)
class Entry:
    source: str
    target: str
    raw: str = ""
    info: dict = field(default_factory=dict)


class TranslationCache:
    def __init__(self, path: str | Path, *, rebuild: bool = False):
        self.path = str(path)
        self.run_id = uuid.uuid4().hex[:12]
        self.moved_aside: str | None = None
        try:
            self.db = self._open()
        except CacheError as err:
            if not (rebuild and err.rebuildable):
                raise
            self.moved_aside = self._move_aside()
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        """Connect, check the file is this cache (touching nothing if not), migrate, set up."""
        memory = self.path == ":memory:"
        if not memory:
            p = Path(self.path)
            if p.is_dir():
                raise CacheError("translation cache is a folder, not a file", path=self.path, rebuildable=False)
            p.parent.mkdir(parents=True, exist_ok=True)
            if p.exists() and p.stat().st_size:
                with open(p, "rb") as fh:
                    if fh.read(16) != _SQLITE_HEADER:
                        raise CacheError("not an SQLite database, so not a translation cache; refused, left as "
                                         "it is", path=self.path, rebuildable=False)
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if tables - TABLES or (version == 0 and tables and not TABLES <= tables):
                raise CacheError("an SQLite database that isn't a bilingual translation cache (tables: "
                                 f"{', '.join(sorted(tables))}); refused, left as it is",
                                 path=self.path, rebuildable=False)
            if version > SCHEMA_VERSION or version < 0:
                raise CacheError(f"translation cache has schema version {version}; this bilingual reads "
                                 f"version {SCHEMA_VERSION} and older", path=self.path, rebuildable=True)
            if tables:
                bad = db.execute("PRAGMA quick_check").fetchall()
                if bad != [("ok",)]:
                    raise CacheError(f"translation cache is damaged ({bad[0][0]})", path=self.path,
                                     rebuildable=True)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(SCHEMA)
            if version < SCHEMA_VERSION:  # version 0: the same tables, before versions were recorded
                db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except sqlite3.DatabaseError as err:
            db.close()
            raise CacheError(f"translation cache is damaged ({err})", path=self.path, rebuildable=True) from None
        except BaseException:
            db.close()
            raise
        return db

    def _move_aside(self) -> str:
        from ..io import move_aside

        return move_aside(self.path, "corrupt", companions=("-wal", "-shm"))

    def close(self) -> None:
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @_guarded
    def get_many(self, model: str, glossary: str, sources: list[str]) -> dict[str, Entry]:
        found: dict[str, Entry] = {}
        unique = list(dict.fromkeys(sources))
        for i in range(0, len(unique), 500):
            chunk = unique[i:i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT source, target, raw, info FROM tm WHERE model=? AND glossary=? AND source IN ({marks})",
                (model, glossary, *chunk))
            for src, tgt, raw, info in rows:
                found[src] = Entry(src, tgt, raw, json.loads(info))
        return found

    @_guarded
    def put_many(self, model: str, glossary: str, entries: list[Entry]) -> None:
        now = time.time()
        with self.db:  # one transaction per batch: all of it lands or none
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany(
                "INSERT OR IGNORE INTO tm (model, glossary, source, target, raw, info, run, created) "
                "VALUES (?,?,?,?,?,?,?,?)",
                [(model, glossary, e.source, e.target, e.raw, json.dumps(e.info, ensure_ascii=False),
                  self.run_id, now) for e in entries])
            self.db.executemany("INSERT INTO journal (run, model, source) VALUES (?,?,?)",
                                [(self.run_id, model, e.source) for e in entries])

    @_guarded
    def last_outputs(self, doc: str) -> dict[str, Entry]:
        rows = self.db.execute("SELECT source, target, info FROM last_output WHERE doc=?", (doc,))
        return {s: Entry(s, t, "", json.loads(i)) for s, t, i in rows}

    @_guarded
    def set_last_outputs(self, doc: str, entries: list[Entry]) -> None:
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("DELETE FROM last_output WHERE doc=?", (doc,))
            self.db.executemany(
                "INSERT OR REPLACE INTO last_output (doc, source, target, info) VALUES (?,?,?,?)",
                [(doc, e.source, e.target, json.dumps(e.info, ensure_ascii=False)) for e in entries])

    @_guarded
    def stats(self) -> dict:
        n, runs = self.db.execute("SELECT count(*), count(DISTINCT run) FROM tm").fetchone()
        return {"segments": n, "runs": runs}

    @_guarded
    def journal(self) -> list[tuple[str, str, str]]:
        """(run, model, source) for every segment the model finished, in order."""
        return list(self.db.execute("SELECT run, model, source FROM journal ORDER BY rowid"))
