"""The HTML check report as an editor uses it: the issue list, links to rows, folding, filtering,
deviations marked for every kind, small screens, dark mode and print — checked in headless Chromium."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from bilingual.cli import app
from bilingual.model import Flag, Link, Term, TermHit
from bilingual.report.marks import deviation_spans
from tests.browser import chromium
from tests.helpers import write_article, write_glossary

runner = CliRunner()

MOLDOVA = Term("Moldova", "Молдова", forbidden=("Молдавия",))
PEZESHKIAN = Term("Pezeshkian", "Пезешкиан")


def _spans(text, spans):
    return [text[s:e] for s, e in spans]


DEVIATIONS = [
    (Flag("forbidden_variant", 0, 0, term="Moldova", expected="Молдова", found="Молдавии"), Link((0,), (0,)),
     ["Moldova's border."], ["На границе Молдавии."],
     [TermHit(MOLDOVA, 0, 7, "Moldova")], [TermHit(MOLDOVA, 11, 19, "Молдавии", "forbidden")],
     ["Moldova"], ["Молдавии"]),
    (Flag("missing_term", 0, 0, term="Pezeshkian", expected="Пезешкиан"), Link((0,), (0,)),
     ["Pezeshkian said so."], ["Пезешкьян так сказал."], [TermHit(PEZESHKIAN, 0, 10, "Pezeshkian")], [],
     ["Pezeshkian"], []),
    (Flag("inconsistent_rendering", 0, 0, term="Pezeshkian", found="Пезешкьян"), Link((0,), (0,)),
     ["Pezeshkian said so."], ["Пезешкьян так сказал."], [TermHit(PEZESHKIAN, 0, 10, "Pezeshkian")], [],
     ["Pezeshkian"], ["Пезешкьян"]),
    (Flag("number_mismatch", 0, 0, expected="367", found="376"), Link((0,), (0,)),
     ["Russia launched 367 drones in 2025."], ["Россия выпустила 376 беспилотников в 2025 году."], [], [],
     ["367"], ["376"]),
    (Flag("number_mismatch", 0, 0, expected="10000, 1.5%", found=None), Link((0,), (0,)),
     ["About 10,000 people, 1.5% of them."], ["Около 10 000 человек."], [], [], ["10,000", "1.5%"], []),
    (Flag("untranslated", 0, 1, ru_text="Left in English."), Link((0,), (0, 1)),
     ["Two sentences here."], ["Два предложения.", "Left in English."], [], [], [], ["Left in English."]),
    (Flag("wrong_language", 0, 0), Link((0,), (0,)), ["Text."], ["Це українською мовою."], [], [], [],
     ["Це українською мовою."]),
    (Flag("omission", 1, None), Link((0, 1), ()), ["First.", "Second one."], [], [], [], ["Second one."], []),
    (Flag("addition", None, 0), Link((), (0,)), [], ["Добавлено."], [], [], [], ["Добавлено."]),
    (Flag("extra_term", 0, 0, term="Moldova", found="Молдова"), Link((0,), (0,)), ["The country."],
     ["Молдова страна."], [], [TermHit(MOLDOVA, 0, 7, "Молдова")], [], ["Молдова"]),
    (Flag("term_substitution", 0, 0, term="Pezeshkian", found="Молдова"), Link((0,), (0,)),
     ["Pezeshkian spoke."], ["Молдова выступила."], [TermHit(PEZESHKIAN, 0, 10, "Pezeshkian")],
     [TermHit(MOLDOVA, 0, 7, "Молдова")], ["Pezeshkian"], ["Молдова"]),
    (Flag("date_mismatch", 0, 0, expected="13-06", found="13-07"), Link((0,), (0,)),
     ["Talks on June 13 in 2025."], ["Переговоры 13 июля 2025 года."], [], [], ["13"], ["13"]),
]


def test_every_kind_the_rules_produce_is_covered_here():
    from bilingual.checks.drift import KINDS

    assert {case[0].kind for case in DEVIATIONS} | {"inconsistent_rendering"} >= set(KINDS)


@pytest.mark.parametrize("flag, link, en, ru, en_hits, ru_hits, want_en, want_ru", DEVIATIONS)
def test_every_kind_marks_its_deviating_words(flag, link, en, ru, en_hits, ru_hits, want_en, want_ru):
    en_spans, ru_spans = deviation_spans(flag, link, en, ru, en_hits, ru_hits)
    assert _spans(" ".join(en), en_spans) == want_en
    assert _spans(" ".join(ru), ru_spans) == want_ru


CLEAN = [(f"Officials met on day {k} to discuss the harvest.", f"Чиновники встретились в день {k}, "
          "чтобы обсудить урожай.") for k in range(1, 13)]


def _long_article(flagged_en: str, flagged_ru: str, at: int = 6):
    pairs = CLEAN[:at] + [(flagged_en, flagged_ru)] + CLEAN[at:]
    return ("\n\n".join(e for e, _ in pairs) + "\n", "\n\n".join(r for _, r in pairs) + "\n")


@pytest.fixture()
def report(tmp_path):
    corpus = tmp_path / "corpus"
    write_article(corpus, "moldova", *_long_article("Moldova wants to join the EU.", "Молдавия хочет вступить в ЕС."))
    write_article(corpus, "drones", *_long_article("Russia launched 367 drones overnight.",
                                                   "Россия выпустила 376 беспилотников за ночь."))
    write_article(corpus, "quiet", "Trump spoke with Putin.\n", "Трамп поговорил с Путиным.\n")
    glossary = write_glossary(tmp_path)
    out = tmp_path / "report.html"
    res = runner.invoke(app, ["check", str(corpus), "-g", str(glossary), "-f", "html", "-o", str(out)])
    assert res.exit_code == 1, res.output
    flags = json.loads(runner.invoke(app, ["check", str(corpus), "-g", str(glossary), "-f", "json"]).stdout)
    return out, flags


def test_page_structure_without_a_browser(report):
    out, flags = report
    page = out.read_text(encoding="utf-8")
    n = sum(len(a["flags"]) for a in flags["articles"])
    assert page.count('<div role="row" class="issue ') == n == 2
    assert page.count('<details class="fold">') == 4  # a clean run before and after each flagged link
    assert "quiet <span class=\"muted\">2025-06-01 · no flags" in page  # a clean article is one line
    assert "Чиновники встретились в день 1," in page  # folded text is still in the page
    assert "EN 7 · RU 7" in page and "ru.md:17" in page  # human indices and file lines
    assert '<meta name="viewport"' in page and "prefers-color-scheme:dark" in page and "@media print" in page


def _style(driver, selector, prop):
    return driver.execute_script(
        "const e = document.querySelector(arguments[0]); return e && getComputedStyle(e)[arguments[1]]",
        selector, prop)


def _visible_issues(driver):
    return [r.get_attribute("data-kind") for r in driver.find_elements("css selector", "div.issue") if r.is_displayed()]


@pytest.mark.browser
@pytest.mark.slow
def test_editor_workflow_in_headless_chromium(report):
    out, _ = report
    driver = chromium()
    try:
        driver.set_window_size(1280, 900)
        driver.get(out.as_uri())
        assert driver.find_element("id", "flag-count").get_attribute("data-count") == "2"
        # follow a flag from the list: lands on its sentence pair, at the top of the window, highlighted
        jump = driver.find_element("css selector", "div.issue.k-number_mismatch a.jump")
        assert jump.text == "EN 7 · RU 7"
        jump.click()
        target = driver.execute_script("return location.hash")
        row = driver.find_element("css selector", target)
        assert row.get_attribute("id").endswith("-l6")
        flag = row.find_element("css selector", ".flag")
        assert "376" in flag.text and flag.is_displayed()
        top = driver.execute_script("return arguments[0].getBoundingClientRect().top", row)
        assert 0 <= top < 900  # the pair itself in view, not scrolled off above its flag
        assert _style(driver, target, "backgroundColor") not in ("rgba(0, 0, 0, 0)", "")
        assert [m.text for m in row.find_elements("css selector", "mark.dev")] == ["367", "376"]
        # the heading links back to the list
        driver.find_element("css selector", "section.article:has(.k-number_mismatch, #" + target[1:] + ") a.back")
        # folding: clean runs are closed, the flagged link and its neighbours are open
        folds = driver.find_elements("css selector", "details.fold")
        assert len(folds) == 4 and not any(f.get_attribute("open") for f in folds)
        hidden = folds[0].find_element("css selector", ".row")
        assert not hidden.is_displayed()
        assert len([r for r in driver.find_elements("css selector", "section.article .row:not(.head)")
                    if r.is_displayed()]) == 6  # 3 per flagged article
        folds[0].find_element("css selector", "summary").click()
        assert hidden.is_displayed()
        # filtering with the counts on top: CSS only
        assert sorted(_visible_issues(driver)) == ["forbidden_variant", "number_mismatch"]
        driver.find_element("css selector", "label[for=fk-forbidden_variant]").click()
        assert _visible_issues(driver) == ["forbidden_variant"]
        assert _style(driver, "div.issue.k-number_mismatch", "display") == "none"
        driver.find_element("css selector", "label[for=fk-all]").click()
        driver.find_element("css selector", "label[for=fl-error]").click()
        assert sorted(_visible_issues(driver)) == ["forbidden_variant", "number_mismatch"]
        assert driver.execute_script("return document.scripts.length") == 1  # the report's own, allowed by hash
        # a phone: no horizontal scrolling
        driver.set_window_size(420, 900)
        assert driver.execute_script(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        # dark mode and print
        light = _style(driver, "body", "backgroundColor")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                               {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        assert _style(driver, "body", "backgroundColor") != light
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        assert _style(driver, "nav.filters", "display") == "none"
    finally:
        driver.quit()


DIFF = "tests/data/diff/talks"


def test_diff_report_marks_an_introduced_forbidden_form_as_the_error(tmp_path):
    out = tmp_path / "diff.html"
    res = runner.invoke(app, ["diff", f"{DIFF}/ru_v1.md", f"{DIFF}/ru_v2.md", "--en", f"{DIFF}/en.md",
                              "-g", "tests/data/diff/glossary.csv", "-f", "html", "-o", str(out)])
    assert res.exit_code == 0, res.output
    import lxml.html

    tree = lxml.html.fromstring(out.read_bytes())
    # the new «Харкивской» is the error, the old «Харьковской» it replaced is not a red deletion
    assert [e.text_content() for e in tree.xpath("//ins[@class='flagged']")] == ["Харкивской"]
    assert [e.text_content() for e in tree.xpath("//del[@class='replaced']")] == ["Харьковской"]
    assert "Харьковской" not in [e.text_content() for e in tree.xpath("//del[not(@class='replaced')]")]
    # a fixed forbidden form is shown as fixed
    assert "Київом" in [e.text_content() for e in tree.xpath("//del[@class='was-flagged']")]
    # each term line links to its row
    links = tree.xpath("//ul[@class='terms']/li/a")
    assert len(links) == len(tree.xpath("//ul[@class='terms']/li")) == 3
    for a in links:
        (row,) = tree.xpath(f"//tr[@id='{a.get('href')[1:]}']")
        assert row.get("class").split()[0] in ("reworded", "merged", "split")
    (introduced,) = tree.xpath("//ul[@class='terms']/li[@class='introduced']/a")
    assert "flagged" in tree.xpath(f"//tr[@id='{introduced.get('href')[1:]}']")[0].get("class")


def test_accepted_flags_are_greyed_and_filterable_in_the_page(tmp_path):
    corpus = tmp_path / "corpus"
    write_article(corpus, "moldova", *_long_article("Moldova wants to join the EU.", "Молдавия хочет вступить в ЕС."))
    glossary = write_glossary(tmp_path)
    baseline, out = tmp_path / "baseline.json", tmp_path / "report.html"
    runner.invoke(app, ["check", str(corpus), "-g", str(glossary), "--write-baseline", str(baseline)])
    write_article(corpus, "drones", *_long_article("Russia launched 367 drones overnight.",
                                                   "Россия выпустила 376 беспилотников за ночь."))
    res = runner.invoke(app, ["check", str(corpus), "-g", str(glossary), "--baseline", str(baseline), "-o", str(out)])
    assert res.exit_code == 1  # the new number flag still fails
    page = out.read_text(encoding="utf-8")
    assert '<div role="row" class="issue k-forbidden_variant l-error accepted"' in page
    assert '<div role="row" class="issue k-number_mismatch l-error"' in page
    assert "(1 accepted in the baseline)" in page
    assert '<label for="fs-open" data-status="open">new<span class="n">1</span>' in page
    assert "#fs-open:checked~.issues div.issue.accepted" in page
