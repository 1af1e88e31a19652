"""Translation backends by name: a registry of "module:Class" strings.

A backend is loaded only when asked for, so a missing optional dependency
fails at that point with the extra to install, never at import time.
"""

from __future__ import annotations

import importlib
from typing import Protocol

from ..errors import MissingExtraError, UsageError

BACKENDS: dict[str, str] = {
    "argos": "bilingual.translate.argos:ArgosBackend",
}

# backend name -> the pyproject extra that provides its dependencies
EXTRAS: dict[str, str] = {"argos": "translate"}


class Backend(Protocol):
    """What the runner needs from a translation engine."""

    model_id: str  # identifies model + decoding settings; part of the cache key

    def translate_batch(self, texts: list[str]) -> list[str]:
        """Translate sentences; the output list matches the input one to one."""


def backend_class(name: str):
    spec = BACKENDS.get(name)
    if spec is None:
        raise UsageError(f"unknown translation backend {name!r} (known: {', '.join(sorted(BACKENDS))})")
    module_name, _, cls_name = spec.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as err:
        raise MissingExtraError(EXTRAS.get(name, name), f"the {name!r} backend ({err.name})") from err
    return getattr(module, cls_name)


def get_backend(name: str = "argos", **options) -> Backend:
    return backend_class(name)(**options)
