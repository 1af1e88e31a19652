"""Check profiles: switch a flag kind off or give it another level, for the archive or one folder.

In ``bilingual.toml`` (``[tool.bilingual.checks]`` in ``pyproject.toml``)::

    [checks]
    double_space = "off"
    typography = "warning"

    [checks.folders."corpus/opinion"]
    house_style = "off"

A value is a level (``info``, ``warning``, ``error``) or ``off``. Folder paths are
relative to the configuration file; the longest folder holding an article wins, then
the top-level table, then the kind's own level.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import InputError

CHOICES = ("off", "info", "warning", "error")


@dataclass(frozen=True)
class Profile:
    levels: tuple[tuple[str, str], ...] = ()  # (kind, level or "off")
    folders: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()  # (absolute folder, levels)

    def __bool__(self) -> bool:
        return bool(self.levels or self.folders)

    def off_everywhere(self, kind: str) -> bool:
        """Switched off for the archive and on again for no folder: no need to look for it at all."""
        return dict(self.levels).get(kind) == "off" and not any(
            dict(levels).get(kind) not in (None, "off") for _, levels in self.folders)

    def level(self, kind: str, level: str, path: str | None = None) -> str | None:
        """The level a flag of ``kind`` gets for an article at ``path``; None when the kind is off."""
        found = dict(self.levels).get(kind)
        if path and self.folders:
            where = os.path.abspath(path)
            best = -1
            for folder, levels in self.folders:
                if (where == folder or where.startswith(folder.rstrip(os.sep) + os.sep)) and len(folder) > best \
                        and kind in dict(levels):
                    best, found = len(folder), dict(levels)[kind]
        if found is None:
            return level
        return None if found == "off" else found


def _levels(table: dict, known: set[str], where: str, section: str) -> tuple[tuple[str, str], ...]:
    out = []
    for kind, value in table.items():
        if kind not in known:
            raise InputError(f"{section}: unknown check '{kind}' (see `bilingual check --list-checks`)",
                             path=where or None)
        if value not in CHOICES:
            raise InputError(f"{section}: '{kind}' must be one of {', '.join(CHOICES)}", path=where or None)
        out.append((kind, value))
    return tuple(sorted(out))


def load_profile(table: dict, known: set[str], where: str = "") -> Profile:
    """A profile from the ``checks`` table of the configuration file at ``where``."""
    if not isinstance(table, dict):
        raise InputError("'checks' must be a table", path=where or None)
    table = dict(table)
    folders_table = table.pop("folders", {})
    if not isinstance(folders_table, dict):
        raise InputError("checks.folders must be a table of folder -> table", path=where or None)
    base = Path(where).parent if where else Path.cwd()
    folders = []
    for folder, levels in folders_table.items():
        if not isinstance(levels, dict):
            raise InputError(f"checks.folders.\"{folder}\" must be a table", path=where or None)
        path = folder if os.path.isabs(folder) else os.path.abspath(base / folder)
        folders.append((path, _levels(levels, known, where, f"checks.folders.\"{folder}\"")))
    return Profile(_levels(table, known, where, "checks"), tuple(folders))


def apply(articles: list, profile: Profile) -> list:
    """The articles with their flags re-levelled and switched off as the profile says."""
    if not profile:
        return articles
    out = []
    for a in articles:
        path = a.pair.ru_path or a.pair.en_path
        flags = []
        for f in a.flags:
            level = profile.level(f.kind, f.level, path)
            if level is not None:
                flags.append(f if level == f.level else replace(f, level=level))
        out.append(replace(a, flags=tuple(flags)) if len(flags) != len(a.flags) or flags != list(a.flags) else a)
    return out
