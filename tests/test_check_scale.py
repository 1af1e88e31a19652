"""Archive scale: the same report from one process, worker processes, Dask and the check cache;
edits invalidate exactly the articles they touch; a bad cache is one line or moved aside."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

import bilingual
from bilingual import executors as parallel
from bilingual.checks.cache import CACHE_NAME, config_key
from bilingual.cli import app

ROOT = Path(__file__).resolve().parents[1]
SLUGS = sorted(p.name for p in (ROOT / "corpus").iterdir() if p.is_dir() and not p.name.startswith("."))


@pytest.fixture
def pools(monkeypatch) -> list[int]:
    """How many articles each process pool of the test was given."""
    calls: list[int] = []
    real = parallel._pool_map

    def counting(fn, chunks, context, jobs):
        calls.append(sum(len(c) for c in chunks))
        yield from real(fn, chunks, context, jobs)

    monkeypatch.setattr(parallel, "_pool_map", counting)
    monkeypatch.setattr(parallel, "MIN_PER_WORKER", 1)  # seven articles are enough to start the pool
    return calls


@pytest.fixture
def shipped(tmp_path, pools, monkeypatch):
    """A copy of the shipped corpus and glossary, as the current folder (the cache goes inside the copy)."""
    _copy_shipped(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _copy_shipped(root: Path) -> None:
    # not the check cache other runs leave in the shipped corpus
    shutil.copytree(ROOT / "corpus", root / "corpus", ignore=shutil.ignore_patterns(".bilingual"))
    shutil.copy(ROOT / "glossary.csv", root / "glossary.csv")


def cli(root: Path, *args: str):
    """`bilingual check corpus -g glossary.csv ...` in ``root`` (relative paths: the same report anywhere)."""
    here = os.getcwd()
    os.chdir(root)
    try:
        return CliRunner().invoke(app, ["check", "corpus", "-g", "glossary.csv", *args])
    finally:
        os.chdir(here)


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict:
    """format -> (exit code, stdout, stderr) of one process without the cache."""
    root = tmp_path_factory.mktemp("reference")
    _copy_shipped(root)
    out = {}
    for fmt in ("json", "table"):
        res = cli(root, "--jobs", "1", "--no-cache", "-f", fmt)
        out[fmt] = (res.exit_code, res.stdout, res.stderr)
    return out


def cache_file(root: Path) -> Path:
    return root / "corpus" / ".bilingual" / CACHE_NAME


def rechecked(root: Path, **kw) -> tuple[set[str], str]:
    """(slugs checked rather than reused, the report's JSON) of a cached library run."""
    fresh: set[str] = set()
    report = bilingual.check([root / "corpus"], root / "glossary.csv", cache=True,
                             progress=lambda r, reused, total: reused or fresh.add(r.pair.slug), **kw)
    return fresh, json.dumps(report.to_dict(), ensure_ascii=False, indent=2)


def uncached(root: Path) -> str:
    report = bilingual.check([root / "corpus"], root / "glossary.csv")
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)


# ---------------------------------------------------------------- one report, every way


@pytest.mark.parametrize("before, options, fmt, pooled", [
    ([], ["--jobs", "2", "--no-cache"], "json", [7]),  # worker processes
    ([], ["--jobs", "2"], "json", [7]),  # worker processes, filling the cache
    (["--jobs", "2"], ["--jobs", "1"], "json", [7]),  # cache filled by workers, read by one process
    (["--jobs", "1"], ["--jobs", "2"], "table", []),  # all from the cache: no pool is started
])
def test_same_report_from_one_process_workers_and_the_cache(shipped, pools, reference, before, options, fmt,
                                                             pooled):
    if before:
        cli(shipped, *before, "-f", fmt)
    result = cli(shipped, *options, "-f", fmt)
    assert pools == pooled
    assert (result.exit_code, result.stdout, result.stderr) == reference[fmt]
    assert result.exit_code == 1 and "inconsistent_rendering" in result.stdout  # the archive-wide rule ran


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_report(shipped, reference):
    result = cli(shipped, "--executor", "dask", "--workers", "2", "--no-cache", "-f", "json")
    assert (result.exit_code, result.stdout) == reference["json"][:2]


