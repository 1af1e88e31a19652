"""Russian morphology and grammar: pymorphy3 access (``morph``), the cues of a name's slot
(``grammar``), the trained tagger (``tagger``, loaded on first use), case resolution
(``case``) and name lemmas (``names``)."""
