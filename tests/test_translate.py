"""Translation through the real Argos install and CTranslate2 path, with a tiny copy model.

The model is built by ``tests/argosmodel_builder.py`` (seconds, no network) and
copies its input exactly, so every expected output below can be checked by eye:
what goes in protected comes out restored, in the case the sentence needs.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilingual.cli import app
from bilingual.errors import ModelError
from bilingual.glossary import parse_glossary

from .argosmodel_builder import build_argosmodel

REPO = Path(__file__).resolve().parents[1]

GLOSSARY_CSV = """\
en,ru,type,variants,forbidden,note
Kyiv,Киев,city,,Київ,
Kharkiv,Харьков,city,,Харкив;Харків,
Moldova,Молдова,country,,Молдавия,
Volodymyr Zelensky,Владимир Зеленский,person,,Володимир Зеленський,
"""
GLOSSARY = parse_glossary(GLOSSARY_CSV.encode(), "glossary.csv")


@pytest.fixture(scope="session")
def argos_home(tmp_path_factory):
    """Argos's folders in a temporary home, never the user's; the tiny model installed."""
    home = tmp_path_factory.mktemp("argos-home")
    env = {"XDG_DATA_HOME": home / "data", "XDG_CONFIG_HOME": home / "config",
           "XDG_CACHE_HOME": home / "cache", "ARGOS_PACKAGES_DIR": home / "packages"}
    mp = pytest.MonkeyPatch()
    for key, value in env.items():
        mp.setenv(key, str(value))
    archive = build_argosmodel(home / "translate-en_ru-tiny.argosmodel")
    from bilingual.translate.models import install_model

    install_model(archive)
    yield {"home": home, "archive": archive, "env": {k: str(v) for k, v in env.items()}}
    mp.undo()


def _env(argos_home) -> dict:
    return {**os.environ, **argos_home["env"]}


# ------------------------------------------------------------------ models


def test_models_cli_lists_installs_and_removes(argos_home, tmp_path):
    runner = CliRunner()
    listed = runner.invoke(app, ["models", "list", "--format", "json"])
    assert listed.exit_code == 0, listed.output
    assert [(m["name"], m["from"], m["to"], m["sentence_splitter"]) for m in json.loads(listed.output)] == [
        ("translate-en_ru-tiny", "en", "ru", "minisbd")]
    other = build_argosmodel(tmp_path / "other.argosmodel", name="translate-en_ru-other", version="2.0")
    res = runner.invoke(app, ["models", "install", str(other)])
    assert res.exit_code == 0, res.output
    assert "installed translate-en_ru-other (en→ru, v2.0)" in res.output
    assert "translate-en_ru-other" in runner.invoke(app, ["models", "list"]).output
    again = runner.invoke(app, ["models", "install", str(other)])  # the same file: nothing to do
    assert again.exit_code == 0 and again.output.startswith("already installed: translate-en_ru-other (en→ru, v2.0)")
    newer = build_argosmodel(tmp_path / "newer.argosmodel", name="translate-en_ru-other", version="2.1")
    res = runner.invoke(app, ["models", "install", str(newer)])
    assert res.exit_code == 0 and res.output.startswith("installed translate-en_ru-other (en→ru, v2.1)")
    res = runner.invoke(app, ["models", "remove", "translate-en_ru-other"])
    assert res.exit_code == 0 and "removed translate-en_ru-other" in res.output
    assert "translate-en_ru-other" not in runner.invoke(app, ["models", "list"]).output


def _zip(path: Path, members: dict[str, bytes], links: tuple[str, ...] = ()) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        for name in links:
            info = zipfile.ZipInfo(name)
            info.external_attr = (0o120777 << 16)
            zf.writestr(info, "/etc/passwd")
    return path


GOOD = {"pkg/metadata.json": b'{"from_code": "en", "to_code": "ru"}', "pkg/model/model.bin": b"x"}


@pytest.mark.parametrize("members, links, message", [
    ({**GOOD, "pkg/../../evil.txt": b"owned"}, (), "outside the package folder"),
    ({**GOOD, "/tmp/evil-abs.txt": b"owned"}, (), "outside the package folder"),
    ({**GOOD, "pkg\\..\\..\\evil.txt": b"owned"}, (), "outside the package folder"),
    (GOOD, ("pkg/link",), "is a link"),
    ({**GOOD, "other/file": b"x"}, (), "one top folder"),
    ({"pkg/model/model.bin": b"x"}, (), "metadata.json is missing"),
    ({"pkg/metadata.json": b"{not json", "pkg/model/model.bin": b"x"}, (), "not valid JSON"),
])
def test_unsafe_or_broken_archives_are_refused(argos_home, tmp_path, members, links, message):
    archive = _zip(tmp_path / "bad.argosmodel", members, links)
    before = sorted(p.name for p in Path(argos_home["env"]["ARGOS_PACKAGES_DIR"]).iterdir())
    res = CliRunner().invoke(app, ["models", "install", str(archive)])
    assert res.exit_code == 2
    assert res.output.startswith(f"error: {archive}: ") and message in res.output
    assert sorted(p.name for p in Path(argos_home["env"]["ARGOS_PACKAGES_DIR"]).iterdir()) == before
    assert not (tmp_path.parent / "evil.txt").exists() and not Path("/tmp/evil-abs.txt").exists()


def test_install_interrupted_mid_extraction_leaves_no_model(argos_home, tmp_path, monkeypatch):
    from bilingual.translate.models import install_model, list_models

    archive = build_argosmodel(tmp_path / "translate-en_ru-partial.argosmodel", name="translate-en_ru-partial")
    real_extract = zipfile.ZipFile.extract

    def extract_two_then_die(self, path=None, members=None, pwd=None):
        for info in self.infolist()[:2]:
            real_extract(self, info, path, pwd)
        raise OSError("disk full")

    monkeypatch.setattr(zipfile.ZipFile, "extractall", extract_two_then_die)
    before = [m.name for m in list_models()]
    with pytest.raises(ModelError, match="disk full"):
        install_model(archive)
    packages = Path(argos_home["env"]["ARGOS_PACKAGES_DIR"])
    assert [m.name for m in list_models()] == before
    assert not (packages / "translate-en_ru-partial").exists()
    assert not [p for p in packages.iterdir() if p.name.startswith(".install-")]


def test_not_a_zip_is_refused(argos_home, tmp_path):
    fake = tmp_path / "model.argosmodel"
    fake.write_text("hello")
    res = CliRunner().invoke(app, ["models", "install", str(fake)])
    assert res.exit_code == 2 and "must be a zip archive" in res.output


def test_online_install_fails_fast_when_the_index_does_not_answer(argos_home, monkeypatch):
    # A server that accepts the connection and never replies: the worst case for a hang.
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    conns = []
    threading.Thread(target=lambda: conns.append(srv.accept()), daemon=True).start()
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", f"http://127.0.0.1:{srv.getsockname()[1]}/")
    from bilingual.translate.models import install_online

    started = time.monotonic()
    with pytest.raises(ModelError, match="offline"):
        install_online("en", "ru", timeout=1.0)
    assert time.monotonic() - started < 10
    srv.close()


def test_online_install_unreachable_index_is_a_clear_cli_error(argos_home, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/")  # nothing listens on the discard port
    res = CliRunner().invoke(app, ["models", "install", "--online"])
    assert res.exit_code == 2
    assert res.output.startswith("error: cannot reach http://127.0.0.1:9/index.json")
    assert "bilingual models install FILE.argosmodel" in res.output


def test_missing_model_is_a_model_error(argos_home):
    from bilingual.translate.models import find_model

    with pytest.raises(ModelError, match="no en→de model installed"):
        find_model(None, "en", "de")


# ------------------------------------------------------------------ the backend


def test_backend_translates_through_ctranslate2(argos_home):
    from bilingual.translate.backends import get_backend

    backend = get_backend("argos", beam=2)
    texts = ["The president said on Monday that talks in Kyiv would resume.",
             "Prices rose 3.5% — «quotes», ёлка and 2024!", "x"]
    assert backend.translate_batch(texts) == texts
    assert backend.model_id == "argos:translate-en_ru-tiny@1.0|beam2"
    assert backend.split_sentences("Talks resumed. The mayor said so! Is it true?") == [
        "Talks resumed.", "The mayor said so!", "Is it true?"]


def test_each_length_sorted_batch_gets_its_own_decoding_cap(argos_home):
    """A looping output can cost its batch at most twice the longest source plus 10 tokens."""
    from bilingual.translate.backends import get_backend

    backend = get_backend("argos", batch_size=2)
    real, calls = backend.translator, []

    class Recording:
        def translate_batch(self, batch, **kw):
            calls.append(([len(t) for t in batch], kw["max_decoding_length"]))
            return real.translate_batch(batch, **kw)

    backend.translator = Recording()
    texts = ["Talks in Kyiv and Kharkiv would resume after a long pause, officials said.", "x",
             "The mayor spoke.", "Refugees came from Zaporizhzhia and Dnipro on Monday and Tuesday."]
    assert backend.translate_batch(texts) == texts  # order restored, nothing cut short
    assert len(calls) == 2
    lengths = [n for batch, _ in calls for n in batch]
    assert lengths == sorted(lengths)
    assert [cap for _, cap in calls] == [2 * max(batch) + 10 for batch, _ in calls]


def test_a_model_caught_in_a_loop_is_cut_at_the_batch_cap(tmp_path):
    """A model that never emits </s> stops at twice the batch's longest source plus 10 tokens."""
    import zipfile

    from bilingual.translate.argos import ArgosBackend
    from bilingual.translate.models import ModelInfo

    archive = build_argosmodel(tmp_path / "loop.argosmodel", name="translate-en_ru-loop", eos=False)
    zipfile.ZipFile(archive).extractall(tmp_path)
    info = ModelInfo("translate-en_ru-loop", "en", "ru", "1.0", str(tmp_path / "translate-en_ru-loop"), "minisbd")
    backend = ArgosBackend(info=info, batch_size=2)
    real, seen = backend.translator, []

    class Result:
        def __init__(self, pending, source_len, cap):
            self.pending, self.source_len, self.cap = pending, source_len, cap

        def result(self):
            res = self.pending.result()
            seen.append((self.source_len, len(res.hypotheses[0]), self.cap))
            return res

    class Recording:
        def translate_batch(self, batch, **kw):
            out = real.translate_batch(batch, **kw)
            return [Result(r, len(t), kw["max_decoding_length"]) for r, t in zip(out, batch)]

    backend.translator = Recording()
    texts = ["Talks in Kyiv resumed.", "x", "The mayor spoke on Monday in Kharkiv."]
    out = backend.translate_batch(texts)
    assert all(o.startswith(t) and len(o) > len(t) for o, t in zip(out, texts))  # it copied, then looped
    assert len(seen) == 3
    for source_len, produced, cap in seen:
        assert produced == cap < 512  # decoding ran to the cap, not to max_decoding_length


