"""What an editor can do to a flag, each through the library's own guarded paths.

- **fix**: ``bilingual fix``'s change (``fix_file``, with the English for the case), applied to
  the flagged sentence only;
- **edit**: the Russian sentence replaced by the editor's text;
- **glossary**: the form seen added to a term as a variant or a forbidden spelling, or a new
  term, through the glossary's locked, atomic edit path (``glossary.edit``).

An article write is a compare-and-swap: the page carries the sha256 of the file it was
made from, and a file whose bytes changed since is refused (``Stale``) — checked on the
bytes the change is computed from and again just before the write, under the desk's lock.
The file is written back in its own encoding, byte-order mark and line ends
(``TextFile``), atomically (``bilingual.io``), after a copy of the old bytes is kept
under ``.bilingual/backups/``; the audit log gets one line; the article is rechecked.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BilingualError, UsageError
from . import audit

TEXT_SUFFIXES = (".md", ".markdown", ".txt")


class Stale(BilingualError):
    """The file changed on disk after the page acting on it was shown."""

    exit_code = 2


@dataclass
class Context:
    """A flag's sentences as the files have them now: the flagged one with its neighbours."""

    ru_path: str | None
    en_path: str | None
    ru_sha: str | None
    en: list = field(default_factory=list)  # (index, text, is_the_flagged_one)
    ru: list = field(default_factory=list)
    ru_sentence: str | None = None
    editable: bool = False  # a Markdown or text file whose sentence can be replaced


@dataclass
class FixPreview:
    """What fix would write in the flagged sentence."""

    old: str
    new: str
    changes: list  # FixChange of that sentence
    diff: str
    note: str = ""  # why nothing can be fixed here
    pieces: tuple = ()  # word diff of the changed text: (equal|delete|insert, text)


def _neighbours(doc, idx, span: int = 1) -> list:
    if doc is None or idx is None:
        return []
    lo, hi = max(0, idx - span), min(len(doc.sentences), idx + span + 1)
    return [(i, doc.sentences[i].text, i == idx) for i in range(lo, hi)]


def context(desk, item) -> Context:
    from ..sources.corpus import read_document

    pair, f = item.article.pair, item.flag
    ctx = Context(pair.ru_path, pair.en_path, audit.file_sha(pair.ru_path) if pair.ru_path else None)
    for lang, path, idx in (("en", pair.en_path, f.en_index), ("ru", pair.ru_path, f.ru_index)):
        if path is None or idx is None:
            continue
        try:
            doc = read_document(path, lang)
        except BilingualError:
            continue
        if idx < len(doc.sentences):
            setattr(ctx, lang, _neighbours(doc, idx))
            if lang == "ru":
                ctx.ru_sentence = doc.sentences[idx].text
    ctx.editable = bool(ctx.ru_sentence is not None and pair.ru_path and pair.en_path != pair.ru_path
                        and Path(pair.ru_path).suffix.lower() in TEXT_SUFFIXES)
    return ctx


def _fix_result(desk, item):
    """fix's result for the flag's Russian file, kept for the file's current bytes and glossary:
    the Fix a page offers is the one the action writes, computed once."""
    from ..fix import fix_file

    pair = item.article.pair
    key = (pair.ru_path, audit.file_sha(pair.ru_path), audit.file_sha(pair.en_path), desk.glossary.sha)
    kept = desk.fixes.get(key)
    if kept is None:
        kept = fix_file(pair.ru_path, desk.glossary, en_path=pair.en_path)
        desk.fixes.clear()  # one article at a time is enough
        desk.fixes[key] = kept
    return kept


def _has_forbidden(desk, sentence: str | None) -> bool:
    """Whether the sentence holds a forbidden form — the only thing fix ever changes."""
    enforcer = desk.enforcer()
    return bool(sentence) and enforcer.matcher is not None and any(
        h.kind == "forbidden" for h in enforcer.matcher.find_ru(sentence))


