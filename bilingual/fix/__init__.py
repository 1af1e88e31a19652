"""Correct a Russian version to the glossary: text, Markdown, HTML, XLIFF and Word files.

``apply`` corrects one file; ``formats`` maps the correction back into XLIFF and Word structure;
``records`` holds what a fix returns; ``language`` finds paragraphs left alone as another language.
"""

from .apply import fix_file
from .records import FixChange, FixResult

__all__ = ["FixChange", "FixResult", "fix_file"]
