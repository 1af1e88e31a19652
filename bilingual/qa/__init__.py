"""The checks translators' QA tools run on every segment, as pure functions over text.

Each module answers one family: ``mechanical`` (brackets, quotes, repeated words,
spaces, end punctuation, links and markup parity, length), ``typography`` (the
site's Russian typography), ``typos`` (spelling near a name or a dictionary word),
``style`` (house-style rules from the configuration), ``repeated`` (the same text
translated two ways across the archive). ``rules`` turns their findings into
``check`` flags; ``profiles`` switches kinds off or re-levels them.
"""
