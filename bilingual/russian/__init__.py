"""Russian morphology and grammar: pymorphy3 access (``morph``), the cues of a name's slot
(``grammar``), the trained tagger (``tagger``, loaded on first use), case resolution
(``case``), name lemmas (``names``) and words built on a place name: relative adjectives and
short names (``derived``)."""
