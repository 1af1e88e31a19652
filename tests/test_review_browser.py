"""The review desk end to end: `bilingual review` started as a process (uvicorn on 127.0.0.1), driven by
headless Chromium (Debian's chromium and chromedriver), the archive's files checked on disk."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from tests.browser import chromium  # noqa: E402
from tests.review_archive import ROOT, make_archive  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.browser]
START_TIMEOUT = 180  # seconds for the desk to check the archive and listen
WAIT = 60


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """(base URL, token URL, site folder) of a running `bilingual review`; stopped after the module."""
    site = make_archive(tmp_path_factory.mktemp("review"))
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen([sys.executable, "-m", "bilingual", "review", "--no-browser", "--jobs", "1",
                             "--author", "Browser Editor"], cwd=site, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)  # one line: the URL
    reader.start()
    end = time.monotonic() + START_TIMEOUT
    while not lines and time.monotonic() < end and proc.poll() is None:
        time.sleep(0.1)
    if not lines:
        proc.kill()
        pytest.fail(f"bilingual review printed no URL: {proc.stderr.read()[-2000:]}")
    url = lines[0].strip()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/\?token=[\w-]{20,}", url)
    try:
        yield url.split("?")[0].rstrip("/"), url, site
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def driver(desk):
    d = chromium()
    d.set_page_load_timeout(WAIT)
    d.set_window_size(1280, 1000)
    d.get(desk[1])  # the printed URL: the token goes into the cookie
    try:
        yield d
    finally:
        d.quit()


def _wait(driver, test, what: str, seconds: float = WAIT):
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    # a page that is being replaced (a form's POST, a redirect) can drop an element between finding it
    # and reading it: poll again rather than fail
    return WebDriverWait(driver, seconds, poll_frequency=0.2,
                         ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)
                         ).until(lambda d: test(d), message=what)


def _row(driver, slug: str, kind: str):
    for row in driver.find_elements("css selector", "#queue tr.issue"):
        cells = row.find_elements("css selector", "td")
        if cells[1].text == slug and cells[2].text.split()[0] == kind:
            return row
    return None


def _idle_queue(driver, base: str) -> None:
    """The queue, once any recheck after a glossary change is over."""
    driver.get(base + "/")
    _wait(driver, lambda d: not d.find_elements("id", "recheck") and d.find_elements("id", "flag-count"),
          "the archive recheck to finish", 240)


def test_fix_a_forbidden_spelling_from_the_queue(desk, driver):
    base, _, site = desk
    driver.get(base + "/")
    rows = driver.find_elements("css selector", "#queue tr.issue")
    target = _row(driver, "moldova-georgia-nato", "forbidden_variant")
    assert target is not None and rows[0] == target  # errors of new flags come first
    body = driver.find_element("tag name", "body")
    body.send_keys("j")  # select the first row
    assert "sel" in target.get_attribute("class")
    body.send_keys("f")  # open it at its fix
    _wait(driver, lambda d: "/flag/" in d.current_url and d.find_elements("id", "fix"), "the flag page")
    assert "«Молдовы»" in driver.find_element("id", "fix-form").text  # the genitive fix would write
    driver.find_element("tag name", "body").send_keys("f")  # apply it
    _wait(driver, lambda d: d.find_elements("id", "done"), "the fix to be done")
    assert driver.find_element("id", "flag-gone").is_displayed()
    assert driver.find_element("css selector", "p.words del").text == "Молдавии"
    assert driver.find_element("css selector", "p.words ins").text == "Молдовы"
    text = (site / "corpus/moldova-georgia-nato/ru.md").read_text(encoding="utf-8")
    assert "на границе Молдовы с Украиной" in text and "Молдавии" not in text
    driver.get(base + "/")
    assert _row(driver, "moldova-georgia-nato", "forbidden_variant") is None


def test_accept_a_flag_with_a_reason(desk, driver):
    base, _, site = desk
    driver.get(base + "/")
    _row(driver, "strikes-kharkiv-sumy", "number_mismatch").find_element("css selector", "a.open").click()
    _wait(driver, lambda d: d.find_elements("id", "accept"), "the flag page")
    fid = driver.current_url.rsplit("/", 1)[1]
    driver.find_element("tag name", "body").send_keys("a")  # a: to the reason
    reason = driver.switch_to.active_element
    assert reason.get_attribute("id") == "reason"
    reason.send_keys("the Ukrainian air force revised the count\n")
    _wait(driver, lambda d: d.find_elements("id", "done"), "the accept to be done")
    assert "the Ukrainian air force revised the count" in driver.find_element("id", "accepted-reason").text
    entries = json.loads((site / ".bilingual-baseline.json").read_text(encoding="utf-8"))["entries"]
    [entry] = [e for e in entries if e["fingerprint"].startswith(fid)]
    assert entry["reason"] == "the Ukrainian air force revised the count" and entry["author"] == "Browser Editor"
    driver.get(f"{base}/flag/{fid}")
    assert "Accepted by Browser Editor" in driver.find_element("id", "accepted-by").text


def test_a_forbidden_spelling_added_from_a_flag_flags_another_article(desk, driver):
    base, _, site = desk
    driver.get(base + "/")
    assert _row(driver, "pezeshkian-moscow-visit", "forbidden_variant") is None
    _row(driver, "moscow-iran-regime-change", "inconsistent_rendering").find_element("css selector", "a.open").click()
    _wait(driver, lambda d: d.find_elements("id", "glossary-form"), "the flag page")
    form = driver.find_element("id", "glossary-form-value")
    assert form.get_attribute("value") == "Пезешкьян"
    assert driver.find_element("css selector", "#glossary-term option:checked").text == "Pezeshkian"
    driver.find_element("id", "as-forbidden").click()
    _wait(driver, lambda d: d.find_elements("id", "done"), "the glossary change")
    assert "Pezeshkian,Пезешкиан,person,,Пезешкьян," in (site / "glossary.csv").read_text(encoding="utf-8")
    _idle_queue(driver, base)
    row = _row(driver, "pezeshkian-moscow-visit", "forbidden_variant")
    assert row is not None and "Пезешкьян" in row.text


def test_accept_a_mined_name(desk, driver):
    base, _, site = desk
    _idle_queue(driver, base)
    driver.get(base + "/proposals")
    _wait(driver, lambda d: d.find_elements("id", "proposal-count"), "mining to finish", 240)
    section = driver.find_element("css selector", 'section.proposal[data-en="Pandora"]')
    assert "Пандора" in section.text
    section.find_element("css selector", "form.accept-proposal button").click()
    _wait(driver, lambda d: d.find_elements("id", "done"), "the proposal to be accepted")
    rows = (site / "glossary.csv").read_text(encoding="utf-8").splitlines()
    assert any(r.startswith("Pandora,Пандора,person,") for r in rows)


def test_a_file_edited_on_disk_after_the_page_loaded_is_refused(desk, driver):
    base, _, site = desk
    _idle_queue(driver, base)
    _row(driver, "putin-nato-pledge", "missing_term").find_element("css selector", "a.open").click()
    _wait(driver, lambda d: d.find_elements("id", "edit-text"), "the flag page")
    ru = site / "corpus/putin-nato-pledge/ru.md"
    elsewhere = ru.read_text(encoding="utf-8").replace("Бывший директор", "Бывший глава", 1)
    ru.write_text(elsewhere, encoding="utf-8")  # another editor saves the file meanwhile
    box = driver.find_element("id", "edit-text")
    box.clear()
    box.send_keys("Бывший директор ЦРУ Уильям Бёрнс признал это в своих мемуарах.")
    driver.find_element("css selector", "#edit button").click()
    _wait(driver, lambda d: d.find_elements("id", "refused"), "the refusal")
    assert "changed on disk since this page was shown" in driver.find_element("id", "reason-refused").text
    assert driver.find_element("id", "reload").is_displayed()
    assert ru.read_text(encoding="utf-8") == elsewhere


class _Forger(BaseHTTPRequestHandler):
    page = b""

    def do_GET(self):  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(self.page)

    def log_message(self, *args):
        pass


def test_no_token_and_another_origin_are_refused(desk, driver):
    base, url, site = desk
    # another origin on the same machine, with a form aimed at the desk — even one that knows the token
    driver.get(base + "/")
    fid = _row(driver, "nato-open-door-bucharest", "untranslated").get_attribute("data-id")
    token = url.split("token=")[1]
    _Forger.page = (f'<form method="post" action="{base}/flag/{fid}/accept"><input name="_token" value="{token}">'
                    '<input name="reason" value="forged"><button id="go">go</button></form>').encode()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Forger)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        driver.get(f"http://127.0.0.1:{server.server_address[1]}/")
        driver.find_element("id", "go").click()
        _wait(driver, lambda d: "refused" in d.find_element("tag name", "body").text, "the desk's answer")
        assert "must come from the desk's own page" in driver.find_element("tag name", "body").text
    finally:
        server.shutdown()
        server.server_close()
    baseline = site / ".bilingual-baseline.json"
    assert "forged" not in (baseline.read_text(encoding="utf-8") if baseline.exists() else "")
    # a browser without the token's cookie gets nothing
    driver.delete_all_cookies()
    driver.get(base + "/")
    assert "open the desk with the URL" in driver.find_element("tag name", "body").text
    assert not driver.find_elements("id", "queue")