def test_argos_own_translate_runs_the_installed_package(argos_home):
    """The package is a real Argos package: Argos's own pipeline (MiniSBD, CTranslate2) runs it."""
    from argostranslate import translate

    translate.get_installed_languages.cache_clear()
    text = "Talks in Kyiv resumed. The mayor said so!\n\nSecond paragraph."
    assert translate.translate(text, "en", "ru") == text


# protected source as the copy model returns it | the restored Russian
REAL_RESTORE = [
    ("Переговоры в Kyiv возобновились.", "Переговоры в Киеве возобновились."),
    ("Беженцы из Kharkiv и Kyiv.", "Беженцы из Харькова и Киева."),
    ("Встреча с Volodymyr Zelensky прошла.", "Встреча с Владимиром Зеленским прошла."),
    ("Граница с Moldova закрыта, Молдавия молчит.", "Граница с Молдовой закрыта, Молдова молчит."),
    # a literal «ZX1» stays; the placeholder takes a number the text doesn't use
    ("Модель ZX1 испытали в Kyiv.", "Модель ZX1 испытали в Киеве."),
]


@pytest.mark.parametrize("source, expected", REAL_RESTORE)
def test_placeholders_survive_the_model_and_names_are_inflected(argos_home, source, expected):
    from bilingual.translate.chunks import translate_chunk

    [entry] = translate_chunk("argos", {}, GLOSSARY, [source])
    if "ZX1 испытали" in source:  # the literal token kept, the name protected as ZX2
        assert "ZX1" in entry.raw and "ZX2" in entry.raw and entry.info["method"] == "placeholders"
    else:  # the model saw and returned placeholders, which came back as inflected names
        assert "ZX1" in entry.raw and "Kyiv" not in entry.raw and entry.info["method"] == "placeholders"
    assert entry.target == expected


