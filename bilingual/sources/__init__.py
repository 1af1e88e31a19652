"""Sources: finding article pairs and reading every input into Documents.

Corpus folders (``corpus``, ``layout``), saved site mirrors (``mirror``) and the links between their
pages (``urls``), the live site (``crawl``, ``sitemaps``), CAT files (``catfiles``), Word documents
(``docx``), web pages (``article``: the article's text; ``webpage``: the chrome around it), text
files written back as read (``textfile``),
Markdown prose (``markup``), normalisation (``normalize``), language identification (``langid``)
and sentence segmentation (``segment``).
"""
