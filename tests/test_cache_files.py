"""The translation memory and the check cache are opened under one set of rules.

Each row is a bad file met where a cache should be; both caches give the same
one line for it (naming the cache), and both either refuse it untouched or,
with --rebuild-cache, move it aside as <name>.corrupt-<time>. A file that
isn't theirs is never moved, with or without --rebuild-cache. An older schema
is migrated by each cache's own rule: the translation memory keeps its data,
the check cache (derived results only) starts empty.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bilingual.checks.cache import SCHEMA as CHECK_SCHEMA, CheckCache
from bilingual.errors import InputError
from bilingual.translate.cache import FILE as TM_SCHEMA, Entry, TranslationCache

ROWS = 200


def _translation_cache(path: Path) -> None:
    with TranslationCache(path) as tm:
        tm.put_many("m", "g", [Entry(f"source {i} " + "x" * 400, "t", "r") for i in range(ROWS)])


def _check_cache(path: Path) -> None:
    with CheckCache(path, "config") as cache:
        cache.store([(f"slug-{i}", "content", "{}" + " " * 400, "[]") for i in range(ROWS)])


def _translation_rows(path: Path) -> int:
    with TranslationCache(path) as tm:
        return tm.stats()["segments"]


def _check_rows(path: Path) -> int:
    with CheckCache(path, "config") as cache:
        return cache.stats()["articles"]


# cache: (schema, write a real one, open it (rebuild), rows it holds)
CACHES = {
    "translation cache": (TM_SCHEMA, _translation_cache,
                          lambda p, rebuild: TranslationCache(p, rebuild=rebuild), _translation_rows),
    "check cache": (CHECK_SCHEMA, _check_cache,
                    lambda p, rebuild: CheckCache(p, "config", rebuild=rebuild), _check_rows),
}


def damaged(path: Path, schema, make) -> None:
    make(path)
    data = bytearray(path.read_bytes())
    assert len(data) > 8192
    data[4096:] = b"\xff" * (len(data) - 4096)
    path.write_bytes(bytes(data))


def other_version(path: Path, schema, make) -> None:
    make(path)
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version={schema.version + 7}")
    db.close()


def foreign(path: Path, schema, make) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        db.execute("INSERT INTO customers (name) VALUES ('Ivanova')")
    db.close()


def not_sqlite(path: Path, schema, make) -> None:
    path.write_text("en,ru\nKyiv,Киев\n", encoding="utf-8")


# bad file: (spoil it, the line's words ({what}: the cache's name, {v}: its version), may --rebuild-cache move it)
BAD_FILES = {
    "damaged": (damaged, "{what} is damaged (", True),
    "another schema version": (other_version, "{what} has schema version {v7}, newer than this bilingual's {v}",
                               True),
    "foreign SQLite": (foreign, "not a {what} (another program's SQLite database, tables: customers); "
                                "refused, left as it is", False),
    "not SQLite": (not_sqlite, "not a {what} (not an SQLite database); refused, left as it is", False),
}
HINT = "; rerun with --rebuild-cache to move it aside and start a new one"


@pytest.mark.parametrize("rebuild", [False, True], ids=["plain", "--rebuild-cache"])
@pytest.mark.parametrize("bad", list(BAD_FILES))
@pytest.mark.parametrize("cache", list(CACHES))
def test_both_caches_treat_a_bad_file_alike(tmp_path, cache, bad, rebuild):
    schema, make, open_it, rows = CACHES[cache]
    spoil, words, rebuildable = BAD_FILES[bad]
    path = tmp_path / "cache.sqlite"
    spoil(path, schema, make)
    before = path.read_bytes()
    if rebuild and rebuildable:
        open_it(path, True).close()
        aside = [p for p in tmp_path.iterdir() if p.name.startswith("cache.sqlite.corrupt-")]
        assert [p.read_bytes() for p in aside] == [before]
        assert rows(path) == 0  # a new, empty cache of this version
        with sqlite3.connect(path) as db:
            assert db.execute("PRAGMA user_version").fetchone()[0] == schema.version
        db.close()
        return
    with pytest.raises(InputError) as err:
        open_it(path, rebuild)
    line = str(err.value)
    assert "\n" not in line and line.startswith(f"{path}: ")
    assert words.format(what=cache, v=schema.version, v7=schema.version + 7) in line
    assert line.endswith(HINT) == rebuildable  # --rebuild-cache is offered only where it helps
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache.sqlite"]


# cache: rows left after opening a file of the previous schema version (the migration's rule)
MIGRATED = {
    "translation cache": ROWS,  # translations are work: kept
    "check cache": 0,  # derived results: recomputed
}


@pytest.mark.parametrize("cache", list(MIGRATED))
def test_an_older_schema_is_migrated_by_the_caches_own_rule(tmp_path, cache):
    schema, make, _, rows = CACHES[cache]
    path = tmp_path / "cache.sqlite"
    make(path)
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version={schema.version - 1}")
    db.close()
    assert rows(path) == MIGRATED[cache]
    with sqlite3.connect(path) as db:
        marks = db.execute("PRAGMA application_id").fetchone()[0], db.execute("PRAGMA user_version").fetchone()[0]
    db.close()
    assert marks == (schema.app_id, schema.version)
