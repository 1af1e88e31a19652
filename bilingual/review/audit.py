"""The desk's audit log: one JSON line per action, appended, never rewritten.

``<corpus>/.bilingual/review.log`` records who did what, when, to which file,
and the file's sha256 before and after, so any change made through the desk can
be traced and checked against the files (and the backups kept beside the log).
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime, timezone
from pathlib import Path

from ..errors import OutputError

LOG_NAME = "review.log"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha(path: str | os.PathLike) -> str | None:
    """The sha256 of the file's bytes, or None when it doesn't exist."""
    try:
        return sha256(Path(path).read_bytes())
    except FileNotFoundError:
        return None


def now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def append(state_dir: str | os.PathLike, record: dict) -> dict:
    """Append ``record`` (with ``at`` set when absent) as one line to the audit log; returns it."""
    record = {"at": now(), **record}
    line = json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n"
    folder = Path(state_dir)
    path = folder / LOG_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # O_APPEND: each line lands whole at the end, even with two desks writing
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            os.write(fd, line.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as err:
        raise OutputError(f"can't write the audit log: {err.strerror or err}", path=str(path)) from None
    return record


def read(state_dir: str | os.PathLike, limit: int | None = None) -> list[dict]:
    """The log's records, newest last (the last ``limit`` of them)."""
    path = Path(state_dir) / LOG_NAME
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    out = []
    for line in lines[-limit:] if limit else lines:
        try:
            out.append(json.loads(line))
        except ValueError:
            continue
    return out


__all__ = ["LOG_NAME", "append", "file_sha", "now", "read", "sha256"]
