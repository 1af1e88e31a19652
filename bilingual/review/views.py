"""The desk's pages: the queue, a flag, the proposals and the log; each write a POST through ``actions``.

Every view is a thin layer: read the request, make one call into the desk or an
action, render a template. A library error becomes a page saying what was refused
(409 when a file changed under the page, 400 otherwise), never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from ..errors import BilingualError
from . import actions, audit, proposals
from .actions import Stale
from .security import post_token_ok

PAGE = 200  # queue rows a page


def render(request, template: str, code: int = 200, **context):
    from starlette.responses import HTMLResponse

    from .pages import environment

    app = request.app.state
    desk = app.desk
    html = environment().get_template(template).render(
        token=app.token, recheck=desk.recheck, who=app.who, signature=str(desk.signature),
        glossary_path=str(desk.settings.glossary or ""), **context)
    return HTMLResponse(html, status_code=code)


def _refused(request, err: BilingualError, back: str):
    status = 409 if isinstance(err, Stale) else 400
    return render(request, "message.html.j2", code=status, title="Refused" if status == 400 else "Reload",
                  message=str(err), back=back, stale=status == 409)


async def _form(request):
    from starlette.exceptions import HTTPException

    form = await request.form()
    if not post_token_ok(request.headers, form, request.app.state.token):
        raise HTTPException(403, "refused: the form lacks the desk's token")
    return form


def _text(form, name: str, default: str = "") -> str:
    value = form.get(name, default)
    return value if isinstance(value, str) else default


# ---------------------------------------------------------------- the queue


def queue(request):
    desk = request.app.state.desk
    params = request.query_params
    kind, level = params.get("kind") or None, params.get("level") or None
    status, q = params.get("status") or "all", params.get("q") or ""
    try:
        page = max(1, int(params.get("page", "1")))
    except ValueError:
        page = 1
    items, counts = desk.queue(kind=kind, level=level, status=status, q=q)
    shown = items[(page - 1) * PAGE: page * PAGE]
    base = {k: v for k, v in (("kind", kind), ("level", level), ("status", status if status != "all" else None),
                              ("q", q or None)) if v}

    def url(**change) -> str:
        args = {**base, **change}
        args = {k: v for k, v in args.items() if v}
        return "/" + ("?" + urlencode(args) if args else "")

    return render(request, "queue.html.j2", title="Review queue", items=shown, total=len(items), counts=counts,
                  kind=kind, level=level, status=status, q=q, page=page, pages=max(1, -(-len(items) // PAGE)),
                  url=url, errors=desk.errors(), stale=desk.stale, start=(page - 1) * PAGE,
                  articles=len(desk.order))


# ---------------------------------------------------------------- a flag


def _next_id(desk, fid: str) -> str | None:
    items, _ = desk.queue(status="new")
    ids = [it.id for it in items]
    if fid in ids:
        k = ids.index(fid)
        rest = ids[k + 1:] + ids[:k]
        return rest[0] if rest else None
    return ids[0] if ids else None


def flag(request):
    desk = request.app.state.desk
    fid = request.path_params["fid"]
    item = desk.item(fid)
    if item is None:
        return render(request, "message.html.j2", code=404, title="Flag gone", back="/", stale=False,
                      message="This flag is no longer raised: its sentence changed, or it was fixed.")
    try:
        ctx = actions.context(desk, item)
        preview = actions.fix_preview(desk, item, sentence=ctx.ru_sentence)
    except BilingualError as err:
        return _refused(request, err, "/")
    terms = sorted(t.en for t in desk.glossary) if desk.glossary is not None else []
    return render(request, "flag.html.j2", title=f"{item.flag.kind} · {item.slug}", item=item, f=item.flag, ctx=ctx,
                  preview=preview, terms=terms, dictionary_form=actions.dictionary_form(item.flag.found),
                  next_id=_next_id(desk, fid))


def _done(request, *, title: str, record: dict, change=None, slug: str | None = None, fid: str | None = None):
    desk = request.app.state.desk
    article = desk.articles.get(slug) if slug else None
    flags = [(it.id, it.flag) for it in desk.items.values() if it.slug == slug] if slug else []
    return render(request, "done.html.j2", title=title, record=record, change=change, slug=slug, article=article,
                  flags=flags, gone=fid is not None and desk.item(fid) is None, next_id=_next_id(desk, fid or ""))


async def _flag_action(request, title: str, work, *, with_change: bool = True):
    """Run ``work(desk, fid, form, who)`` off the event loop for the flag in the URL; show what it did,
    or the refusal (a changed file, a stale page) with the way back to the flag."""
    from starlette.concurrency import run_in_threadpool

    desk, state = request.app.state.desk, request.app.state
    fid = request.path_params["fid"]
    form = await _form(request)
    item = desk.item(fid)
    try:
        done = await run_in_threadpool(work, desk, fid, form, state.who)
    except BilingualError as err:
        return _refused(request, err, f"/flag/{fid}")
    slug = item.slug if item else None
    if with_change:
        record, change = done
        return _done(request, title=title, record=record, change=change, slug=slug, fid=fid)
    return _done(request, title=title, record=done, slug=slug)


async def fix(request):
    return await _flag_action(request, "Fixed", lambda desk, fid, form, who: actions.fix_flag(
        desk, fid, _text(form, "sha"), who))


async def edit(request):
    return await _flag_action(request, "Saved", lambda desk, fid, form, who: actions.edit_sentence(
        desk, fid, _text(form, "sha"), _text(form, "text"), who))


async def accept(request):
    from .accepting import accept_flag

    return await _flag_action(request, "Accepted", lambda desk, fid, form, who: accept_flag(
        desk, fid, _text(form, "reason"), who), with_change=False)


async def glossary_form(request):
    from starlette.concurrency import run_in_threadpool

    desk, state = request.app.state.desk, request.app.state
    fid = request.path_params["fid"]
    form = await _form(request)
    item = desk.item(fid)
    what = _text(form, "as")
    try:
        if what == "term":
            record = await run_in_threadpool(actions.add_term, desk, _text(form, "en"), _text(form, "ru"),
                                             _text(form, "type"), state.who, source={"flag": fid})
        else:
            record = await run_in_threadpool(actions.add_form, desk, fid, _text(form, "term"), _text(form, "form"),
                                             what, state.who)
    except BilingualError as err:
        return _refused(request, err, f"/flag/{fid}")
    return _done(request, title="Glossary changed", record=record, slug=item.slug if item else None)


# ---------------------------------------------------------------- mining proposals


def proposals_page(request):
    desk, mining = request.app.state.desk, request.app.state.mining
    if not mining.ready and not mining.running and mining.error is None:
        mining.start(desk)
    rows = mining.visible(desk.settings.state_dir) if mining.ready else []
    terms = sorted(t.en for t in desk.glossary) if desk.glossary is not None else []
    return render(request, "proposals.html.j2", title="Mining proposals", mining=mining, rows=rows, terms=terms,
                  articles=len(desk.order))


async def proposal_action(request):
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import RedirectResponse

    desk, state = request.app.state.desk, request.app.state
    form = await _form(request)
    key, what = _text(form, "key"), request.path_params["action"]
    try:
        if what == "accept":
            record = await run_in_threadpool(proposals.accept, desk, state.mining, key, state.who,
                                             ru=_text(form, "ru") or None, type=_text(form, "type"))
        elif what == "reject":
            record = await run_in_threadpool(proposals.reject, desk, state.mining, key, state.who)
        elif what == "variant":
            record = await run_in_threadpool(proposals.as_variant, desk, state.mining, key, _text(form, "term"),
                                             state.who)
        else:
            return RedirectResponse("/proposals", status_code=303)
    except BilingualError as err:
        return _refused(request, err, "/proposals")
    return _done(request, title={"accept": "Added to the glossary", "reject": "Rejected",
                                 "variant": "Added as a variant"}[what], record=record)


async def mine_again(request):
    from starlette.responses import RedirectResponse

    await _form(request)
    state = request.app.state
    state.mining.start(state.desk)
    return RedirectResponse("/proposals", status_code=303)


# ---------------------------------------------------------------- the log, static files


def log(request):
    desk = request.app.state.desk
    records = list(reversed(audit.read(desk.settings.state_dir, limit=200)))
    return render(request, "log.html.j2", title="Audit log", records=records,
                  log_path=str(desk.settings.state_dir / audit.LOG_NAME))


def static(request):
    from starlette.responses import Response

    name = request.path_params["name"]
    here = Path(__file__).parent / "static"
    if name == "review.css":
        from importlib.resources import files

        base = files("bilingual.report").joinpath("templates", "base.css").read_text(encoding="utf-8")
        return Response(base + (here / "review.css").read_text(encoding="utf-8"), media_type="text/css")
    if name == "review.js":
        return Response((here / "review.js").read_text(encoding="utf-8"), media_type="text/javascript")
    return Response("not found\n", status_code=404, media_type="text/plain")


__all__ = ["accept", "edit", "fix", "flag", "glossary_form", "log", "proposals_page", "queue"]
