"""CI and editor workflow: flag locations, schemas, baselines, configuration, no silent pass,
fix --check, and the command line's consistency."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from bilingual.cli import app
from tests.helpers import write_article, write_glossary

runner = CliRunner()

EN = ("# Moldova and the EU\n\n"
      "Moldova wants to join the EU.\n\n"
      "Vladimir Putin disagrees.\n")
RU = ("# Молдова и ЕС\n\n"
      "Молдавия хочет вступить в ЕС.\n\n"
      "Владимир Путин не согласен.\n")


def invoke(args, cwd: Path | None = None, monkeypatch=None):
    if cwd is not None:
        monkeypatch.chdir(cwd)
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture()
def project(tmp_path):
    corpus = tmp_path / "corpus"
    write_article(corpus, "moldova", EN, RU)
    return corpus, write_glossary(tmp_path)


# ------------------------------------------------------------------ flag locations

def test_flags_carry_file_lines_in_json_csv_and_table(project):
    corpus, glossary = project
    data = json.loads(invoke(["check", corpus, "-g", glossary, "-f", "json"]).stdout)
    (flag,) = data["articles"][0]["flags"]
    # front matter (4 lines), the heading, a blank line: the sentence is on line 7 of both files
    assert (flag["kind"], flag["en_line"], flag["ru_line"]) == ("forbidden_variant", 7, 7)
    ru_path = Path(data["articles"][0]["ru_path"])
    assert "Молдавия" in ru_path.read_text(encoding="utf-8").splitlines()[6]
    frame = pd.read_csv(io.StringIO(invoke(["check", corpus, "-g", glossary, "-f", "csv"]).stdout))
    assert frame.loc[0, ["en_line", "ru_line"]].tolist() == [7, 7]
    table = invoke(["check", corpus, "-g", glossary]).stdout
    assert f"{ru_path}:7" in "".join(table.split())  # a long path folds over lines


def test_omission_has_no_russian_line(tmp_path):
    corpus = tmp_path / "corpus"
    write_article(corpus, "gap", "Putin spoke on Monday.\n\nThe weather in the capital was cold and "
                  "grey all week, with snow expected.\n", "Путин выступил в понедельник.\n")
    data = json.loads(invoke(["check", corpus, "--no-glossary", "-f", "json"]).stdout)
    omissions = [f for f in data["articles"][0]["flags"] if f["kind"] == "omission"]
    assert omissions and all(f["ru_line"] is None and f["en_line"] == 7 for f in omissions)


# ------------------------------------------------------------------ schemas

jsonschema = pytest.importorskip("jsonschema")


def _validate(doc, which: str):
    schema = json.loads(invoke(["schema", which]).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(doc)


def test_check_outputs_validate_against_the_schema(project, tmp_path):
    corpus, glossary = project
    write_article(corpus, "gap", "Putin spoke on Monday.\n\nNATO met in Kyiv.\n", "Путин выступил в понедельник.\n")
    (corpus / "lonely").mkdir()
    (corpus / "lonely" / "en.md").write_text("Putin spoke.\n", encoding="utf-8")
    res = invoke(["check", corpus, "-g", glossary, "-f", "json"])
    doc = json.loads(res.stdout)
    assert any(a.get("error") for a in doc["articles"]) and any(a["flags"] for a in doc["articles"])
    _validate(doc, "check")
    baseline = tmp_path / "baseline.json"
    invoke(["check", corpus, "-g", glossary, "--write-baseline", baseline])
    _validate(json.loads(invoke(["check", corpus, "-g", glossary, "-f", "json", "--baseline", baseline]).stdout),
              "check")


def test_schema_lists_every_kind_the_rules_produce():
    from bilingual.checks.drift import KINDS

    schema = json.loads(invoke(["schema", "check"]).stdout)
    assert schema["$defs"]["flag"]["properties"]["kind"]["enum"] == list(KINDS)


def test_diff_outputs_validate_against_the_schema(tmp_path):
    (tmp_path / "old.md").write_text("Путин приехал в Киев. Переговоры шли час.\n", encoding="utf-8")
    (tmp_path / "new.md").write_text("Путин приехал в Харкив. Переговоры шли два часа. Итогов нет.\n",
                                     encoding="utf-8")
    (tmp_path / "en.md").write_text("Putin came to Kharkiv. The talks lasted two hours. No outcome.\n",
                                    encoding="utf-8")
    glossary = write_glossary(tmp_path)
    doc = json.loads(invoke(["diff", tmp_path / "old.md", tmp_path / "new.md", "--en", tmp_path / "en.md",
                             "-g", glossary, "-f", "json"]).stdout)
    assert doc["terms"]["introduced"]
    _validate(doc, "diff")
    (tmp_path / "en_new.md").write_text("Putin came to Kyiv. The talks lasted three hours.\n", encoding="utf-8")
    (tmp_path / "en_old.md").write_text("Putin came to Kyiv. The talks lasted an hour.\n", encoding="utf-8")
    stale = json.loads(invoke(["diff", tmp_path / "en_old.md", tmp_path / "en_new.md", "--ru", tmp_path / "old.md",
                               "-f", "json"]).stdout)
    assert stale["stale"]
    _validate(stale, "diff")


# ------------------------------------------------------------------ baseline

def _flags(res) -> list[dict]:
    return [f for a in json.loads(res.stdout)["articles"] for f in a["flags"]]


def test_baseline_accepts_flags_and_leaves_them_out_of_the_exit_code(project, tmp_path):
    corpus, glossary = project
    baseline = tmp_path / "accepted.json"
    assert invoke(["check", corpus, "-g", glossary]).exit_code == 1
    res = invoke(["check", corpus, "-g", glossary, "--write-baseline", baseline])
    assert res.exit_code == 0 and "wrote 1 accepted flag(s)" in res.stderr
    res = invoke(["check", corpus, "-g", glossary, "--baseline", baseline, "-f", "json"])
    assert res.exit_code == 0
    assert [f["accepted"] for f in _flags(res)] == [True]
    assert json.loads(res.stdout)["accepted"] == 1
    table = invoke(["check", corpus, "-g", glossary, "--baseline", baseline]).stdout
    assert "accepted ·" in table


def _insert_paragraph(text: str, paragraph: str) -> str:
    """``paragraph`` added after the heading: every later sentence moves down an index and two lines."""
    head, rest = text.split("\n\n", 1)
    return f"{head}\n\n{paragraph}\n\n{rest}"


@pytest.mark.parametrize("en_edit, ru_edit, accepted", [
    # an unrelated paragraph before the flagged one shifts indices and lines: still accepted
    (lambda t: _insert_paragraph(t, "The weather was cold all week."),
     lambda t: _insert_paragraph(t, "Всю неделю было холодно."), True),
    # the flagged sentence itself changed: a new flag, and the old entry is stale
    (lambda t: t, lambda t: t.replace("хочет вступить", "очень хочет вступить"), False),
])
def test_baseline_fingerprint_ignores_positions_not_text(project, tmp_path, en_edit, ru_edit, accepted):
    corpus, glossary = project
    baseline = tmp_path / "accepted.json"
    invoke(["check", corpus, "-g", glossary, "--write-baseline", baseline])
    for name, edit in (("en.md", en_edit), ("ru.md", ru_edit)):
        path = corpus / "moldova" / name
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    res = invoke(["check", corpus, "-g", glossary, "--baseline", baseline, "-f", "json"])
    flags = _flags(res)
    assert [(f["kind"], f["accepted"]) for f in flags] == [("forbidden_variant", accepted)]
    assert flags[0]["ru_line"] == (9 if accepted else 7)
    assert res.exit_code == (0 if accepted else 1)
    stale = json.loads(res.stdout)["stale_baseline"]
    assert (stale == []) is accepted
    if not accepted:
        assert "stale baseline entry: moldova forbidden_variant Moldova" in res.stderr


@pytest.mark.parametrize("content, message", [
    ("not json", "not a baseline file"),
    ('{"entries": []}', "not a baseline file"),
    ('{"bilingual_baseline": 1, "entries": [{"kind": "x"}]}', "baseline entry 1"),
])
def test_bad_baseline_is_one_line_exit_2(project, tmp_path, content, message):
    corpus, glossary = project
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    res = invoke(["check", corpus, "-g", glossary, "--baseline", bad])
    assert res.exit_code == 2 and res.stderr.startswith(f"error: {bad}: {message}"), res.stderr


# ------------------------------------------------------------------ configuration

@pytest.mark.parametrize("file, text", [
    ("bilingual.toml", 'corpus = "articles"\nglossary = "terms/g.csv"\nfail_on = "error"\nformat = "json"\n'),
    ("pyproject.toml", '[project]\nname = "site"\n\n[tool.bilingual]\ncorpus = "articles"\n'
                       'glossary = "terms/g.csv"\nfail_on = "error"\nformat = "json"\n'),
])
def test_config_found_upwards_with_paths_relative_to_it(tmp_path, monkeypatch, file, text):
    write_article(tmp_path / "articles", "moldova", EN, RU)
    (tmp_path / "terms").mkdir()
    write_glossary(tmp_path / "terms").rename(tmp_path / "terms" / "g.csv")
    (tmp_path / file).write_text(text, encoding="utf-8")
    sub = tmp_path / "deep" / "below"
    sub.mkdir(parents=True)
    res = invoke(["check"], sub, monkeypatch)
    assert res.exit_code == 1, res.output  # --fail-on error from the file; the flag is an error
    assert _flags(res)[0]["kind"] == "forbidden_variant"  # json from the file, glossary found
    # the command line overrides the file
    assert invoke(["check", "--format", "table"], sub, monkeypatch).stdout.startswith("moldova")
    shown = "\n".join(" ".join(line.split()) for line in invoke(["config"], sub, monkeypatch).stdout.splitlines())
    source = "../../" + file + (" [tool.bilingual]" if file == "pyproject.toml" else "")
    assert f"glossary ../../terms/g.csv ({source})" in shown
    assert "mode default (default)" in shown


@pytest.mark.parametrize("text, message", [
    ('colour = "red"\n', "unknown setting 'colour' (choose from corpus, glossary, fail_on, baseline, mode, format, ru_name, no_translation, editor_url)"),
    ('fail_on = "never"\n', "unknown fail_on 'never' (choose from info, warning, error)"),
    ('glossary = 3\n', "'glossary' must be a path"),
    ('corpus = [\n', "not valid TOML"),
])
def test_bad_config_is_one_line_exit_2(tmp_path, monkeypatch, text, message):
    (tmp_path / "bilingual.toml").write_text(text, encoding="utf-8")
    res = invoke(["check"], tmp_path, monkeypatch)
    assert res.exit_code == 2
    assert res.stderr.startswith(f"error: {tmp_path / 'bilingual.toml'}: {message}"), res.stderr


# ------------------------------------------------------------------ no silent pass

@pytest.mark.parametrize("cmd", [["check", "corpus"], ["fix", "corpus/moldova/ru.md"], ["translate", "corpus"]])
def test_no_glossary_found_stops_with_exit_2(tmp_path, monkeypatch, cmd):
    write_article(tmp_path / "corpus", "moldova", EN, RU)
    res = invoke(cmd, tmp_path, monkeypatch)
    assert res.exit_code == 2
    assert res.stderr.startswith("error: no glossary: pass -g FILE"), res.stderr


def test_no_glossary_runs_the_other_checks(tmp_path, monkeypatch):
    write_article(tmp_path / "corpus", "moldova", EN, RU)
    res = invoke(["check", "--no-glossary", "-f", "json"], tmp_path, monkeypatch)
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["signature"]["glossary_sha256"] == "none"
    res = invoke(["check", "--no-glossary", "-g", "x.csv"], tmp_path, monkeypatch)
    assert res.exit_code == 2 and "don't go together" in res.stderr


# ------------------------------------------------------------------ fix --check

def test_fix_check_exit_codes(project, tmp_path):
    corpus, glossary = project
    ru = corpus / "moldova" / "ru.md"
    before = ru.read_text(encoding="utf-8")
    res = invoke(["fix", ru, "-g", glossary, "--check"])
    assert res.exit_code == 1 and "+Молдова хочет" in res.stdout
    assert ru.read_text(encoding="utf-8") == before
    clean = tmp_path / "clean.md"
    clean.write_text("Молдова хочет вступить в ЕС.\n", encoding="utf-8")
    assert invoke(["fix", clean, "-g", glossary, "--check"]).exit_code == 0
    res = invoke(["fix", clean, ru, "-g", glossary, "--check"])
    assert res.exit_code == 1 and res.stdout.count("+++") == 1


# ------------------------------------------------------------------ consistency

@pytest.mark.parametrize("args, message", [
    (["check", "-f", "nope"], "error: unknown format 'nope' (choose from table, json, csv, xlsx, html)"),
    (["check", "--fail-on", "fatal"],
     "error: unknown fail-on 'fatal' (choose from info, warning, error)"),
    (["align", "a", "b", "-f", "default"],
     "error: unknown format 'default' (choose from table, jsonl, tsv, tmx, xliff)"),
    (["glossary", "export", "-f", "xlsx"],
     "error: unknown format 'xlsx' (choose from csv, tsv, tbx)"),
    (["schema", "fix"], "error: unknown command 'fix' (choose from check, diff)"),
])
def test_bad_choice_is_one_line(args, message):
    res = invoke(args)
    assert res.exit_code == 2
    assert res.stderr.splitlines() == [message]


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version(flag):
    from bilingual import __version__

    res = invoke([flag])
    assert res.exit_code == 0 and res.stdout.strip() == f"bilingual {__version__}"


def test_completion_is_offered():
    assert "--install-completion" in invoke(["--help"]).stdout


HELP = [["check"], ["fix"], ["align"], ["diff"], ["translate"], ["glossary", "mine"], ["glossary", "lint"],
        ["glossary", "import"], ["glossary", "list"], ["models", "list"], ["config"], ["schema"]]


@pytest.mark.parametrize("cmd", HELP, ids=" ".join)
def test_help_names_values_not_python_types(cmd):
    text = invoke([*cmd, "--help"]).stdout
    for python in ("list[", "<int", "<bool>", "<str>", "<float", "Path>"):
        assert python not in text, (python, text)


FORMATS = [["check"], ["align"], ["diff"], ["fix"], ["translate"], ["models", "list"], ["glossary", "list"],
           ["glossary", "lint"], ["glossary", "mine"], ["glossary", "import"], ["config"]]


@pytest.mark.parametrize("cmd", FORMATS, ids=" ".join)
def test_human_output_is_format_table_and_json_is_offered(cmd):
    text = invoke([*cmd, "--help"]).stdout
    assert "-f, --format" in text
    assert "table" in text and "json" in text or cmd == ["align"]


@pytest.mark.parametrize("cmd", [["check"], ["fix"], ["align"], ["diff"], ["translate"], ["glossary", "lint"],
                                 ["glossary", "mine"], ["glossary", "import"], ["glossary", "list"],
                                 ["glossary", "add"], ["glossary", "export"]], ids=" ".join)
def test_glossary_is_dash_g_everywhere(cmd):
    assert "-g, --glossary" in invoke([*cmd, "--help"]).stdout


def test_pre_commit_hooks_run_real_commands(project, monkeypatch):
    import yaml

    hooks = yaml.safe_load((Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml").read_text())
    assert {h["id"] for h in hooks} == {"bilingual-check", "bilingual-fix"}
    corpus, glossary = project
    monkeypatch.chdir(corpus.parent)
    for hook in hooks:
        program, *args = hook["entry"].split()
        assert program == "bilingual" and hook["language"] == "python"
        files = [] if hook.get("pass_filenames") is False else ["corpus/moldova/ru.md"]
        res = invoke([*args, *files])
        assert res.exit_code == 1, (hook["id"], res.output)  # the forbidden «Молдавия» fails both


# ------------------------------------------------------------------ -o picks the format

def _sniff(path: Path) -> str:
    data = path.read_text(encoding="utf-8")
    if data.startswith("<!DOCTYPE html>"):
        return "html"
    if data.startswith("{"):
        return "json"
    if data.startswith("id,slug,kind,"):
        return "csv"
    return "table" if "Flags by kind" in data else "?"


@pytest.mark.parametrize("name, args, fmt", [
    ("report.html", [], "html"),
    ("report.json", [], "json"),
    ("REPORT.CSV", [], "csv"),
    ("report.txt", [], "table"),
    ("report.json", ["--format", "json"], "json"),
])
def test_output_extension_picks_the_check_format(project, tmp_path, name, args, fmt):
    corpus, glossary = project
    out = tmp_path / name
    res = invoke(["check", corpus, "-g", glossary, "-o", out, *args])
    assert res.exit_code == 1, res.output
    assert _sniff(out) == fmt


@pytest.mark.parametrize("args, message", [
    (["check", "CORPUS", "-g", "GLOSSARY", "-o", "r.json", "--format", "csv"],
     "-o r.json is a .json file but --format is csv"),
    (["check", "CORPUS", "-g", "GLOSSARY", "-o", "r.tmx", "-f", "json"], "-o r.tmx is a .tmx file but --format is json"),
    (["glossary", "export", "-g", "GLOSSARY", "-o", "g.tbx", "-f", "csv"], "-o g.tbx is a .tbx file but --format"),
])
def test_format_contradicting_the_extension_is_an_error(project, tmp_path, monkeypatch, args, message):
    corpus, glossary = project
    monkeypatch.chdir(tmp_path)
    args = [str(corpus) if a == "CORPUS" else str(glossary) if a == "GLOSSARY" else a for a in args]
    res = invoke(args)
    assert res.exit_code == 2 and res.stderr.startswith(f"error: {message}"), res.stderr
    assert not list(tmp_path.glob("r.*")) and not (tmp_path / "g.tbx").exists()


@pytest.mark.parametrize("cmd, name, start", [
    (["glossary", "export"], "g.tbx", "<?xml"),
    (["glossary", "export"], "g.tsv", "en\tru"),
    (["align", "corpus/moldova/en.md", "corpus/moldova/ru.md"], "links.jsonl", '{"en": ['),
    (["diff", "corpus/moldova/ru.md", "corpus/moldova/ru.md"], "d.html", "<!DOCTYPE html>"),
])
def test_output_extension_picks_the_format_everywhere(project, tmp_path, monkeypatch, cmd, name, start):
    corpus, glossary = project
    monkeypatch.chdir(tmp_path)
    res = invoke([*cmd, "-g", glossary, "-o", name] if cmd[0] != "diff" else [*cmd, "-o", name])
    assert res.exit_code == 0, res.output
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(start)


# ------------------------------------------------------------------ progress

class _Stream(io.StringIO):
    def __init__(self, tty: bool):
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize("tty, delay, shown", [
    (True, 0.0, True),     # a terminal, a long run: a bar
    (True, 3600.0, False),  # a terminal, a run shorter than the delay: nothing
    (False, 0.0, False),   # a pipe or a CI log: nothing, however long
])
def test_progress_only_on_a_terminal_and_only_for_long_runs(tty, delay, shown):
    from bilingual.cli.progress import ticker

    stream = _Stream(tty)
    with ticker("reading articles", 3, stream=stream, delay=delay) as tick:
        for _ in range(3):
            tick()
        assert (tick.progress is not None) is shown
    if shown:
        assert "reading articles" in stream.getvalue()
    else:
        assert stream.getvalue() == ""


def test_check_and_translate_progress_callbacks_draw_on_the_shared_bar():
    from bilingual.cli.progress import article_counter, segment_counter, ticker

    stream = _Stream(True)
    with ticker("checking", stream=stream, delay=0.0) as tick:
        progress = article_counter(tick)
        for reused in (False, True, False):
            progress(None, reused, 3)
        assert (tick.done, tick.total, tick.note) == (3, 3, "checked 2 · reused 1")
    assert "checking" in stream.getvalue()

    stream = _Stream(True)
    with ticker("translating", stream=stream, delay=0.0) as tick:
        progress = segment_counter(tick)
        for done in (0, 4, 10):
            progress(done, 10)
        assert (tick.done, tick.total) == (10, 10) and tick.note.endswith("seg/s")
    assert "translating" in stream.getvalue()
    with ticker("translating", stream=_Stream(False)) as tick:
        assert segment_counter(tick) is None  # off a terminal the runner gets no callback at all