def fix_preview(desk, item, result=None, sentence: str | None = None) -> FixPreview | None:
    """fix's change to the flagged sentence (None when the flag has no Russian sentence).
    ``sentence``: its text as read now, to skip fix altogether when it has no forbidden form."""
    f, pair = item.flag, item.article.pair
    if f.ru_index is None or not pair.ru_path:
        return None
    if pair.en_path == pair.ru_path or Path(pair.ru_path).suffix.lower() not in TEXT_SUFFIXES:
        return FixPreview("", "", [], "", "the desk fixes sentences of Markdown and text files; "
                                          "use `bilingual fix` for this file")
    if desk.glossary is None or not len(desk.glossary):
        return FixPreview("", "", [], "", "no glossary: nothing to fix against")
    if result is None and sentence is not None and not _has_forbidden(desk, sentence):
        return FixPreview("", "", [], "", "fix changes nothing in this sentence (no forbidden form)")
    result = result or _fix_result(desk, item)
    changes = [c for c in result.changes if c.sentence == f.ru_index]
    if not changes:
        note = "fix changes nothing in this sentence"
        if any(c.sentence == f.ru_index for c in result.skipped):
            note = "the form is in code, a link target or front matter: fix leaves it alone"
        elif any(c.sentence == f.ru_index for _, c in result.other_language):
            note = "the paragraph is in another language: fix leaves it alone"
        return FixPreview("", "", [], "", note)
    raw = result.file.edit((c.start, c.stop, c.new) for c in changes)
    start = min(c.start for c in changes)
    stop = max(c.stop for c in changes)
    # the sentence around the changes, before and after
    text = result.original
    s_from = text.rfind("\n", 0, start) + 1
    s_to = text.find("\n", stop)
    s_to = len(text) if s_to < 0 else s_to
    old_line = text[s_from:s_to]
    new_line = old_line
    for c in sorted(changes, key=lambda c: -c.start):
        new_line = new_line[:c.start - s_from] + c.new + new_line[c.stop - s_from:]
    return FixPreview(old_line, new_line, changes, result.file.diff(raw), pieces=word_pieces(old_line, new_line))


def word_pieces(old: str, new: str, context: int = 90) -> tuple:
    """The word diff of ``old`` → ``new``, long unchanged stretches at either end cut to ``context`` characters."""
    from ..diff.words import word_diff

    pieces = list(word_diff(old, new))
    if pieces and pieces[0][0] == "equal" and len(pieces[0][1]) > context:
        tail = pieces[0][1][-context:]
        pieces[0] = ("equal", "…" + tail[tail.find(" ") + 1:])  # from a word's start
    if len(pieces) > 1 and pieces[-1][0] == "equal" and len(pieces[-1][1]) > context:
        head = pieces[-1][1][:context]
        pieces[-1] = ("equal", head[:head.rfind(" ")] + " …" if " " in head else head + "…")
    return tuple(pieces)


# ---------------------------------------------------------------- writing an article


def _backup(desk, path: Path, data: bytes, sha: str) -> str:
    from ..io import write_bytes_atomic

    stamp = audit.now().replace(":", "").replace("-", "")
    rel = os.path.relpath(path, desk.settings.root)
    target = desk.settings.state_dir / "backups" / rel
    target = target.with_name(f"{target.name}.{stamp}.{sha[:8]}")
    target.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(target, data)
    return str(target)


def write_article(desk, path: str, new: bytes, read: bytes, expected_sha: str, *, action: str, who: str,
                  detail: dict, slug: str | None = None) -> dict:
    """Write ``new`` over the article file ``path`` (of article ``slug``) if it still holds ``read``,
    whose sha256 the page showed."""
    from ..io import check_output, write_bytes_atomic

    real = desk.writable(path, slug)
    before = audit.sha256(read)
    if before != expected_sha:
        raise Stale(f"{Path(path).name} changed on disk since this page was shown; reload it and try again",
                    path=path)
    with desk.lock:
        now = real.read_bytes()
        if audit.sha256(now) != expected_sha:
            raise Stale(f"{Path(path).name} changed on disk since this page was shown; reload it and try again",
                        path=path)
        check_output(real)
        backup = _backup(desk, real, now, before)
        write_bytes_atomic(real, new)
        record = audit.append(desk.settings.state_dir, {
            "who": who, "action": action, "file": str(path), "before": before, "after": audit.sha256(new),
            "backup": backup, **detail})
    return record


def fix_flag(desk, fid: str, expected_sha: str, who: str) -> tuple[dict, FixPreview]:
    """Apply fix's change to the flagged sentence; returns the audit record and what changed."""
    desk.require_idle()
    item = _item(desk, fid)
    result = _fix_result(desk, item)
    preview = fix_preview(desk, item, result)
    if preview is None or not preview.changes:
        raise UsageError(preview.note if preview else "this flag has no Russian sentence to fix")
    raw = result.file.edit((c.start, c.stop, c.new) for c in preview.changes)
    record = write_article(desk, item.article.pair.ru_path, result.file.encode(raw), result.file.data, expected_sha,
                           action="fix", who=who, slug=item.slug, detail={
                               "flag": fid, "kind": item.flag.kind, "term": item.flag.term,
                               "changes": [{"old": c.old, "new": c.new, "case": c.case} for c in preview.changes]})
    desk.recheck_article(item.slug)
    return record, preview


