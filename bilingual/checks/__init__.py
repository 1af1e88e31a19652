"""Checking: the per-article drift rules, the archive-wide rendering rule, the archive runner,
its cache and the baseline of accepted flags.

``article`` checks one article; ``drift`` holds the per-link rules; ``rendering`` the
archive-wide rule; ``units`` checks CAT files; ``runner`` and ``incremental`` take an archive
through the executor and the cache (``cache``); ``pipeline`` is ``bilingual.check``; ``baseline``
keeps the flags an editor accepted.
"""
