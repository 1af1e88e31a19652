"""Option choices that several commands share."""

from __future__ import annotations

from enum import Enum


class AlignMode(str, Enum):
    """How sentences are aligned: length and anchors only, or with sentence embeddings too."""

    default = "default"
    semantic = "semantic"


class Executor(str, Enum):
    """Where the work runs: processes on this machine, or a Dask cluster."""

    local = "local"
    dask = "dask"
