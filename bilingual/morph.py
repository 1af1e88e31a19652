"""Russian morphology: kept as an import path; the code lives in ``bilingual.russian.morph``."""

from .russian.morph import *  # noqa: F401,F403
from .russian.morph import (  # noqa: F401  (names the star import leaves out)
    _CACHE, _CYRILLIC, _HEAD_POS, _PROPER, _cap_like, _inflect_cached, _inflect_parse, _is_nominative,
    _split_punct, analyzer, cache_info,
)
