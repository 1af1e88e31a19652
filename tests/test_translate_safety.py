"""translate never writes over its source, and its cache never crashes a run.

Rows are the bad --out-name values and the bad cache files a newsroom meets.
Each refusal is one line and exit 2 *before any translating*: no output file,
no cache file created, the bad cache left byte for byte as it was (or, with
--rebuild-cache, moved aside as translations.sqlite.corrupt-<time>).
"""

from __future__ import annotations

import sqlite3

import pytest
from typer.testing import CliRunner

from bilingual.cli import app
from bilingual.translate.cache import SCHEMA, SCHEMA_VERSION, TranslationCache

from .test_translate import _corpus, argos_home  # noqa: F401  (the fixture)


def run(args):
    return CliRunner().invoke(app, ["translate", "--all", *map(str, args)])


def assert_one_line(res, *words):
    assert res.exit_code == 2, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    lines = res.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), res.stderr
    for w in words:
        assert w in lines[0], lines[0]


# --out-name: value, words in the one error line
OUT_NAMES = {
    "the source's own name": ("en.md", "the English file's own name"),
    "a path into a folder": ("sub/ru.mt.md", "plain file name"),
    "a path out of the article": ("../ru.mt.md", "plain file name"),
    "..": ("..", "plain file name"),
    ".": (".", "plain file name"),
    "empty": ("", "plain file name"),
    "dots inside": ("ru..md", "plain file name"),
}


@pytest.mark.parametrize("kind", list(OUT_NAMES))
def test_bad_out_name_is_refused_before_any_work(argos_home, tmp_path, kind):  # noqa: F811
    name, words = OUT_NAMES[kind]
    corpus = _corpus(tmp_path, n=1)
    en = (corpus / "story-0" / "en.md").read_bytes()
    cache = tmp_path / "tm.sqlite"
    res = run([corpus, "-g", tmp_path / "glossary.csv", "--cache", cache, "--out-name", name])
    assert_one_line(res, words)
    assert (corpus / "story-0" / "en.md").read_bytes() == en
    assert sorted(p.name for p in (corpus / "story-0").iterdir()) == ["en.md", "ru.md"]
    assert not cache.exists()  # nothing was set up, let alone translated


def _valid_cache(path, version=SCHEMA_VERSION, rows=200):
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    db.executemany("INSERT INTO tm VALUES (?,?,?,?,?,?,?,?)",
                   [("m", "g", f"source {i} " + "x" * 400, "t", "r", "{}", "run", 0.0) for i in range(rows)])
    db.execute(f"PRAGMA user_version={version}")
    db.commit()
    db.close()


def corrupt(path):
    _valid_cache(path)
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 3:page * 3 + 600] = b"\xff" * 600  # a table page's header and cells
    path.write_bytes(bytes(data))


def other_version(path):
    _valid_cache(path, version=SCHEMA_VERSION + 7)


def foreign(path):
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    db.execute("INSERT INTO customers (name) VALUES ('Ivanova')")
    db.commit()
    db.close()


def not_sqlite(path):
    path.write_text("en,ru\nKyiv,Киев\n", encoding="utf-8")


# id: (make the file, words in the line, may --rebuild-cache move it aside)
CACHES = {
    "a damaged page": (corrupt, "damaged", True),
    "another schema version": (other_version, f"schema version {SCHEMA_VERSION + 7}", True),
    "a foreign SQLite database": (foreign, "not a translation cache (another program's SQLite database", False),
    "not SQLite at all": (not_sqlite, "not a translation cache (not an SQLite database); refused", False),
}


@pytest.mark.parametrize("kind", list(CACHES))
def test_a_bad_cache_is_one_line_and_left_untouched(argos_home, tmp_path, kind):  # noqa: F811
    make, words, _ = CACHES[kind]
    corpus = _corpus(tmp_path, n=1)
    cache = tmp_path / "translations.sqlite"
    make(cache)
    before = cache.read_bytes()
    res = run([corpus, "-g", tmp_path / "glossary.csv", "--cache", cache])
    assert_one_line(res, str(cache), words)
    assert cache.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "glossary.csv", "translations.sqlite"]
    assert not (corpus / "story-0" / "ru.mt.md").exists()


@pytest.mark.parametrize("kind", list(CACHES))
def test_rebuild_cache_moves_a_damaged_cache_aside(argos_home, tmp_path, kind):  # noqa: F811
    make, words, rebuildable = CACHES[kind]
    corpus = _corpus(tmp_path, n=1)
    cache = tmp_path / "translations.sqlite"
    make(cache)
    before = cache.read_bytes()
    res = run([corpus, "-g", tmp_path / "glossary.csv", "--cache", cache, "--rebuild-cache"])
    if not rebuildable:  # somebody else's file: refused even so, untouched
        assert_one_line(res, words)
        assert cache.read_bytes() == before
        return
    assert res.exit_code == 0, res.output
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("translations.sqlite.corrupt-")]
    assert len(aside) == 1 and aside[0].read_bytes() == before
    assert f"moved the damaged translation cache aside to {aside[0]}" in res.stdout
    assert (corpus / "story-0" / "ru.mt.md").exists()
    with TranslationCache(cache) as tm:
        assert tm.stats()["segments"] == 5
        assert tm.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_cache_from_before_schema_versions_is_migrated_and_kept(argos_home, tmp_path):  # noqa: F811
    corpus = _corpus(tmp_path, n=1)
    cache = tmp_path / "translations.sqlite"
    args = [corpus, "-g", tmp_path / "glossary.csv", "--cache", cache, "--format", "json"]
    assert run(args).exit_code == 0
    db = sqlite3.connect(cache)
    db.execute("PRAGMA user_version=0")  # as every cache was written before versions
    db.commit()
    db.close()
    res = run(args)
    assert res.exit_code == 0, res.output
    assert '"cached": 5' in res.stdout and '"translated": 0' in res.stdout
    db = sqlite3.connect(cache)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()