@pytest.mark.parametrize("before, options", [
    (None, ["--jobs", "1", "--no-cache"]),
    (None, ["--jobs", "2", "--no-cache"]),  # read in worker processes
    (["--jobs", "1"], ["--jobs", "1"]),  # the warnings come from the cache with the results
])
def test_reading_warnings_print_once_in_article_order_every_way(shipped, before, options):
    for slug in ("strikes-kharkiv-sumy", "moldova-georgia-nato"):
        ru = shipped / "corpus" / slug / "ru.md"
        ru.write_bytes(ru.read_text(encoding="utf-8").encode("cp1251"))
    if before:
        cli(shipped, *before, "-f", "json")
    result = cli(shipped, *options, "-f", "json")
    warned = [line.split(":")[1].split("/")[-2] for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warned == ["moldova-georgia-nato", "strikes-kharkiv-sumy"]


# ---------------------------------------------------------------- what an edit invalidates


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


EDITS = {
    "nothing": (lambda c: None, set()),
    "an RU file edited": (lambda c: _append(c / "corpus/strikes-kharkiv-sumy/ru.md", "\nВ Киеве прошли переговоры.\n"),
                          {"strikes-kharkiv-sumy"}),
    "an EN file edited": (lambda c: _append(c / "corpus/moldova-georgia-nato/en.md", "\nTalks resumed in Kyiv.\n"),
                          {"moldova-georgia-nato"}),
    "a file touched, bytes unchanged": (lambda c: os.utime(c / "corpus/putin-nato-pledge/ru.md", (1, 1)), set()),
    "a rendering changed (another article's archive-wide flag goes)": (
        lambda c: _replace(c / "corpus/moscow-iran-regime-change/ru.md", "Пезешкьян", "Пезешкиан"),
        {"moscow-iran-regime-change"}),
    "an article added": (lambda c: shutil.copytree(c / "corpus/putin-nato-pledge", c / "corpus/zz-copy"), {"zz-copy"}),
    "an article deleted": (lambda c: shutil.rmtree(c / "corpus/trump-putin-phone-call"), set()),
    "the glossary edited": (lambda c: _append(c / "glossary.csv", "Tbilisi,Тбилиси,place,,,\n"), set(SLUGS)),
    "the glossary rewritten with the same bytes": (
        lambda c: (c / "glossary.csv").write_bytes((c / "glossary.csv").read_bytes()), set()),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_an_edit_rechecks_exactly_what_it_touches(shipped, edit):
    change, expected = EDITS[edit]
    first, before = rechecked(shipped)
    assert first == set(SLUGS)
    change(shipped)
    again, after = rechecked(shipped)
    assert again == expected
    assert after == uncached(shipped)  # reused and rechecked articles make the report a full run makes
    if "rendering" in edit:
        assert before.count('"inconsistent_rendering"') > after.count('"inconsistent_rendering"')


def test_deleted_articles_leave_the_cache(shipped):
    rechecked(shipped)
    shutil.rmtree(shipped / "corpus" / "trump-putin-phone-call")
    rechecked(shipped)
    with sqlite3.connect(cache_file(shipped)) as db:
        stored = {r[0] for r in db.execute("SELECT slug FROM articles")}
    assert stored == set(SLUGS) - {"trump-putin-phone-call"}


def test_checking_one_article_keeps_the_rest_of_the_cache(shipped):
    rechecked(shipped)
    bilingual.check([shipped / "corpus" / "putin-nato-pledge"], shipped / "glossary.csv", cache=True)
    fresh, _ = rechecked(shipped)
    assert fresh == set()


@pytest.mark.parametrize("slug", SLUGS)
def test_a_stored_result_is_the_result(slug):
    """Every field of an article's result survives the cache (a field added later included)."""
    from bilingual.checks.cache import decode_result, encode_result
    from bilingual.sources.corpus import find_pairs
    from bilingual.glossary import load_glossary, matcher_for
    from bilingual.checks.pipeline import check_article

    glossary = load_glossary(ROOT / "glossary.csv")
    pair = find_pairs([ROOT / "corpus" / slug])[0]
    result, _ = check_article(pair, glossary, matcher=matcher_for(glossary))
    assert result.en_lines and result.ru_lines  # a result with more than the defaults to keep
    assert decode_result(pair, encode_result(result, ("a warning",))) == (result, ("a warning",))


@pytest.mark.parametrize("a, b", [
    (("sha-1", "default"), ("sha-2", "default")),
    (("sha-1", "default"), ("sha-1", "semantic")),
])
def test_glossary_and_mode_are_in_the_key(a, b):
    assert config_key(*a) != config_key(*b)
    assert config_key(*a) == config_key(*a)


# ---------------------------------------------------------------- a cache that isn't usable


def _garbage(path: Path) -> None:
    path.write_bytes(b"this is not a database\n" * 200)


def _foreign(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (body TEXT)")
        db.execute("INSERT INTO notes VALUES ('mine')")
    db.close()


def _newer(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version=99")
    db.close()


def _corrupt_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    assert len(data) > 8192
    data[4096:len(data)] = b"\xff" * (len(data) - 4096)
    path.write_bytes(bytes(data))


# id: (spoil the file, from a real cache, words in the line, may --rebuild-cache move it aside)
BAD_CACHES = {
    "not SQLite": (_garbage, False, "not a check cache (not an SQLite database); refused", False),
    "another program's SQLite": (_foreign, False, "not a check cache (another program's SQLite database", False),
    "a newer schema": (_newer, True, "has schema version 99, newer than", True),
    "a corrupt page": (_corrupt_page, True, "check cache is damaged (", True),
}


def _prepare(root: Path, spoil, from_real: bool) -> Path:
    path = cache_file(root)
    if from_real:
        cli(root, "--jobs", "1", "-f", "json")
        with sqlite3.connect(path) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
    else:
        path.parent.mkdir(parents=True)
    spoil(path)
    return path


@pytest.mark.parametrize("kind", list(BAD_CACHES))
def test_bad_cache_is_one_line_and_untouched(shipped, kind):
    spoil, from_real, words, rebuildable = BAD_CACHES[kind]
    path = _prepare(shipped, spoil, from_real)
    data = path.read_bytes()
    result = cli(shipped, "--jobs", "1", "-f", "json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith(f"error: {path.relative_to(shipped)}: ") and words in result.stderr
    assert ("--rebuild-cache" in result.stderr) == rebuildable  # suggested only where it helps
    assert path.read_bytes() == data


@pytest.mark.parametrize("kind", list(BAD_CACHES))
def test_rebuild_cache_moves_the_bad_file_aside(shipped, reference, kind):
    spoil, from_real, words, rebuildable = BAD_CACHES[kind]
    path = _prepare(shipped, spoil, from_real)
    data = path.read_bytes()
    result = cli(shipped, "--jobs", "1", "--rebuild-cache", "-f", "json")
    if not rebuildable:  # not a check cache: refused even so, untouched, nothing moved
        assert (result.exit_code, result.stdout) == (2, "")
        assert words in result.stderr and path.read_bytes() == data
        assert not list(path.parent.glob(f"{CACHE_NAME}.corrupt-*"))
        return
    assert (result.exit_code, result.stdout, result.stderr) == reference["json"]
    aside = list(path.parent.glob(f"{CACHE_NAME}.corrupt-*"))
    assert [p.read_bytes() for p in aside if not p.name.endswith(("-wal", "-shm"))] == [data]
    fresh, _ = rechecked(shipped)  # the new cache holds every article
    assert fresh == set()


def test_a_cache_that_cannot_be_created_is_a_warning(shipped, reference):
    (shipped / "corpus" / ".bilingual").write_text("a file where the cache folder goes")
    result = cli(shipped, "--jobs", "1", "-f", "json")
    assert (result.exit_code, result.stdout) == reference["json"][:2]
    assert result.stderr.startswith("warning: ") and "check cache" in result.stderr


# ---------------------------------------------------------------- options


@pytest.mark.parametrize("options, words", [
    (["--workers", "2"], "--workers needs --executor dask"),
    (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --executor dask"),
    (["--executor", "dask", "--jobs", "2"], "--jobs is for the local executor"),
    (["--executor", "dask", "--workers", "2", "--scheduler", "tcp://127.0.0.1:1"], "not both"),
])
def test_executor_options_that_do_not_fit(shipped, options, words):
    result = cli(shipped, *options)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and words in result.stderr


def test_glossary_mine_same_proposals_with_workers(shipped, pools):
    args = ["glossary", "mine", str(shipped / "corpus"), "-g", str(shipped / "glossary.csv")]
    one = CliRunner().invoke(app, [*args, "--jobs", "1"])
    two = CliRunner().invoke(app, [*args, "--jobs", "2"])
    assert pools == [7]
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and "Пезешкиан" in one.stdout
    assert one.stderr == two.stderr


def _die(context, chunk):
    os._exit(9)


def test_a_worker_that_dies_is_one_error(pools):
    with pytest.raises(parallel.WorkerError, match="a worker process died"):
        list(parallel.ordered_map(_die, list(range(20)), {}, parallel.Plan(jobs=2)))
    assert pools == [20]
