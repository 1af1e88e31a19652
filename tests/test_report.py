"""Report outputs: CSV safe for spreadsheets, HTML escaped and inert in a real browser."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from bilingual.cli import app
from bilingual.report.tables import neutralise, safe_csv
from tests.helpers import write_article, write_glossary
from tests.browser import chromium

runner = CliRunner()


@pytest.mark.parametrize("cell, shown", [
    ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
    ("+7 495 000", "'+7 495 000"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"),
    ("Путин", "Путин"),
    ("70%", "70%"),
    ("", ""),
])
def test_csv_cells_are_neutralised(cell, shown):
    assert neutralise(cell) == shown


def test_safe_csv_round_trips_through_pandas():
    frame = pd.DataFrame({"kind": ["missing_term"], "ru_text": ["=1+1 «Киев»"], "en_index": [3]})
    text = safe_csv(frame)
    back = pd.read_csv(__import__("io").StringIO(text))
    assert back.loc[0, "ru_text"] == "'=1+1 «Киев»"
    assert back.loc[0, "en_index"] == 3


PAYLOAD_EN = (
    "# Putin and NATO\n\n"
    "Vladimir Putin spoke about NATO in Kyiv on Monday. "
    "<script>window.__pwned = 1; document.title = 'pwned'</script>\n\n"
    "Trump said the talks would continue. <img src=x onerror=\"document.title='pwned'\">\n"
)
PAYLOAD_RU = (
    "# Путин и НАТО\n\n"
    "Владимир Путин говорил о НАТО в Киеве в понедельник. "
    "<script>window.__pwned = 1; document.title = 'pwned'</script>\n\n"
    "Трамп сказал, что переговоры продолжатся. <img src=x onerror=\"document.title='pwned'\">\n"
)


@pytest.fixture()
def payload_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    write_article(corpus, "payload", PAYLOAD_EN, PAYLOAD_RU)
    write_article(corpus, "moldova",
                  "Moldova wants to join the EU. Putin disagrees.\n",
                  "Молдавия хочет вступить в ЕС. Путин не согласен.\n")
    return corpus, write_glossary(tmp_path)


def test_html_report_escapes_article_text(payload_corpus, tmp_path):
    corpus, glossary = payload_corpus
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["check", str(corpus), "-g", str(glossary), "--format", "html", "-o", str(out)])
    assert result.exit_code == 1, result.output
    page = out.read_text(encoding="utf-8")
    assert page.count("<script") == 1 and "<img" not in page  # the report's own script, nothing of the text
    own = '<script id="bilingual-report-script">'
    assert page.index(own) > page.index("</footer>") and "window.__pwned" not in page.split(own)[1]
    assert "script-src &#39;sha256-" in page  # the CSP lets that one script run, no other
    assert "&lt;script&gt;" in page
    assert '<mark class="term forbidden dev error"' in page  # Молдавия, the flag's deviation


@pytest.mark.browser
@pytest.mark.slow
def test_html_report_in_headless_chromium(payload_corpus, tmp_path):
    corpus, glossary = payload_corpus
    out = tmp_path / "report.html"
    res = runner.invoke(app, ["check", str(corpus), "-g", str(glossary), "--format", "html", "-o", str(out)])
    assert res.exit_code == 1, res.output
    js = runner.invoke(app, ["check", str(corpus), "-g", str(glossary), "--format", "json"])
    expected = sum(len(a["flags"]) for a in json.loads(js.stdout)["articles"])
    assert expected > 0

    driver = chromium()
    try:
        driver.get(out.as_uri())
        assert driver.title == "bilingual check"
        assert driver.execute_script("return window.__pwned === undefined")
        count = driver.find_element("id", "flag-count")
        assert int(count.get_attribute("data-count")) == expected
        assert len(driver.find_elements("css selector", "li.flag")) == expected
        marks = [m.text for m in driver.find_elements("css selector", "mark.term")]
        assert "Vladimir Putin" in marks and "Владимир Путин" in marks and "Киеве" in marks
        assert driver.find_elements("css selector", "mark.term.forbidden")[0].text == "Молдавия"
        assert not driver.find_elements("css selector", "img")
        assert [s.get_attribute("textContent")[:25] for s in driver.find_elements("css selector", "script")] == [
            "// The check report's sea"]
        assert driver.title != "pwned" and driver.execute_script("return window.__pwned") is None
        body = driver.find_element("tag name", "body").text
        assert "<script>window.__pwned = 1;" in body  # shown as text, not run
    finally:
        driver.quit()
