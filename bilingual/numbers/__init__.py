"""The number reader for both languages: values of digits and number words, dates.

``reader`` reads digits, dates and number spans; ``words`` reads number words and Roman numerals;
``value`` holds the value type both return.
"""

from .reader import dates, extract_numbers, number_mentions, number_spans
from .value import Mention

__all__ = ["Mention", "dates", "extract_numbers", "number_mentions", "number_spans"]
