"""The review desk in-process: the ASGI app through httpx (Starlette's TestClient), real files, real checks."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

from tests.review_archive import make_archive  # noqa: E402

TOKEN = "test-token-123"
ORIGIN = "http://testserver"


@pytest.fixture
def site(tmp_path, monkeypatch):
    site = make_archive(tmp_path)
    monkeypatch.chdir(site)
    return site


@pytest.fixture
def desk(site):
    from bilingual.review.desk import Desk, Settings

    return Desk.open(Settings([Path("corpus")], Path("glossary.csv"), Path(".bilingual-baseline.json"),
                              author="Test Editor"))


@pytest.fixture
def client(desk):
    from bilingual.review.app import make_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    app = make_app(desk, token=TOKEN, hosts=("testserver",), who="Test Editor")
    c = TestClient(app, base_url=ORIGIN)
    assert c.get(f"/?token={TOKEN}").status_code == 200  # the printed URL sets the cookie
    return c


def _id(desk, kind, slug=None):
    items, _ = desk.queue()
    return next(it.id for it in items if it.flag.kind == kind and (slug is None or it.slug == slug))


def _sha(html: str) -> str:
    return re.search(r'name="sha" value="([0-9a-f]{64})"', html).group(1)


def _post(client, url, **data):
    return client.post(url, data={"_token": TOKEN, **data}, headers={"origin": ORIGIN})


# ---------------------------------------------------------------- the guard


def test_the_token_url_sets_a_cookie_and_clears_the_address_bar(desk):
    from starlette.testclient import TestClient

    from bilingual.review.app import make_app

    c = TestClient(make_app(desk, token=TOKEN, hosts=("testserver",), port=8123), base_url=ORIGIN)
    r = c.get(f"/?token={TOKEN}&kind=omission", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/?kind=omission"
    assert "bilingual_review_8123=" in r.headers["set-cookie"] and "HttpOnly" in r.headers["set-cookie"]
    assert "SameSite=Strict" in r.headers["set-cookie"]


@pytest.mark.parametrize("path", ["/", "/flag/0a00272a83", "/proposals", "/log", "/static/review.js"])
def test_no_token_no_page(desk, path):
    from starlette.testclient import TestClient

    from bilingual.review.app import make_app

    c = TestClient(make_app(desk, token=TOKEN, hosts=("testserver",)), base_url=ORIGIN)
    for token in (None, "wrong"):
        r = c.get(path + (f"?token={token}" if token else ""), follow_redirects=False)
        assert r.status_code == 403 and "token" in r.text


def test_another_host_is_refused(client):
    # a DNS name pointed at 127.0.0.1 (rebinding) carries its own Host header
    r = client.get("/", headers={"host": "evil.example:8123"})
    assert r.status_code == 403 and "answers on testserver only" in r.text


def test_a_post_from_another_origin_or_without_the_form_token_is_refused(client, desk, site):
    fid = _id(desk, "forbidden_variant")
    sha = _sha(client.get(f"/flag/{fid}").text)
    before = (site / "corpus/moldova-georgia-nato/ru.md").read_bytes()
    r = client.post(f"/flag/{fid}/fix", data={"_token": TOKEN, "sha": sha}, headers={"origin": "http://evil.example"})
    assert r.status_code == 403 and "origin http://evil.example" in r.text
    r = client.post(f"/flag/{fid}/fix", data={"_token": TOKEN, "sha": sha})  # neither Origin nor Referer
    assert r.status_code == 403 and "origin missing" in r.text
    r = client.post(f"/flag/{fid}/fix", data={"sha": sha}, headers={"origin": ORIGIN})  # the cookie alone
    assert r.status_code == 403 and "token" in r.text
    r = client.post(f"/flag/{fid}/fix", data={"_token": TOKEN, "sha": sha}, headers={"referer": ORIGIN + "/flag/x"})
    assert r.status_code == 200  # a same-origin Referer stands in for a missing Origin
    assert (site / "corpus/moldova-georgia-nato/ru.md").read_bytes() != before


def test_pages_forbid_foreign_scripts_and_framing(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "default-src 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "<script" not in r.text.replace('<script src="/static/review.js" defer></script>', "")


# ---------------------------------------------------------------- the queue


def test_queue_lists_new_flags_first_by_level_with_counts_and_filters(client, desk):
    r = client.get("/")
    assert r.status_code == 200
    # every flag check raises on the archive is in the queue
    assert f'data-count="{len(desk.items)}"' in r.text and len(desk.items) >= 10
    levels = re.findall(r'<tr class="issue[^"]*".*?<span class="lv (\w+)">', r.text, re.S)
    order = {"error": 0, "warning": 1, "info": 2}
    assert levels == sorted(levels, key=order.get) and levels[0] == "error"
    # a kind filter: only its rows; the counts of the other filters follow it
    r = client.get("/?kind=missing_term")
    assert 'data-count="4"' in r.text and "number_mismatch</a>" not in r.text
    assert re.search(r'data-level="warning".*?<span class="n">4</span>', r.text, re.S)
    # search reads the article, the term, the form and the text
    r = client.get("/", params={"q": "Молдавии"})
    assert 'data-count="1"' in r.text and "moldova-georgia-nato" in r.text


def test_article_text_is_escaped_everywhere(site, desk, client):
    ru = site / "corpus/moldova-georgia-nato/ru.md"
    text = ru.read_text(encoding="utf-8").replace("Молдавии с Украиной.", "Молдавии с Украиной <script>alert(1)</script>.")
    ru.write_text(text, encoding="utf-8")
    desk.recheck_article("moldova-georgia-nato")
    fid = _id(desk, "forbidden_variant")
    for page in ("/", f"/flag/{fid}", "/?q=script"):
        html = client.get(page).text
        assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get(f"/flag/{fid}").text


# ---------------------------------------------------------------- fix and edit


def test_flag_page_shows_the_sentences_the_why_and_the_form_fix_would_write(client, desk):
    fid = _id(desk, "forbidden_variant")
    html = client.get(f"/flag/{fid}").text
    assert "на границе Молдавии с Украиной" in html  # the flagged sentence
    assert "Власти в Кишинёве" in html  # its neighbour
    assert "on Moldova’s border with Ukraine" in html  # the English
    assert "glossary line" in html and "forbids" in html  # the why
    assert re.search(r"«Молдавии».*?→.*?«Молдовы»", html, re.S)  # the genitive fix would write


def test_fix_writes_that_sentence_only_keeps_a_backup_logs_and_rechecks(client, desk, site):
    ru = site / "corpus/moldova-georgia-nato/ru.md"
    ru.write_bytes(ru.read_bytes().replace(b"\n", b"\r\n"))  # CRLF line ends must survive
    desk.recheck_article("moldova-georgia-nato")
    fid = _id(desk, "forbidden_variant")
    before = ru.read_bytes()
    r = _post(client, f"/flag/{fid}/fix", sha=_sha(client.get(f"/flag/{fid}").text))
    assert r.status_code == 200 and 'id="flag-gone"' in r.text
    after = ru.read_bytes()
    assert after == before.replace("границе Молдавии с".encode(), "границе Молдовы с".encode())
    assert b"\r\n" in after and b"\n" not in after.replace(b"\r\n", b"")
    assert desk.item(fid) is None and not [it for it in desk.items.values() if it.slug == "moldova-georgia-nato"]
    log = [json.loads(line) for line in (site / "corpus/.bilingual/review.log").read_text().splitlines()]
    assert log[-1]["action"] == "fix" and log[-1]["who"] == "Test Editor" and log[-1]["flag"] == fid
    import hashlib

    assert log[-1]["before"] == hashlib.sha256(before).hexdigest()
    assert log[-1]["after"] == hashlib.sha256(after).hexdigest()
    assert Path(log[-1]["backup"]).read_bytes() == before


def test_a_file_changed_on_disk_since_the_page_is_never_overwritten(client, desk, site):
    fid = _id(desk, "forbidden_variant")
    sha = _sha(client.get(f"/flag/{fid}").text)
    ru = site / "corpus/moldova-georgia-nato/ru.md"
    changed = ru.read_text(encoding="utf-8") + "\nДобавлено другим редактором.\n"
    ru.write_text(changed, encoding="utf-8")
    for action, data in (("fix", {}), ("edit", {"text": "Новый текст предложения."})):
        r = _post(client, f"/flag/{fid}/{action}", sha=sha, **data)
        assert r.status_code == 409 and "changed on disk since this page was shown" in r.text
        assert ru.read_text(encoding="utf-8") == changed
    assert not (site / "corpus/.bilingual/review.log").exists()


def test_edit_replaces_the_sentence_in_the_file_encoding(client, desk, site):
    ru = site / "corpus/moldova-georgia-nato/ru.md"
    ru.write_bytes(ru.read_text(encoding="utf-8").encode("cp1251"))
    desk.recheck_article("moldova-georgia-nato")
    fid = _id(desk, "forbidden_variant")
    sha = _sha(client.get(f"/flag/{fid}").text)
    new = "Россия держит около 1500 военных в Приднестровье, на границе Молдовы с Украиной."
    r = _post(client, f"/flag/{fid}/edit", sha=sha, text=new)
    assert r.status_code == 200
    text = ru.read_bytes().decode("cp1251")
    assert new in text and "Молдавии" not in text and "Власти в Кишинёве" in text
    assert desk.item(fid) is None


def test_edit_refuses_a_blank_line_and_an_empty_sentence(client, desk, site):
    fid = _id(desk, "forbidden_variant")
    sha = _sha(client.get(f"/flag/{fid}").text)
    before = (site / "corpus/moldova-georgia-nato/ru.md").read_bytes()
    for text in ("", "Первое.\n\nВторое."):
        r = _post(client, f"/flag/{fid}/edit", sha=sha, text=text)
        assert r.status_code == 400
    assert (site / "corpus/moldova-georgia-nato/ru.md").read_bytes() == before


def test_only_article_files_of_the_archive_can_be_written(desk, site):
    from bilingual.errors import UsageError
    from bilingual.review.actions import write_article

    outside = site / "glossary.csv"
    data = outside.read_bytes()
    import hashlib

    with pytest.raises(UsageError, match="not an article file"):
        write_article(desk, str(outside), b"x", data, hashlib.sha256(data).hexdigest(), action="t", who="t", detail={})
    assert outside.read_bytes() == data


def test_an_unknown_flag_id_is_a_page_not_a_traceback(client):
    r = client.get("/flag/%3Cb%3Enope")
    assert r.status_code == 404 and "no longer raised" in r.text and "<b>nope" not in r.text
    assert client.get("/flag/..%2F..%2Fetc").status_code == 404
    r = _post(client, "/flag/deadbeef00/fix", sha="0" * 64)
    assert r.status_code == 409 and "this flag is gone" in r.text


# ---------------------------------------------------------------- accept


def test_accept_records_reason_author_and_date_in_the_baseline(client, desk, site):
    fid = _id(desk, "number_mismatch")
    r = _post(client, f"/flag/{fid}/accept", reason="the English source was corrected later")
    assert r.status_code == 200 and "the English source was corrected later" in r.text
    doc = json.loads((site / ".bilingual-baseline.json").read_text(encoding="utf-8"))
    [entry] = doc["entries"]
    assert entry["fingerprint"].startswith(fid) and entry["slug"] == "strikes-kharkiv-sumy"
    assert entry["reason"] == "the English source was corrected later" and entry["author"] == "Test Editor"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", entry["date"])
    assert desk.item(fid).flag.accepted
    # accepted flags go after the new ones, and the flag page says who accepted it and why
    assert re.findall(r'data-id="(\w+)"', client.get("/").text)[-1] == fid
    assert "Accepted by Test Editor" in client.get(f"/flag/{fid}").text
    r = _post(client, f"/flag/{fid}/accept", reason="  ")
    assert r.status_code == 400 and "reason" in r.text


# ---------------------------------------------------------------- the glossary


def test_a_forbidden_spelling_from_a_flag_raises_flags_across_the_archive(client, desk, site):
    fid = _id(desk, "inconsistent_rendering", "moscow-iran-regime-change")
    html = client.get(f"/flag/{fid}").text
    assert 'value="Пезешкьян"' in html  # the form seen, in the dictionary form
    r = _post(client, f"/flag/{fid}/glossary", term="Pezeshkian", form="Пезешкьян", **{"as": "forbidden"})
    assert r.status_code == 200
    desk.recheck_archive(wait=True) if desk.recheck.running else None
    _wait_idle(desk)
    rows = (site / "glossary.csv").read_text(encoding="utf-8").splitlines()
    assert "Pezeshkian,Пезешкиан,person,,Пезешкьян," in rows
    other = [it for it in desk.items.values() if it.slug == "pezeshkian-moscow-visit"]
    assert [(it.flag.kind, it.flag.found) for it in other if it.flag.kind == "forbidden_variant"] == [
        ("forbidden_variant", "Пезешкьян")]
    log = [json.loads(line) for line in (site / "corpus/.bilingual/review.log").read_text().splitlines()]
    assert log[-1]["action"] == "glossary_forbidden" and log[-1]["before"] != log[-1]["after"]


def _wait_idle(desk, seconds: float = 120) -> None:
    import time

    end = time.monotonic() + seconds
    while desk.recheck.running and time.monotonic() < end:
        time.sleep(0.1)
    assert not desk.recheck.running and desk.recheck.error is None


def test_writes_wait_while_the_archive_is_rechecked(client, desk):
    from bilingual.review.desk import Recheck

    fid = _id(desk, "forbidden_variant")
    sha = _sha(client.get(f"/flag/{fid}").text)
    desk.recheck = Recheck(running=True, total=8)
    r = _post(client, f"/flag/{fid}/fix", sha=sha)
    assert r.status_code == 400 and "being rechecked" in r.text
    assert 'http-equiv="refresh"' in client.get("/").text


# ---------------------------------------------------------------- mining


def test_mining_proposals_accept_reject_remembered_and_variant(client, desk, site):
    from bilingual.review.proposals import proposal_key

    mining = client.app.state.mining
    mining.start(desk, wait=True)
    html = client.get("/proposals").text
    assert "Pandora" in html and "Пандора" in html
    keys = {p.en: proposal_key(p) for p in mining.proposals}
    # reject: remembered on disk, not proposed again even after mining again
    r = _post(client, "/proposals/reject", key=keys["West"])
    assert r.status_code == 200
    mining.start(desk, wait=True)
    assert "→ «Запад»" not in client.get("/proposals").text
    assert json.loads((site / "corpus/.bilingual/mine-rejected.jsonl").read_text().splitlines()[0])["en"] == "West"
    # accept with an edited type
    r = _post(client, "/proposals/accept", key=keys["Pandora"], ru="Пандора", type="myth")
    assert r.status_code == 200
    _wait_idle(desk)
    assert "Pandora,Пандора,myth,,," in (site / "glossary.csv").read_text(encoding="utf-8")
    assert any(t.en == "Pandora" for t in desk.glossary)


def test_a_proposal_marked_as_variant_of_a_term(client, desk, site):
    from bilingual.mining.mine import Proposal
    from bilingual.review.proposals import proposal_key

    mining = client.app.state.mining
    p = Proposal(en="President Pezeshkian", ru="Пезешкиян", type="person")
    mining.proposals, mining.ready = [p], True
    r = _post(client, "/proposals/variant", key=proposal_key(p), term="Pezeshkian")
    assert r.status_code == 200
    _wait_idle(desk)
    term = next(t for t in desk.glossary if t.en == "Pezeshkian")
    assert "Пезешкиян" in term.variants and "President Pezeshkian" in term.en_variants


def test_a_new_term_from_a_flag(client, desk, site):
    fid = _id(desk, "untranslated")
    r = _post(client, f"/flag/{fid}/glossary", en="Bucharest summit", ru="Бухарестский саммит", type="event",
              **{"as": "term"})
    assert r.status_code == 200
    _wait_idle(desk)
    assert "Bucharest summit,Бухарестский саммит,event,,," in (site / "glossary.csv").read_text(encoding="utf-8")
    # a second term with the same English is refused by the glossary's own validation, the file unchanged
    before = (site / "glossary.csv").read_bytes()
    r = _post(client, f"/flag/{fid}/glossary", en="Bucharest summit", ru="саммит", type="event", **{"as": "term"})
    assert r.status_code == 400 and "already in the glossary" in r.text
    assert (site / "glossary.csv").read_bytes() == before


def test_the_desk_keeps_the_check_cache_as_check_does(desk, site):
    """Opening the desk over the whole archive forgets deleted articles; rechecking one keeps the rest."""
    import shutil
    import sqlite3

    from bilingual.checks.cache import default_cache_path
    from bilingual.review.desk import Desk, Settings

    def stored() -> set[str]:
        with sqlite3.connect(default_cache_path([Path("corpus")])) as db:
            return {row[0] for row in db.execute("SELECT slug FROM articles")}

    everything = set(desk.order)
    assert stored() == everything
    gone = desk.order[0]
    shutil.rmtree(Path("corpus") / gone)
    again = Desk.open(Settings([Path("corpus")], Path("glossary.csv"), Path(".bilingual-baseline.json"),
                               author="Test Editor"))
    assert stored() == everything - {gone}
    again.recheck_article(again.order[0])
    assert stored() == everything - {gone}


def test_the_command_needs_a_glossary_and_an_archive(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from bilingual.cli import app

    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(app, ["review", "--no-browser"])
    assert r.exit_code == 2 and "no glossary" in r.output and "Traceback" not in r.output
    (tmp_path / "glossary.csv").write_text("en,ru,type,variants,forbidden,note\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["review", "nowhere", "--no-browser"])
    assert r.exit_code == 2 and "nowhere: no such file or directory" in r.output
