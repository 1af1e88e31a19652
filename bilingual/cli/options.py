"""Option choices that several commands share."""

from __future__ import annotations

from enum import Enum


class TableOrJson(str, Enum):
    """Human output (a table) or machine output (JSON)."""

    table = "table"
    json = "json"


class AlignMode(str, Enum):
    """How sentences are aligned: length and anchors only, or with sentence embeddings too."""

    default = "default"
    semantic = "semantic"


class Executor(str, Enum):
    """Where the work runs: processes on this machine, or a Dask cluster."""

    local = "local"
    dask = "dask"


NO_GLOSSARY_HELP = "Run without a glossary (term checks off) instead of stopping when none is found."


def project_config():
    """The bilingual.toml / [tool.bilingual] settings for the current folder."""
    from ..config import load_config

    return load_config()


def glossary_path(given, config=None):
    """The glossary to use: -g, else the project config, else glossary.csv here; None when none is found."""
    from pathlib import Path

    from ..checks.pipeline import DEFAULT_GLOSSARY

    if given is not None:
        return Path(given)
    config = config if config is not None else project_config()
    if config.get("glossary"):
        return Path(config.get("glossary"))
    return Path(DEFAULT_GLOSSARY) if Path(DEFAULT_GLOSSARY).is_file() else None


def require_glossary(given, no_glossary: bool, config=None):
    """The loaded glossary, or an empty one with --no-glossary; stops (exit 2) when none is given or found,
    since a check without one passes silently."""
    from ..errors import UsageError
    from ..glossary import load_glossary
    from ..model import Glossary

    if no_glossary:
        if given is not None:
            raise UsageError("--glossary and --no-glossary don't go together")
        return Glossary(terms=(), sha="none")
    path = glossary_path(given, config)
    if path is None:
        raise UsageError("no glossary: pass -g FILE, put glossary.csv in this folder or set glossary in "
                         "bilingual.toml; --no-glossary runs without one")
    return from_config(load_glossary, path, "glossary", given, config)


def from_config(load, path, key: str, given, config=None):
    """``load(path)``; an error about a path the config file set says so (``… (glossary set in
    bilingual.toml)``), since the command line never named it."""
    from ..errors import BilingualError

    config = config if config is not None else project_config()
    try:
        return load(path)
    except BilingualError as err:
        if given is not None or not config.get(key) or config.path is None:
            raise
        raise type(err)(f"{err.message} ({key} set in {config.source})", path=err.path, line=err.line) from None
