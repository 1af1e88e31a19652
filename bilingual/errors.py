"""The error family. The CLI turns any of these into one line and exit code 2."""

from __future__ import annotations


class BilingualError(Exception):
    """Base for every error the tool reports to a user.

    ``path`` and ``line`` (1-based) point at the offending input where known.
    """

    exit_code = 2

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:  # "file:line: message"
        where = ""
        if self.path:
            where = self.path + (f":{self.line}" if self.line else "") + ": "
        return where + self.message


class InputError(BilingualError):
    """An input file can't be read, decoded or understood."""


class CorpusError(InputError):
    """The corpus layout is wrong: missing counterpart, bad slug, path outside the corpus."""


class LanguageError(InputError):
    """A file is not in the language its name says (swapped, or both in one language)."""


class GlossaryError(InputError):
    """The glossary is invalid."""


class OutputError(BilingualError):
    """An output file can't be written (missing folder, no permission, disk full)."""


class UsageError(BilingualError):
    """Options that don't fit together."""


class MissingExtraError(BilingualError):
    """An optional backend is needed but its extra is not installed."""

    def __init__(self, extra: str, what: str):
        super().__init__(f"{what} needs the '{extra}' extra: pip install 'bilingual[{extra}]'")
        self.extra = extra


class ModelError(BilingualError):
    """A translation model is missing, invalid, or can't be fetched (offline)."""