def edit_sentence(desk, fid: str, expected_sha: str, text: str, who: str) -> tuple[dict, FixPreview]:
    """Replace the flagged Russian sentence with ``text``; returns the audit record and what changed."""
    from ..sources.corpus import read_document
    from ..sources.textfile import TextFile

    desk.require_idle()
    item = _item(desk, fid)
    pair, f = item.article.pair, item.flag
    if f.ru_index is None or not pair.ru_path or Path(pair.ru_path).suffix.lower() not in TEXT_SUFFIXES \
            or pair.en_path == pair.ru_path:
        raise UsageError("only a sentence of a Russian Markdown or text file can be edited here")
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise UsageError("the new sentence is empty; to delete it, edit the file itself")
    if "\n\n" in text:
        raise UsageError("a sentence can't hold a blank line (it would split the paragraph)")
    file = TextFile.read(pair.ru_path)
    doc = read_document(pair.ru_path, "ru", source=file.source)
    offset = len(file.text) - len(doc.text)
    if f.ru_index >= len(doc.sentences):
        raise Stale("the article has fewer sentences than this page showed; reload it", path=pair.ru_path)
    s = doc.sentences[f.ru_index]
    if "\r\n" in file.raw:
        text = text.replace("\n", "\r\n")
    raw = file.edit([(offset + s.start, offset + s.stop, text)])
    record = write_article(desk, pair.ru_path, file.encode(raw), file.data, expected_sha, action="edit", who=who,
                           slug=item.slug, detail={"flag": fid, "kind": f.kind, "old": s.text, "new": text})
    desk.recheck_article(item.slug)
    return record, FixPreview(s.text, text, [], file.diff(raw), pieces=word_pieces(s.text, text))


def _item(desk, fid: str):
    item = desk.item(fid)
    if item is None:
        raise Stale("this flag is gone (the sentence changed, or the archive was rechecked); back to the queue")
    return item


# ---------------------------------------------------------------- the glossary


def glossary_file(desk) -> str:
    path = desk.settings.glossary
    if path is None:
        raise UsageError("no glossary is configured; start the desk with -g FILE")
    return str(path)


def add_form(desk, fid: str, term: str, form: str, as_: str, who: str) -> dict:
    """Add ``form`` to the glossary term ``term`` as a variant or a forbidden spelling."""
    from ..glossary.edit import set_term

    desk.require_idle()
    if as_ not in ("variant", "forbidden"):
        raise UsageError(f"unknown glossary action {as_!r} (choose from variant, forbidden)")
    form = " ".join(form.split())
    if not form or not term:
        raise UsageError("give the term and the form to add")
    path = glossary_file(desk)
    before = audit.file_sha(path)
    set_term(path, term, **({"add_variants": [form]} if as_ == "variant" else {"add_forbidden": [form]}))
    record = audit.append(desk.settings.state_dir, {
        "who": who, "action": f"glossary_{as_}", "file": path, "before": before, "after": audit.file_sha(path),
        "flag": fid, "term": term, "form": form})
    desk.recheck_archive()
    return record


def add_term(desk, en: str, ru: str, type: str, who: str, *, note: str = "", source: dict | None = None) -> dict:
    """A new glossary term."""
    from ..glossary.edit import add_term as add

    desk.require_idle()
    en, ru = " ".join(en.split()), " ".join(ru.split())
    if not en or not ru:
        raise UsageError("a new term needs its English and its Russian")
    path = glossary_file(desk)
    before = audit.file_sha(path)
    add(path, en, ru, type=type.strip(), note=note)
    record = audit.append(desk.settings.state_dir, {
        "who": who, "action": "glossary_add", "file": path, "before": before, "after": audit.file_sha(path),
        "en": en, "ru": ru, "type": type.strip(), **(source or {})})
    desk.recheck_archive()
    return record


def dictionary_form(form: str | None) -> str:
    """The nominative of a form seen in some case («Молдавией» → «Молдавия»), by the names engine."""
    if not form:
        return ""
    from ..russian.names import lemmatize_name

    return lemmatize_name(form) or form


__all__ = ["Context", "FixPreview", "Stale", "add_form", "add_term", "context", "dictionary_form", "edit_sentence",
           "fix_flag", "fix_preview", "write_article"]
