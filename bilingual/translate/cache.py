"""Translation memory in SQLite (WAL): model + glossary hash + source segment -> result.

Every finished batch is committed at once, so a killed run loses only the
batch in flight and a rerun picks up where it stopped. A second table keeps
each document's last output sentence by sentence, for ``--incremental`` runs
that retranslate only the English sentences that changed.

The file carries its schema version (``PRAGMA user_version``); a cache written
before versions existed (version 0 with this module's tables) is migrated on
open, keeping its data. The file is opened and judged by
``bilingual.sqlitefile`` under the same rules as the check cache: a file that
isn't SQLite or another program's SQLite database is refused and left
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

from ..sqlitefile import Schema, corrupt_error, open_or_rebuild

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


def _keep_data(db: sqlite3.Connection, version: int) -> None:
    """Version 0 (before versions were recorded) has this version's tables: nothing to change, all kept."""


FILE = Schema(what="translation cache", app_id=0x42544D31,  # "BTM1"
              version=SCHEMA_VERSION, sql=SCHEMA, migrate=_keep_data)

def _guarded(method):
    """A database error inside ``method`` becomes one line naming the file."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as err:
            raise corrupt_error(self.path, FILE, err) from None

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
        self.db, aside = open_or_rebuild(self.path, FILE, rebuild=rebuild)
        self.moved_aside: str | None = str(aside) if aside else None

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
