"""`bilingual glossary ...` end to end: output lines, exit codes, files written or not."""

import json

import pytest
from typer.testing import CliRunner

from bilingual.cli import app

HEADER = "en,ru,type,variants,forbidden,note\n"
ROWS = "Kyiv,Киев,city,,Київ;Кыив,\nNATO,НАТО,organization,Североатлантический альянс,,\n"


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "glossary.csv").write_text(HEADER + ROWS, "utf-8")
    return tmp_path


def run(*args):
    result = CliRunner().invoke(app, ["glossary", *args])
    return result.exit_code, result.stdout, result.stderr


def test_lint_clean(site):
    assert run("lint", "--no-corpus") == (0, "", "glossary.csv: no problems\n")  # a line on success


def test_lint_problems_exit_1(site):
    (site / "glossary.csv").write_text(HEADER + ROWS + "Kiev,Киев,town,,,\n", "utf-8")
    code, out, err = run("lint", "--no-corpus")
    assert code == 1
    assert out.splitlines() == [
        "glossary.csv:4: shared-ru: ru 'Киев' is also the ru of 'Kyiv' (line 2)",
        "glossary.csv:4: unknown-type: type 'town' is not one of person, country, city, region, place, "
        "organization, event, product, other",
    ]
    assert err == "2 problems\n"


def test_lint_unreadable_header_is_a_problem(site):
    (site / "glossary.csv").write_text("en;ru\n", "utf-8")
    code, out, _ = run("lint", "--no-corpus")
    assert code == 1 and out.startswith("glossary.csv:1: schema: the header is separated by ';'")


def test_lint_missing_file_exits_2(site):
    code, _, err = run("lint", "nope.csv")
    assert (code, err) == (2, "error: nope.csv: glossary file not found\n")


def test_add_set_remove_list(site):
    assert run("add", "Lviv", "Львов", "-t", "city", "-x", "Львів") == \
        (0, "added glossary.csv:4: Lviv → Львов  [city]  forbidden: Львів\n", "")
    code, out, _ = run("set", "Lviv", "--add-forbidden", "Львив", "--note", "western Ukraine")
    assert (code, out) == (0, "changed glossary.csv:4: Lviv → Львов  [city]  forbidden: Львів; Львив\n")
    code, out, _ = run("list", "--type", "city", "--format", "csv")
    assert out == HEADER + "Kyiv,Киев,city,,Київ;Кыив,\nLviv,Львов,city,,Львів;Львив,western Ukraine\n"
    assert run("remove", "Lviv")[0] == 0
    assert (site / "glossary.csv").read_text("utf-8") == HEADER + ROWS


def test_list_table(site):
    code, out, _ = run("list", "альянс")
    assert code == 0
    assert "glossary.csv: 1 term" in out and "NATO" in out and "Kyiv" not in out


@pytest.mark.parametrize("args, message", [
    (("add", "Kyiv", "Кыив"), "error: glossary.csv:2: 'Kyiv' is already in the glossary"),
    (("add", "Lviv", "=cmd"), "error: glossary.csv: 'ru' may not start with"),
    (("set", "Kyiv", "--ru", ""), "error: glossary.csv:2: changing 'Kyiv' refused: empty 'ru' cell"),
    (("remove", "Lviv"), "error: glossary.csv: no term 'Lviv' in the glossary"),
    (("list", "-g", "missing.csv"), "error: missing.csv: glossary file not found"),
])
def test_refusals_exit_2_and_leave_the_file(site, args, message):
    code, out, err = run(*args)
    assert code == 2 and out == "" and err.startswith(message)
    assert (site / "glossary.csv").read_text("utf-8") == HEADER + ROWS


def test_export_and_import_round_trip(site):
    assert run("export", "--format", "tbx", "-o", "g.tbx")[0] == 0
    assert b"<martif" in (site / "g.tbx").read_bytes()
    (site / "other.csv").write_text(HEADER + "Kyiv,Киев,city,Кийв,,\nSumy,Сумы,city,,,\nNATO,NATO,,,,\n", "utf-8")
    code, out, err = run("import", "other.csv", "--dry-run")
    assert code == 1
    assert out.splitlines() == [
        "would add: Sumy → Сумы  [city]",
        "would merge: Kyiv → Киев  [city]  variants: Кийв  forbidden: Київ; Кыив",
        "conflict: other.csv:4: NATO: ru is 'НАТО' here, 'NATO' in the import",
    ]
    assert err == "1 added, 1 merged, 0 unchanged, 1 conflicts (dry run)\n"
    assert (site / "glossary.csv").read_text("utf-8") == HEADER + ROWS
    code, out, err = run("import", "g.tbx")
    assert (code, out, err) == (0, "", "0 added, 0 merged, 2 unchanged, 0 conflicts\n")


def test_export_tsv_to_stdout(site):
    code, out, _ = run("export", "-f", "tsv")
    assert code == 0
    assert out.splitlines() == ["en\tru\ttype\tvariants\tforbidden\tnote", "Kyiv\tКиев\tcity\t\tКиїв;Кыив\t",
                                "NATO\tНАТО\torganization\tСевероатлантический альянс\t\t"]


def test_two_adds_at_once_never_lose_a_row(site):
    import subprocess
    import sys

    procs = [subprocess.Popen([sys.executable, "-m", "bilingual", "glossary", "add", en, ru, "-t", "city"],
                              cwd=site, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for en, ru in (("Lviv", "Львов"), ("Odesa", "Одесса"), ("Rivne", "Ровно"), ("Sumy", "Сумы"))]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0, 0]
    code, out, _ = run("list", "--format", "csv", "--type", "city")
    assert sorted(out.splitlines()[1:]) == sorted(["Kyiv,Киев,city,,Київ;Кыив,", "Lviv,Львов,city,,,",
                                                   "Odesa,Одесса,city,,,", "Rivne,Ровно,city,,,", "Sumy,Сумы,city,,,"])


def test_list_finds_a_term_by_an_inflected_form(tmp_path):
    from tests.helpers import write_glossary

    g = write_glossary(tmp_path)
    for form, en in (("Харькове", "Kharkiv"), ("Молдавией", "Moldova"), ("Киеву", "Kyiv")):
        res = CliRunner().invoke(app, ["glossary", "list", form, "-g", str(g), "-f", "json"])
        assert res.exit_code == 0, res.output
        assert [t["en"] for t in json.loads(res.stdout)] == [en]
    res = CliRunner().invoke(app, ["glossary", "list", "Харьков", "-g", str(g), "-f", "json"])
    assert [t["en"] for t in json.loads(res.stdout)] == ["Kharkiv"]  # a plain substring still comes first


def test_export_says_what_it_wrote(tmp_path):
    from tests.helpers import write_glossary

    g = write_glossary(tmp_path)
    out = tmp_path / "terms.tbx"
    res = CliRunner().invoke(app, ["glossary", "export", "-g", str(g), "-o", str(out)])
    assert res.exit_code == 0 and res.stderr == f"wrote {out}: 10 terms (tbx)\n"
    assert out.read_text(encoding="utf-8").lstrip().startswith("<?xml")
