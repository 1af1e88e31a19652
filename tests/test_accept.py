"""Accepting one flag: IDs that survive unrelated edits, accept with reason/author/date, list, prune,
and a reviewed CSV/XLSX read back into the baseline."""

from __future__ import annotations

import csv
import io
import json

import pytest

from bilingual.checks import accept as acc
from bilingual.errors import InputError, UsageError
from bilingual import check
from tests.helpers import write_article, write_glossary

EN_A = "# Moldova\n\nMoldova wants to join the EU.\n\nKharkiv was shelled on Monday.\n"
RU_A = "# Молдова\n\nМолдавия хочет вступить в ЕС.\n\nХаркив обстреляли в понедельник.\n"
EN_B = "Moldova held talks with Ukraine.\n"
RU_B = "Молдавия провела переговоры с Украиной.\n"


@pytest.fixture()
def project(tmp_path):
    corpus = tmp_path / "corpus"
    write_article(corpus, "alpha", EN_A, RU_A)
    write_article(corpus, "beta", EN_B, RU_B)
    return corpus, write_glossary(tmp_path)


def _report(project):
    corpus, glossary = project
    return check([corpus], glossary)


def _ids(report):
    return {(a.pair.slug, f.kind, f.found): acc.flag_id(a.pair.slug, f) for a, f in report.flags}


def test_flag_ids_are_short_hex_distinct_and_stable_across_unrelated_edits(project):
    corpus, _ = project
    before = _ids(_report(project))
    assert len(before) == 3 and len(set(before.values())) == 3
    assert all(len(i) == acc.ID_LENGTH and int(i, 16) >= 0 for i in before.values())
    for name, extra in (("en.md", "The weather was cold.\n\n"), ("ru.md", "Было холодно.\n\n")):
        path = corpus / "alpha" / name
        head, body = path.read_text(encoding="utf-8").split("---\n", 2)[1:]
        path.write_text(f"---\n{head}---\n{extra}{body}", encoding="utf-8")
    assert _ids(_report(project)) == before


def test_accept_one_flag_by_id_records_reason_author_and_date(project, tmp_path):
    report = _report(project)
    baseline = tmp_path / "baseline.json"
    wanted = _ids(report)[("beta", "forbidden_variant", "Молдавия")]
    chosen = acc.select(report, [wanted[:6]])
    assert [(a.pair.slug, f.kind) for a, f in chosen] == [("beta", "forbidden_variant")]
    result = acc.accept(baseline, chosen, "  quoted from a 1992 treaty ", author="Ann Editor",
                        date="2026-01-02T03:04:05Z")
    assert (len(result.added), len(result.updated), result.total) == (1, 0, 1)
    (entry,) = json.loads(baseline.read_text(encoding="utf-8"))["entries"]
    assert entry["fingerprint"].startswith(wanted)
    assert (entry["slug"], entry["kind"], entry["term"], entry["found"]) == ("beta", "forbidden_variant",
                                                                             "Moldova", "Молдавия")
    assert (entry["reason"], entry["author"], entry["date"]) == ("quoted from a 1992 treaty", "Ann Editor",
                                                                  "2026-01-02T03:04:05Z")
    # the check now shows it accepted, the other two still open
    from bilingual.checks.baseline import apply_baseline, load_baseline

    again = _report(project)
    apply_baseline(again, load_baseline(baseline))
    assert sorted((a.pair.slug, f.accepted) for a, f in again.flags) == [
        ("alpha", False), ("alpha", False), ("beta", True)]
    # accepting again with another reason updates it; with the same one changes nothing
    assert len(acc.accept(baseline, chosen, "house style for treaties", author="Bo").updated) == 1
    assert acc.read_entries(baseline)[0].reason == "house style for treaties"
    assert acc.accept(baseline, chosen, "house style for treaties", author="Bo").total == 1


def test_selectors_pick_flags_and_combine_with_ids(project):
    report = _report(project)
    assert {a.pair.slug for a, _ in acc.select(report, kind="forbidden_variant")} == {"alpha", "beta"}
    assert [f.term for _, f in acc.select(report, term="kharkiv")] == ["Kharkiv"]
    assert len(acc.select(report, article="alpha")) == 2
    beta = _ids(report)[("beta", "forbidden_variant", "Молдавия")]
    with pytest.raises(UsageError, match="no flag matching --kind/--term/--article has the ID"):
        acc.select(report, [beta], article="alpha")


@pytest.mark.parametrize("ids, message", [
    ([], "name the flags to accept"),
    (["zz12"], "is not a flag ID"),
    (["ab"], "is not a flag ID"),
    (["ffffffffff"], "no flag has the ID ffffffffff"),
])
def test_bad_selection_says_what_is_wrong(project, ids, message):
    with pytest.raises(UsageError, match=message):
        acc.select(_report(project), ids)