def test_missing_extra_is_reported(tmp_path):
    code = ("import sys; sys.modules['ctranslate2'] = None\n"
            "from bilingual.translate.backends import get_backend\n"
            "from bilingual.errors import MissingExtraError\n"
            "try:\n    get_backend('argos')\nexcept MissingExtraError as e:\n    print(e.extra, '|', e)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert out.stdout.startswith("translate | ") and "pip install 'bilingual[translate]'" in out.stdout


def test_check_and_import_never_load_the_translation_stack(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "en.md").write_text("Talks in Kyiv resumed on Monday after a long pause.\n")
    (tmp_path / "a" / "ru.md").write_text("Переговоры в Киеве возобновились в понедельник после паузы.\n")
    code = ("import sys, bilingual\nfrom typer.testing import CliRunner\nfrom bilingual.cli import app\n"
            f"r = CliRunner().invoke(app, ['check', {str(tmp_path)!r}])\n"
            "print(r.exit_code, sorted(m for m in ('argostranslate', 'ctranslate2', 'sentencepiece', "
            "'dask', 'distributed') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert out.stdout.split(" ", 1)[1].strip() == "[]", out.stdout + out.stderr


# ------------------------------------------------------------------ the runner and cache

ARTICLE_EN = """\
---
title: Talks in Kyiv
date: 2025-06-01
---
# Talks in Kyiv

Officials from Moldova arrived on Monday.  The meeting lasted four hours.

Переговоры в Kyiv возобновились. Беженцы из Kharkiv вернулись.
"""


def _corpus(root: Path, n: int = 2, extra: int = 0) -> Path:
    corpus = root / "corpus"
    for i in range(n):
        d = corpus / f"story-{i}"
        d.mkdir(parents=True, exist_ok=True)
        lines = [f"Sentence {j} of story {i} mentions Kyiv and the border with Moldova." for j in range(extra)]
        (d / "en.md").write_text(ARTICLE_EN + ("\n" + " ".join(lines) + "\n" if lines else ""), encoding="utf-8")
        (d / "ru.md").write_text("Человеческий перевод.\n", encoding="utf-8")
    (root / "glossary.csv").write_text(GLOSSARY_CSV, encoding="utf-8")
    return corpus


def _translate(args: list[str]) -> dict:
    res = CliRunner().invoke(app, ["translate", *args, "--all", "--format", "json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.output)


def test_translate_writes_ru_mt_and_resumes_from_cache(argos_home, tmp_path):
    corpus = _corpus(tmp_path)
    gl = str(tmp_path / "glossary.csv")
    first = _translate([str(corpus), "--glossary", gl])
    assert (first["documents"], first["segments"], first["translated"], first["cached"]) == (2, 12, 5, 0)
    out = (corpus / "story-0" / "ru.mt.md").read_text(encoding="utf-8")
    assert out.startswith('---\ntitle: "Talks in Киев"\ndate: "2025-06-01"\nlang: "ru"\nsource: "en.md"\n')
    body = out.split("---\n", 2)[2]
    assert body == ("# Talks in Киев\n\nOfficials from Молдова arrived on Monday.  The meeting lasted four hours."
                    "\n\nПереговоры в Киеве возобновились. Беженцы из Харькова вернулись.\n")
    assert (corpus / "story-0" / "ru.md").read_text(encoding="utf-8") == "Человеческий перевод.\n"
    assert first["enforcements"][0]["new"] in ("Киев", "Молдова", "Киеве", "Харькова")

    again = _translate([str(corpus), "--glossary", gl])
    assert (again["translated"], again["cached"]) == (0, 5)
    assert (corpus / "story-0" / "ru.mt.md").read_text(encoding="utf-8") == out

    # one English sentence changes: only it goes to the model
    en = corpus / "story-1" / "en.md"
    en.write_text(en.read_text(encoding="utf-8").replace("four hours", "five hours"), encoding="utf-8")
    third = _translate([str(corpus), "--glossary", gl])
    assert (third["translated"], third["cached"]) == (1, 5)


def test_incremental_keeps_unchanged_sentences_across_a_glossary_change(argos_home, tmp_path):
    corpus = _corpus(tmp_path, n=1)
    gl = tmp_path / "glossary.csv"
    _translate([str(corpus), "--glossary", str(gl)])
    gl.write_text(GLOSSARY_CSV + "Monday,понедельник,day,,,\n", encoding="utf-8")
    en = corpus / "story-0" / "en.md"
    en.write_text(en.read_text(encoding="utf-8").replace("four hours", "five hours"), encoding="utf-8")
    inc = _translate([str(corpus), "--glossary", str(gl), "--incremental"])
    assert (inc["translated"], inc["reused"]) == (1, 4)
    full = _translate([str(corpus), "--glossary", str(gl)])
    assert (full["translated"], full["cached"]) == (4, 1)  # the new glossary: all not yet done under it


def test_a_human_ru_md_is_never_overwritten_unless_asked(argos_home, tmp_path):
    corpus = _corpus(tmp_path, n=1)
    res = CliRunner().invoke(app, ["translate", str(corpus), "--all", "--out-name", "ru.md", "-g", str(tmp_path / "glossary.csv")])
    assert res.exit_code == 2 and "pass --overwrite" in res.output
    assert (corpus / "story-0" / "ru.md").read_text(encoding="utf-8") == "Человеческий перевод.\n"
    res = CliRunner().invoke(app, ["translate", str(corpus), "--all", "--out-name", "ru.md", "--overwrite",
                                   "-g", str(tmp_path / "glossary.csv")])
    assert res.exit_code == 0, res.output
    assert "Переговоры в Киеве" in (corpus / "story-0" / "ru.md").read_text(encoding="utf-8")


def test_fallback_when_the_model_drops_placeholders(argos_home, tmp_path):
    """A model that loses placeholders: the sentence is retranslated unprotected and corrected."""
    from bilingual.translate import chunks as executors

    class Dropping:
        model_id = "dropping"

        def translate_batch(self, texts):
            return [t.replace("ZX1", "").replace("Kharkiv", "Харкиве") for t in texts]

    executors.register_backend("dropping", {}, Dropping())
    [entry] = executors.translate_chunk("dropping", {}, GLOSSARY, ["Он был в Kharkiv."])
    assert entry.target == "Он был в Харькове."
    assert entry.info["method"] == "fallback"


# ------------------------------------------------------------------ crash safety and scale-out


def _run_cli(args: list[str], env: dict, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "bilingual", "translate", "--all", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def _journal_count(db: Path) -> int:
    import sqlite3

    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as con:
            return con.execute("SELECT count(*) FROM journal").fetchone()[0]
    except sqlite3.OperationalError:  # created but no tables yet
        return 0


@pytest.mark.slow
def test_sigkill_at_random_points_then_resume(argos_home, tmp_path):
    import random

    from bilingual.translate.cache import TranslationCache

    env = _env(argos_home)
    ref_root, run_root = tmp_path / "ref", tmp_path / "run"
    ref = _corpus(ref_root, n=4, extra=150)
    corpus = _corpus(run_root, n=4, extra=150)
    common = ["--chunk-size", "8", "--beam", "4"]
    p = _run_cli([str(ref), "-g", str(ref_root / "glossary.csv"), *common, "--format", "json"], env)
    out, err = p.communicate(timeout=120)
    assert p.returncode == 0, err
    reference = {d.name: (d / "ru.mt.md").read_text(encoding="utf-8") for d in sorted(ref.glob("story-*"))}
    total = json.loads(out)["unique_segments"]

    rng = random.Random(20251125)
    db = corpus / ".bilingual" / "translations.sqlite"
    # One kill during start-up, then kills at random points of the translation itself
    # (the n-th finished segment, increasing from run to run as earlier runs' work is kept).
    targets = [None] + sorted(rng.sample(range(1, total - 20), 5))
    progress = []
    for target in targets:
        p = _run_cli([str(corpus), "-g", str(run_root / "glossary.csv"), *common], env)
        if target is None:
            time.sleep(rng.uniform(0.2, 1.0))
        else:
            while p.poll() is None and _journal_count(db) < target:
                time.sleep(0.02)
        assert p.poll() is None, "the run finished before the kill point"
        p.kill()
        p.communicate()
        progress.append(_journal_count(db))
        for d in sorted(corpus.glob("story-*")):  # a file is complete or absent, never half-written
            out_file = d / "ru.mt.md"
            assert not out_file.exists() or out_file.read_text(encoding="utf-8") == reference[d.name]
    assert progress == sorted(progress) and 0 < progress[-1] < total  # work kept, some left to do

    p = _run_cli([str(corpus), "-g", str(run_root / "glossary.csv"), *common, "--format", "json"], env)
    out, err = p.communicate(timeout=120)
    assert p.returncode == 0, err
    final = json.loads(out)
    assert (final["translated"], final["cached"]) == (total - progress[-1], progress[-1])
    for d in sorted(corpus.glob("story-*")):
        assert (d / "ru.mt.md").read_text(encoding="utf-8") == reference[d.name]
        assert not list(d.glob(".ru.mt.md.*.tmp"))
    with TranslationCache(db) as tm:
        journal = [src for _run, _model, src in tm.journal()]
    assert len(journal) == len(set(journal)) == total  # every segment translated exactly once


@pytest.mark.slow
def test_dask_local_cluster_matches_the_local_run(argos_home, tmp_path, monkeypatch):
    from bilingual.translate.cache import TranslationCache
    from bilingual.translate.runner import translate_corpus

    for key, value in argos_home["env"].items():
        monkeypatch.setenv(key, value)  # the workers inherit the environment
    local_root, dask_root = tmp_path / "local", tmp_path / "dask"
    local = _corpus(local_root, n=3, extra=10)
    distributed = _corpus(dask_root, n=3, extra=10)
    one = translate_corpus([local], glossary=GLOSSARY, backend_options={"beam": 2}, chunk_size=8)
    two = translate_corpus([distributed], glossary=GLOSSARY, backend_options={"beam": 2}, chunk_size=8,
                           executor="dask", workers=2)
    assert (two.translated, two.executor, two.model) == (one.translated, "dask", one.model)
    for d in sorted(local.glob("story-*")):
        assert (distributed / d.name / "ru.mt.md").read_text(encoding="utf-8") == \
            (d / "ru.mt.md").read_text(encoding="utf-8")
    with TranslationCache(distributed / ".bilingual" / "translations.sqlite") as tm:
        journal = tm.journal()
    assert len(journal) == len({src for _r, _m, src in journal}) == two.translated


@pytest.mark.slow
def test_dask_existing_scheduler_via_cli(argos_home, tmp_path, monkeypatch):
    from dask.distributed import LocalCluster

    for key, value in argos_home["env"].items():
        monkeypatch.setenv(key, value)
    corpus = _corpus(tmp_path, n=2)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        summary = _translate([str(corpus), "-g", str(tmp_path / "glossary.csv"), "--executor", "dask",
                              "--scheduler", cluster.scheduler_address])
        from dask.distributed import Client

        with Client(cluster) as client:  # each worker loaded the model once and kept it
            loaded = client.run(lambda: list(__import__("bilingual.translate.chunks",
                                                        fromlist=["_BACKENDS"])._BACKENDS))
        assert len(loaded) == 2 and all(len(keys) == 1 for keys in loaded.values())
    assert (summary["executor"], summary["translated"]) == ("dask", 5)
    assert "Переговоры в Киеве возобновились." in (corpus / "story-1" / "ru.mt.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("args, message", [
    (["--to", "de"], "only EN→RU"),
    (["--workers", "2"], "--workers needs --executor dask"),
    (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --executor dask"),
    (["--model", "nope"], "model 'nope' is not installed"),
])
def test_translate_usage_errors_are_one_line(argos_home, tmp_path, args, message):
    corpus = _corpus(tmp_path, n=1)
    res = CliRunner().invoke(app, ["translate", str(corpus), "--all", "-g", str(tmp_path / "glossary.csv"), *args])
    assert res.exit_code == 2 and res.output.startswith("error: ") and message in res.output
    assert not (corpus / "story-0" / "ru.mt.md").exists()


def test_translate_unreadable_article_writes_nothing(argos_home, tmp_path):
    corpus = _corpus(tmp_path, n=2)
    (corpus / "story-1" / "en.md").write_bytes(b"%PDF-1.4 binary")
    res = CliRunner().invoke(app, ["translate", str(corpus), "--all", "-g", str(tmp_path / "glossary.csv")])
    assert res.exit_code == 2 and "story-1/en.md" in res.output and "PDF" in res.output
    assert not list(corpus.glob("*/ru.mt.md"))


def test_the_package_splitter_can_replace_the_projects(argos_home, tmp_path):
    """The tiny package's MiniSBD splitter cuts at every full stop; pysbd knows «Mr.» is no end."""
    corpus = tmp_path / "corpus"
    (corpus / "a").mkdir(parents=True)
    (corpus / "a" / "en.md").write_text("Mr. Smith went to Kyiv. He came back.\n", encoding="utf-8")
    (tmp_path / "glossary.csv").write_text(GLOSSARY_CSV, encoding="utf-8")
    gl = ["-g", str(tmp_path / "glossary.csv")]
    project = _translate([str(corpus), *gl, "--cache", str(tmp_path / "p.sqlite")])
    package = _translate([str(corpus), *gl, "--cache", str(tmp_path / "q.sqlite"), "--splitter", "package"])
    assert (project["segments"], package["segments"]) == (2, 3)
    assert (corpus / "a" / "ru.mt.md").read_text(encoding="utf-8").endswith(
        "---\nMr. Smith went to Киев. He came back.\n")
