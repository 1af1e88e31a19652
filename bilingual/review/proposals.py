"""Mining proposals at the desk: ``glossary mine``'s rows, each accepted, edited, rejected or merged.

Mining reads and aligns the whole archive, so it runs once, in a background
thread, when the proposals page is first opened (and again after the glossary
changes). A rejected proposal is remembered in ``.bilingual/mine-rejected.jsonl``
(one JSON line each: the English name, the Russian, the kind of proposal, who and
when) and is not proposed again.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BilingualError, UsageError
from . import audit

REJECTED_NAME = "mine-rejected.jsonl"


def proposal_key(p) -> str:
    """A proposal's identity: its English name, and for a change to an existing term the forms it adds."""
    kind = "new" if not (p.forbidden or p.variants) else "forms"
    return "|".join((kind, " ".join(p.en.split()).casefold(), *sorted(f.casefold() for f in (*p.forbidden, *p.variants))))


def rejected_keys(state_dir: str | os.PathLike) -> set[str]:
    path = Path(state_dir) / REJECTED_NAME
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return set()
    out = set()
    for line in lines:
        try:
            out.add(json.loads(line)["key"])
        except (ValueError, KeyError, TypeError):
            continue
    return out


@dataclass
class Mining:
    """The archive's proposals, mined once in the background."""

    running: bool = False
    done: int = 0
    error: str | None = None
    proposals: list = field(default_factory=list)  # glossary.mine.Proposal
    ready: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self, desk, *, wait: bool = False) -> None:
        with self.lock:
            if self.running:
                return
            self.running, self.ready, self.done, self.error = True, False, 0, None

        def run() -> None:
            from ..mining.mine import mine

            def tick() -> None:
                self.done += 1

            try:
                result = mine(desk.settings.paths, desk.glossary, jobs=desk.settings.jobs, progress=tick)
                self.proposals = result.proposals + result.variations
                self.ready = True
            except BilingualError as err:  # shown on the page
                self.error = str(err)
            finally:
                self.running = False

        if wait:
            run()
        else:
            threading.Thread(target=run, name="bilingual-review-mine", daemon=True).start()

    def visible(self, state_dir) -> list:
        """The proposals not rejected before, keyed for the page."""
        gone = rejected_keys(state_dir)
        return [(proposal_key(p), p) for p in self.proposals if proposal_key(p) not in gone]

    def find(self, key: str):
        for p in self.proposals:
            if proposal_key(p) == key:
                return p
        raise UsageError("no such proposal (the archive was mined again); reload the proposals")


def reject(desk, mining: Mining, key: str, who: str) -> dict:
    p = mining.find(key)
    record = {"at": audit.now(), "who": who, "key": key, "en": p.en, "ru": p.ru,
              "variants": list(p.variants), "forbidden": list(p.forbidden)}
    folder = desk.settings.state_dir
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / REJECTED_NAME, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        os.write(fd, (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    return audit.append(folder, {"who": who, "action": "mine_reject", "en": p.en, "ru": p.ru, "key": key})


def accept(desk, mining: Mining, key: str, who: str, *, ru: str | None = None, type: str | None = None) -> dict:
    """A new name becomes a term (its Russian and type as edited); forms for an existing term are added to it."""
    from . import actions

    desk.require_idle()
    p = mining.find(key)
    if p.forbidden or p.variants:  # a proposal about an existing term
        from ..glossary.edit import set_term

        path = actions.glossary_file(desk)
        before = audit.file_sha(path)
        set_term(path, p.en, add_forbidden=p.forbidden, add_variants=p.variants)
        record = audit.append(desk.settings.state_dir, {
            "who": who, "action": "mine_accept_forms", "file": path, "before": before,
            "after": audit.file_sha(path), "en": p.en, "forbidden": list(p.forbidden), "variants": list(p.variants)})
        desk.recheck_archive()
    else:
        record = actions.add_term(desk, p.en, ru if ru is not None else p.ru, p.type if type is None else type, who,
                                  note=p.note, source={"from": "mine"})
    mining.proposals = [q for q in mining.proposals if proposal_key(q) != key]
    return record


def as_variant(desk, mining: Mining, key: str, term: str, who: str) -> dict:
    """The proposal's Russian becomes a variant of the existing term ``term`` (and its English, an English variant)."""
    from ..glossary.edit import set_term
    from . import actions

    desk.require_idle()
    p = mining.find(key)
    existing = {t.en: t for t in desk.glossary}
    if term not in existing:
        raise UsageError(f"no term {term!r} in the glossary")
    path = actions.glossary_file(desk)
    before = audit.file_sha(path)
    en_variants = [p.en] if p.en not in existing[term].en_names else []
    set_term(path, term, add_variants=[p.ru], add_en_variants=en_variants)
    record = audit.append(desk.settings.state_dir, {
        "who": who, "action": "mine_variant", "file": path, "before": before, "after": audit.file_sha(path),
        "term": term, "en": p.en, "ru": p.ru})
    mining.proposals = [q for q in mining.proposals if proposal_key(q) != key]
    desk.recheck_archive()
    return record


__all__ = ["Mining", "accept", "as_variant", "proposal_key", "reject", "rejected_keys"]