def test_accept_needs_a_reason(project, tmp_path):
    report = _report(project)
    with pytest.raises(UsageError, match="needs a reason"):
        acc.accept(tmp_path / "b.json", report.flags[:1], "  ")
    assert not (tmp_path / "b.json").exists()


def test_default_author_is_git_user_else_login(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.gitconfig
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.delenv("GIT_CONFIG_GLOBAL", raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("USER", "login-name")
    assert acc.default_author() == "login-name"
    (tmp_path / ".gitconfig").write_text("[user]\n\tname = Git Person\n", encoding="utf-8")
    assert acc.default_author() == "Git Person"


def test_prune_drops_only_entries_no_flag_matches(project, tmp_path):
    corpus, _ = project
    report = _report(project)
    baseline = tmp_path / "baseline.json"
    acc.accept(baseline, report.flags, "reviewed", author="Ann")
    ru = corpus / "beta" / "ru.md"
    ru.write_text(ru.read_text(encoding="utf-8").replace("Молдавия", "Молдова"), encoding="utf-8")
    gone = acc.prune(baseline, _report(project))
    assert [(e.slug, e.kind) for e in gone] == [("beta", "forbidden_variant")]
    left = acc.read_entries(baseline)
    assert {e.slug for e in left} == {"alpha"} and all(e.reason == "reviewed" for e in left)
    assert acc.prune(baseline, _report(project)) == []


def test_reopen_takes_entries_out(project, tmp_path):
    report = _report(project)
    baseline = tmp_path / "baseline.json"
    acc.accept(baseline, report.flags, "reviewed", author="Ann")
    first = acc.read_entries(baseline)[0]
    assert acc.reopen(baseline, [first.id]) == [first]
    assert first not in acc.read_entries(baseline) and len(acc.read_entries(baseline)) == 2


def _export_rows(report) -> list[dict]:
    """The rows `check -o flags.csv` writes, built here from the report (the CLI test reads the real file)."""
    rows = []
    for a, f in report.flags:
        rows.append({"id": acc.flag_id(a.pair.slug, f), "slug": a.pair.slug, "kind": f.kind, "term": f.term or "",
                     "found": f.found or "", "ru_index": "" if f.ru_index is None else f.ru_index,
                     "en_text": f.en_text, "ru_text": f.ru_text, "status": "open", "reason": ""})
    return rows


def _write_csv(path, rows):
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]))
    w.writeheader()
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def test_import_reviewed_csv_accepts_and_reopens(project, tmp_path):
    report = _report(project)
    baseline, sheet = tmp_path / "baseline.json", tmp_path / "flags.csv"
    rows = _export_rows(report)
    rows[0].update(status="accepted", reason="name used in a quotation")
    rows[1].update(status="Accepted", reason="agreed with desk")
    _write_csv(sheet, rows)
    result = acc.import_statuses(baseline, sheet, author="Reviewer")
    assert (len(result.accepted), len(result.reopened), result.total) == (2, 0, 2)
    assert {e.reason for e in acc.read_entries(baseline)} == {"name used in a quotation", "agreed with desk"}
    assert {e.id for e in acc.read_entries(baseline)} == {rows[0]["id"], rows[1]["id"]}
    rows[0]["status"] = "open"
    _write_csv(sheet, rows)
    result = acc.import_statuses(baseline, sheet, author="Reviewer")
    assert [e.id for e in result.reopened] == [rows[0]["id"]] and result.total == 1


def test_import_xlsx(project, tmp_path):
    import openpyxl

    report = _report(project)
    baseline, sheet = tmp_path / "baseline.json", tmp_path / "flags.xlsx"
    rows = _export_rows(report)
    rows[2].update(status="accepted", reason="the source spells it so")
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(list(rows[0]))
    for r in rows:
        ws.append([None if v == "" else v for v in r.values()])
    book.save(sheet)
    result = acc.import_statuses(baseline, sheet)
    assert [e.id for e in result.accepted] == [rows[2]["id"]]


@pytest.mark.parametrize("edit, message", [
    (lambda r: r.update(status="maybe"), "status 'maybe'"),
    (lambda r: r.update(status="accepted"), "an accepted row needs a reason"),
    (lambda r: r.update(status="accepted", reason="x", ru_text=r["ru_text"] + " edited"), "doesn't match"),
])
def test_import_refuses_a_bad_row_naming_file_and_line_and_writes_nothing(project, tmp_path, edit, message):
    report = _report(project)
    baseline, sheet = tmp_path / "baseline.json", tmp_path / "flags.csv"
    rows = _export_rows(report)
    edit(rows[1])
    _write_csv(sheet, rows)
    with pytest.raises(InputError, match=message) as err:
        acc.import_statuses(baseline, sheet)
    assert str(err.value).startswith(f"{sheet}:3: ")
    assert not baseline.exists()


def test_import_missing_columns(tmp_path):
    sheet = tmp_path / "x.csv"
    sheet.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing column"):
        acc.import_statuses(tmp_path / "b.json", sheet)
