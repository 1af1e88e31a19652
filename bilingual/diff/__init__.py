"""Diff translated versions: sentence changes between two versions of an
article, tied to the English, with terminology fixed and introduced, and the
Russian sentences left stale by a change in the English."""

from __future__ import annotations

from .files import diff_files, stale_files
from .stale import Stale, stale_from, stale_translations
from .versions import KINDS, Change, DiffResult, ParagraphChange, compare_flags, diff_versions

__all__ = ["KINDS", "Change", "DiffResult", "ParagraphChange", "Stale", "compare_flags", "diff_files", "diff_versions",
           "stale_files", "stale_from", "stale_translations"]
