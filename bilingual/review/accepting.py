"""Accept a flag at the desk: the same baseline entry ``bilingual accept ID --reason`` writes.

The entry (reason, author, date) is written by ``bilingual.accept`` under the
baseline's lock, so the desk and the command line can accept at the same time;
the audit log records the baseline's sha256 before and after.
"""

from __future__ import annotations

from . import audit
from .actions import Stale


def accept_flag(desk, fid: str, reason: str, who: str) -> dict:
    from ..checks.accept import accept

    item = desk.item(fid)
    if item is None:
        raise Stale("this flag is gone (the sentence changed, or the archive was rechecked); back to the queue")
    path = desk.settings.baseline_path
    before = audit.file_sha(path)
    result = accept(path, [(item.article, item.flag)], reason, author=who)
    entry = (result.added or result.updated or [None])[0]
    record = audit.append(desk.settings.state_dir, {
        "who": who, "action": "accept", "file": str(path), "before": before, "after": audit.file_sha(path),
        "flag": fid, "kind": item.flag.kind, "term": item.flag.term, "reason": " ".join(reason.split()),
        **({"date": entry.date} if entry is not None else {})})
    desk.refresh_baseline()
    return record


__all__ = ["accept_flag"]
