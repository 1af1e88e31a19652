"""Project defaults, set once: ``bilingual.toml`` or ``[tool.bilingual]`` in ``pyproject.toml``.

The first folder, from the current one upwards, holding either file sets the
defaults (``bilingual.toml`` wins when a folder has both). The search stops at
the project's root, the first folder holding ``.git`` or ``pyproject.toml``: a
file planted in a folder above the project never changes how it is checked. Relative paths are
relative to the file that sets them, so a command run from a subfolder finds
the same corpus and glossary. Command-line options override every value.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .io import read_regular

CONFIG_FILE = "bilingual.toml"
# key -> (built-in default, whether it holds paths)
KEYS: dict[str, tuple[object, bool]] = {
    "corpus": ("corpus", True),
    "glossary": ("glossary.csv", True),
    "fail_on": ("info", False),
    "baseline": (None, True),
    "mode": ("default", False),
    "format": ("table", False),
    "ru_name": ("ru.md", False),  # the Russian file of each article folder (ru.mt.md: machine translations)
    "no_translation": ("warning", False),  # the level of an article with no Russian (or English) version
    "editor_url": (None, False),  # the HTML report's file links: "vscode://file/{path}:{line}"
    # query parameters links drop besides the built-in list (sources/urls.py TRACKING_PARAMS)
    "tracking_params": ([], False),
}
LIST_KEYS = frozenset({"tracking_params"})
CHOICES = {"fail_on": ("info", "warning", "error"), "mode": ("default", "semantic"),
           "no_translation": ("info", "warning", "error")}
# tables, checked where they are used (bilingual.checks.qa): check profiles, typography, house-style rules
TABLES: dict[str, type] = {"checks": dict, "typography": dict, "rules": list}


@dataclass
class Config:
    path: Path | None = None  # the file the values came from
    values: dict = field(default_factory=dict)

    def get(self, key: str, default=None):
        return self.values.get(key, default)

    @property
    def source(self) -> str:
        if self.path is None:
            return "default"
        return f"{_shown(self.path)}" + (" [tool.bilingual]" if self.path.name == "pyproject.toml" else "")


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


MAX_CONFIG_BYTES = 1_000_000


def _read_toml(path: Path) -> dict:
    try:
        data = read_regular(path, limit=MAX_CONFIG_BYTES, what="configuration files")
        return tomllib.loads(data.decode("utf-8"))
    except OSError as err:
        raise InputError(f"can't read: {err.strerror or err}", path=str(path)) from None
    except UnicodeDecodeError as err:
        raise InputError(f"not UTF-8 (byte {err.start})", path=str(path)) from None
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"not valid TOML: {err}", path=str(path)) from None


def find_config(start: str | os.PathLike | None = None) -> tuple[Path, dict] | None:
    """The nearest config file from ``start`` (default: the current folder) upwards, and its table."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / CONFIG_FILE
        if own.is_file():
            return own, _read_toml(own)
        project = folder / "pyproject.toml"
        if project.is_file():
            table = _read_toml(project).get("tool", {}).get("bilingual")
            if table is not None:
                return project, table
        if project.exists() or (folder / ".git").exists():
            return None  # the project's root: nothing above it is the project's setting
    return None


def _value(key: str, raw, path: Path):
    if key in TABLES:
        if not isinstance(raw, TABLES[key]):
            shape = "a table" if TABLES[key] is dict else f"a list of tables ([[{key}]])"
            raise InputError(f"'{key}' must be {shape}", path=str(path))
        return raw
    default, is_path = KEYS[key]
    if is_path:
        items = raw if isinstance(raw, list) and key == "corpus" else [raw]
        if not all(isinstance(x, str) and x and "\0" not in x for x in items):
            raise InputError(f"'{key}' must be a path{' or a list of paths' if key == 'corpus' else ''}",
                             path=str(path))
        resolved = [str((path.parent / x).resolve()) if not os.path.isabs(x) else x for x in items]
        return resolved if key == "corpus" else resolved[0]
    if key in LIST_KEYS:
        if not isinstance(raw, list) or not all(isinstance(x, str) and x for x in raw):
            raise InputError(f"'{key}' must be a list of strings", path=str(path))
        return list(raw)
    if not isinstance(raw, str):
        raise InputError(f"'{key}' must be a string", path=str(path))
    if key in CHOICES and raw not in CHOICES[key]:
        raise InputError(f"unknown {key} '{raw}' (choose from {', '.join(CHOICES[key])})", path=str(path))
    if key == "editor_url" and "{path}" not in raw:
        raise InputError("editor_url needs a {path} (and may use {line}): \"vscode://file/{path}:{line}\"",
                         path=str(path))
    if key == "ru_name" and (os.path.basename(raw) != raw or raw in (".", "..")):
        raise InputError(f"ru_name '{raw}' must be a file name like ru.mt.md", path=str(path))
    return raw


def load_config(start: str | os.PathLike | None = None) -> Config:
    """The effective project configuration (empty when no file sets one)."""
    found = find_config(start)
    if found is None:
        return Config()
    path, table = found
    if not isinstance(table, dict):
        raise InputError("[tool.bilingual] must be a table", path=str(path))
    unknown = sorted(set(table) - set(KEYS) - set(TABLES))
    if unknown:
        raise InputError(f"unknown setting '{unknown[0]}' (choose from {', '.join([*KEYS, *TABLES])})",
                         path=str(path))
    return Config(path, {k: _value(k, v, path) for k, v in table.items()})


def effective(config: Config, overrides: dict | None = None) -> list[tuple[str, object, str]]:
    """``(key, value, source)`` for every setting: the command line, the config file, or the default."""
    overrides = overrides or {}
    out = []
    for key, (default, _) in KEYS.items():
        if overrides.get(key) is not None:
            out.append((key, overrides[key], "command line"))
        elif key in config.values:
            out.append((key, config.values[key], config.source))
        else:
            out.append((key, default, "default"))
    return out
