"""An editor's loop on the command line: IDs in every format, `accept` with a reason, `baseline
list|prune|import` (a reviewed CSV/XLSX), the summary line, config errors that name the config
file, `--ru-name`, the suggestion fix would write, and related flags grouped."""

from __future__ import annotations

import io
import json
import re

import pandas as pd
import pytest
from typer.testing import CliRunner

from bilingual.cli import app
from tests.helpers import write_article, write_glossary

runner = CliRunner()

EN = "# Moldova\n\nHe came back from Moldova on Monday.\n\nKharkiv was shelled again.\n"
RU = "# Молдова\n\nОн вернулся из Молдавии в понедельник.\n\nХаркив снова обстреляли.\n"


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture()
def project(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    write_article(corpus, "moldova", EN, RU)
    glossary = write_glossary(tmp_path)
    (tmp_path / "bilingual.toml").write_text('corpus = "corpus"\nglossary = "glossary.csv"\n'
                                             'baseline = "baseline.json"\n', encoding="utf-8")
    (tmp_path / "baseline.json").write_text('{"bilingual_baseline": 1, "entries": []}\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.gitconfig: the author is $USER
    monkeypatch.setenv("USER", "ann")
    return tmp_path


def _flags(res) -> list[dict]:
    return [f for a in json.loads(res.stdout)["articles"] for f in a["flags"]]


def test_the_same_id_in_json_csv_html_and_the_terminal(project):
    flags = _flags(invoke("check", "-f", "json"))
    ids = sorted(f["id"] for f in flags)
    assert len(ids) == 2 and all(re.fullmatch(r"[0-9a-f]{10}", i) for i in ids)
    frame = pd.read_csv(io.StringIO(invoke("check", "-f", "csv").stdout))
    assert sorted(frame["id"]) == ids and set(frame["status"]) == {"open"}
    table = "".join(invoke("check").stdout.split())
    page = (project / "r.html")
    invoke("check", "-o", page)
    html = page.read_text(encoding="utf-8")
    for i in ids:
        assert i in table and f'data-id="{i}"' in html


def test_accept_one_flag_by_id_then_check_passes_for_it(project):
    res = invoke("check", "-f", "json")
    assert res.exit_code == 1
    moldova = next(f for f in _flags(res) if f["term"] == "Moldova")
    res = invoke("accept", moldova["id"][:6], "--reason", "quoted from a 1992 treaty")
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith(f"accepted {moldova['id']}  moldova  forbidden_variant Moldova")
    assert "baseline.json: 1 accepted, 0 with a new reason; 1 entry" in res.stderr
    entry, = json.loads((project / "baseline.json").read_text(encoding="utf-8"))["entries"]
    assert (entry["reason"], entry["author"]) == ("quoted from a 1992 treaty", "ann")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", entry["date"])
    flags = {f["id"]: f for f in _flags(invoke("check", "-f", "json"))}
    assert flags[moldova["id"]]["accepted"] is True
    assert flags[moldova["id"]]["acceptance"] == {"reason": "quoted from a 1992 treaty", "author": "ann",
                                                  "date": entry["date"]}
    # the other flag (Харкив) still fails the run; accepting it by selector makes it pass
    assert invoke("check").exit_code == 1
    res = invoke("accept", "--term", "Kharkiv", "--reason", "spelt as in the source's own name")
    assert res.exit_code == 0, res.output
    assert invoke("check").exit_code == 0
    listed = invoke("baseline", "list", "-f", "json")
    assert sorted(e["reason"] for e in json.loads(listed.stdout)) == [
        "quoted from a 1992 treaty", "spelt as in the source's own name"]
    table = invoke("baseline", "list")
    assert moldova["id"] in table.stdout and "ann" in table.stdout and table.stderr == "2 accepted flag(s)\n"


@pytest.mark.parametrize("args, message", [
    (["accept", "abcdef1234", "--reason", "x"], "error: no flag has the ID abcdef1234 in this check"),
    (["accept", "--reason", "x"], "error: name the flags to accept: flag IDs, or --kind/--term/--article"),
    (["accept", "--kind", "omission", "--reason", "x"], "error: no flag matches --kind/--term/--article"),
])
def test_accept_mistakes_are_one_line(project, args, message):
    before = (project / "baseline.json").read_bytes()
    res = invoke(*args)
    assert res.exit_code == 2 and len(res.stderr.splitlines()) == 1 and res.stderr.startswith(message)
    assert (project / "baseline.json").read_bytes() == before


def test_prune_drops_what_no_flag_matches(project):
    invoke("check", "--write-baseline", "baseline.json")
    ru = project / "corpus" / "moldova" / "ru.md"
    ru.write_text(ru.read_text(encoding="utf-8").replace("Харкив", "Харьков"), encoding="utf-8")
    res = invoke("check")
    assert "stale baseline entry: moldova forbidden_variant Kharkiv" in res.stderr
    res = invoke("baseline", "prune")
    assert res.exit_code == 0 and "1 stale entry dropped" in res.stderr
    assert [e["term"] for e in json.loads(invoke("baseline", "list", "-f", "json").stdout)] == ["Moldova"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_reviewed_sheet_round_trips_into_the_baseline(project, suffix):
    sheet = project / f"flags{suffix}"
    assert invoke("check", "-o", sheet).exit_code == 1
    frame = pd.read_csv(sheet) if suffix == ".csv" else pd.read_excel(sheet, sheet_name="flags")
    assert list(frame.columns[:6]) == ["id", "slug", "kind", "level", "status", "reason"]
    frame["reason"] = frame["reason"].astype(object)
    at = frame.index[frame["term"] == "Moldova"][0]
    frame.loc[at, ["status", "reason"]] = ["accepted", "a treaty's own wording"]
    if suffix == ".csv":
        frame.to_csv(sheet, index=False)
    else:
        frame.to_excel(sheet, sheet_name="flags", index=False)
    res = invoke("baseline", "import", sheet)
    assert res.exit_code == 0, res.output
    assert "1 accepted, 0 reopened, 1 unchanged; 1 entry" in res.stderr
    flags = _flags(invoke("check", "-f", "json"))
    assert [(f["term"], f["accepted"]) for f in sorted(flags, key=lambda f: f["term"])] == [
        ("Kharkiv", False), ("Moldova", True)]
    # exported again, the accepted row says so, with its reason
    again = pd.read_csv(io.StringIO(invoke("check", "-f", "csv").stdout))
    row = again[again["term"] == "Moldova"].iloc[0]
    assert (row["status"], row["reason"]) == ("accepted", "a treaty's own wording")


def test_xlsx_status_column_is_a_choice_and_formulas_stay_text(project):
    import openpyxl

    ru = project / "corpus" / "moldova" / "ru.md"
    ru.write_text(ru.read_text(encoding="utf-8") + "\n=HYPERLINK(\"http://x\") Молдавия.\n", encoding="utf-8")
    invoke("check", "-o", "flags.xlsx")
    sheet = openpyxl.load_workbook(project / "flags.xlsx").active
    assert [dv.formula1 for dv in sheet.data_validations.dataValidation] == ['"accepted,open"']
    cells = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(v.startswith("'=HYPERLINK") for v in cells)
    assert not any(v.startswith("=") for v in cells)


def test_summary_line_after_o(project):
    res = invoke("check", "-o", "report.html")
    assert res.exit_code == 1
    assert res.stderr.splitlines()[-1] == ("wrote report.html: 2 flags (2 errors, 0 warnings, 0 info); "
                                           "1 article checked")
    invoke("accept", "--term", "Moldova", "--reason", "ok")
    res = invoke("check", "-o", "report.json")
    assert res.stderr.splitlines()[-1] == ("wrote report.json: 2 flags (2 errors, 0 warnings, 0 info), 1 new, "
                                           "1 accepted; 1 article checked")


def test_a_missing_configured_baseline_says_to_write_it_first(project):
    (project / "baseline.json").unlink()
    res = invoke("check")
    assert res.exit_code == 2
    path = project / "baseline.json"  # the config's paths are relative to the config file
    assert res.stderr.strip() == (f"error: {path}: no such baseline file (baseline set in bilingual.toml); "
                                  f"run `bilingual check --write-baseline {path}` first to accept the "
                                  "current flags, or `bilingual accept ID --reason TEXT` to accept one")
    # accepting a flag creates it
    flag = _flags(invoke("check", "-f", "json", "--write-baseline", "other.json"))[0]
    assert invoke("accept", flag["id"], "--reason", "first one").exit_code == 0
    assert invoke("check", "-f", "json").exit_code == 1  # the other flag is still open


def test_a_bad_glossary_from_the_config_says_where_it_came_from(project):
    (project / "bilingual.toml").write_text('glossary = "nope.csv"\n', encoding="utf-8")
    res = invoke("check", "corpus")
    assert res.exit_code == 2
    (line,) = res.stderr.splitlines()
    assert line.endswith("(glossary set in bilingual.toml)") and "nope.csv" in line
    # named on the command line, the same error doesn't blame the config
    res = invoke("check", "corpus", "-g", "nope.csv")
    assert "bilingual.toml" not in res.stderr


def test_ru_name_checks_machine_translations(project):
    folder = project / "corpus" / "moldova"
    (folder / "ru.mt.md").write_text("---\ntitle: m\n---\n# Молдова\n\nОн вернулся из Молдавии в понедельник.\n\n"
                                     "Харьков снова обстреляли.\n", encoding="utf-8")
    write_article(project / "corpus", "draft", "Only English so far.\n", "x")
    (project / "corpus" / "draft" / "ru.md").unlink()
    res = invoke("check", "--ru-name", "ru.mt.md", "-f", "json")
    report = json.loads(res.stdout)
    (article,) = [a for a in report["articles"] if a["slug"] == "moldova"]
    assert article["ru_path"].endswith("ru.mt.md")
    assert [f["term"] for f in article["flags"]] == ["Moldova"]
    assert report["not_checked"][0]["slug"] == "draft"
    assert "no ru counterpart" in report["not_checked"][0]["reason"]
    (project / "bilingual.toml").write_text('ru_name = "ru.mt.md"\n', encoding="utf-8")
    same = json.loads(invoke("check", "corpus", "-g", "glossary.csv", "-f", "json").stdout)
    assert [a["ru_path"] and a["ru_path"].rsplit("/", 2)[-2:] for a in same["articles"]] == [
        a["ru_path"] and a["ru_path"].rsplit("/", 2)[-2:] for a in report["articles"]]
    assert invoke("check", "--ru-name", "../ru.md").stderr.startswith("error: --ru-name '../ru.md' must be a file")


def test_the_suggestion_is_the_form_fix_writes(project):
    flag = next(f for f in _flags(invoke("check", "-f", "json")) if f["term"] == "Moldova")
    assert flag["suggestion"] == "Молдовы"  # «из Молдавии»: the genitive, as fix writes it
    assert "use «Молдовы» (genitive)" in flag["message"]
    res = invoke("fix", "corpus/moldova/ru.md", "--in-place")
    assert res.exit_code == 0, res.output
    assert "из Молдовы" in (project / "corpus" / "moldova" / "ru.md").read_text(encoding="utf-8")


def test_related_flags_are_one_row(tmp_path):
    from bilingual.model import Flag
    from bilingual.report.grouping import group_flags

    flags = [Flag("missing_term", 2, 2, term="Pezeshkian"), Flag("inconsistent_rendering", 2, 2, term="Pezeshkian",
                                                                   level="warning"),
             Flag("omission", 5, None), Flag("omission", 6, None), Flag("omission", 7, None),
             Flag("omission", 9, None), Flag("number_mismatch", 3, 3, level="error")]
    groups = group_flags(flags)
    assert [g for g, _ in groups] == [[0, 1], [2, 3, 4], [5], [6]]
    assert groups[1][1] == "3 consecutive English sentences with no Russian counterpart"
    assert groups[0][1].startswith("one problem with Pezeshkian: 2 flags")
