"""The report in headless Chromium as an editor works through it: copy a flag's accept command,
run it with a reason, reload, and find the flag accepted with that reason; counts that follow the
filters and the search, the article filter, sort, and file links."""

from __future__ import annotations

import shlex

import pytest
from typer.testing import CliRunner

from bilingual.cli import app
from tests.browser import chromium
from tests.helpers import write_article, write_glossary

runner = CliRunner()

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _articles(corpus):
    write_article(corpus, "moldova", "# Moldova\n\nHe came back from Moldova on Monday.\n\nKharkiv was shelled.\n",
                  "# Молдова\n\nОн вернулся из Молдавии в понедельник.\n\nХаркив обстреляли.\n", date="2025-06-01")
    write_article(corpus, "drones", "# Drones\n\nRussia launched 367 drones overnight.\n",
                  "# Беспилотники\n\nРоссия выпустила 376 беспилотников за ночь.\n", date="2025-07-01")
    write_article(corpus, "summit", "# Summit\n\nNATO leaders met in Kyiv.\n",
                  "# Саммит\n\nЛидеры НАТО встретились в Кыиве.\n", date="2025-05-01")


def _visible(driver, selector="div.issue"):
    return [r for r in driver.find_elements("css selector", selector) if r.is_displayed()]


@pytest.fixture()
def site(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    _articles(corpus)
    write_glossary(tmp_path)
    (tmp_path / "bilingual.toml").write_text('corpus = "corpus"\nglossary = "glossary.csv"\n'
                                             'baseline = "baseline.json"\n'
                                             'editor_url = "vscode://file/{path}:{line}"\n', encoding="utf-8")
    (tmp_path / "baseline.json").write_text('{"bilingual_baseline": 1, "entries": []}\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USER", "desk-editor")
    return tmp_path


def test_accept_by_the_copied_command_then_see_it_accepted_with_its_reason(site):
    page = site / "report.html"
    assert runner.invoke(app, ["check", "-o", str(page)]).exit_code == 1
    driver = chromium()
    try:
        driver.set_window_size(1280, 900)
        driver.get(page.as_uri())
        rows = _visible(driver)
        assert len(rows) == 4  # Молдавии, Харкив, 376, Кыиве
        drones = driver.find_element("css selector", "div.issue[data-article=drones]")
        button = drones.find_element("css selector", ".copy")
        command = button.get_attribute("data-command")
        assert command.startswith("bilingual accept ") and command.endswith('--reason ""')
        flag_id = drones.get_attribute("data-id")
        assert shlex.split(command)[2] == flag_id
        button.click()
        from selenium.webdriver.support.ui import WebDriverWait

        # the clipboard (asynchronous), or the page's fallback copy
        WebDriverWait(driver, 5).until(lambda d: button.text == "copied")
        # the editor runs the command with a reason
        args = shlex.split(command)[1:-1] + ["the agency's figure, corrected in the English later"]
        res = runner.invoke(app, args)
        assert res.exit_code == 0, res.output
        assert runner.invoke(app, ["check", "-o", str(page)]).exit_code == 1
        driver.get(page.as_uri())
        row = driver.find_element("css selector", f"div.issue[data-id='{flag_id}']")
        assert "accepted" in row.get_attribute("class").split()
        assert "“the agency's figure, corrected in the English later” — desk-editor" in row.text
        assert not row.find_elements("css selector", ".copy")  # nothing left to accept
        # in the side-by-side view too
        flag = driver.find_element("css selector", f"li.flag[data-id='{flag_id}']")
        assert "the agency's figure" in flag.text
        # the status filter: 'accepted' shows just it, the counts follow
        driver.find_element("css selector", "label[for=fs-accepted]").click()
        assert [r.get_attribute("data-id") for r in _visible(driver)] == [flag_id]
        assert driver.find_element("css selector", "label[for=fk-all] .n").text == "1"
        assert driver.find_element("css selector", "label[for=fl-all] .n").text == "1"
        assert driver.find_element("id", "shown-count").text == "1 of 4 shown"
        # sections of articles with nothing left to show are hidden
        assert [s.get_attribute("data-slug") for s in _visible(driver, "section.article")] == ["drones"]
    finally:
        driver.quit()


def test_search_article_filter_sort_and_file_links(site):
    page = site / "report.html"
    runner.invoke(app, ["check", "-o", str(page)])
    driver = chromium()
    try:
        driver.set_window_size(1280, 900)
        driver.get(page.as_uri())
        search = driver.find_element("id", "search")
        search.send_keys("Кыив")
        assert [r.get_attribute("data-article") for r in _visible(driver)] == ["summit"]
        assert driver.find_element("css selector", "label[for=fk-forbidden_variant] .n").text == "1"
        assert driver.find_element("css selector", "label[for=fk-number_mismatch] .n").text == "0"
        search.clear()
        search.send_keys(" ")  # an input event with an empty query
        search.clear()
        driver.execute_script("arguments[0].dispatchEvent(new Event('input'))", search)
        assert len(_visible(driver)) == 4
        assert driver.find_element("id", "shown-count").text == ""
        # pick an article from the per-article summary
        driver.find_element("css selector", "a.pick-article[data-slug=moldova]").click()
        assert {r.get_attribute("data-article") for r in _visible(driver)} == {"moldova"}
        assert driver.find_element("id", "shown-count").text == "2 of 4 shown"
        driver.execute_script("const s = document.getElementById('article-filter'); s.value = '';"
                              "s.dispatchEvent(new Event('change', {bubbles: true}))")
        # sort by date, newest first: drones (July), moldova (June), summit (May)
        driver.execute_script("const s = document.getElementById('sort'); s.value = 'date';"
                              "s.dispatchEvent(new Event('change', {bubbles: true}))")
        order = [r.get_attribute("data-article") for r in _visible(driver)]
        assert order == ["drones", "moldova", "moldova", "summit"]
        # a file link opens the editor at the line (editor_url in bilingual.toml)
        link = driver.find_element("css selector", "div.issue[data-article=drones] a.file")
        path = site / "corpus" / "drones" / "ru.md"
        assert link.get_attribute("href") == f"vscode://file/{path}:7"
        assert link.text == "ru.md:7"
        assert driver.get_log("browser") == []  # no script error, no blocked resource
    finally:
        driver.quit()
