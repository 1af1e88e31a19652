"""Sources: finding article pairs and reading every input into Documents.

Corpus folders (``corpus``, ``layout``), saved site mirrors (``mirror``), CAT files (``catfiles``),
Word documents (``docx``), web pages (``webpage``), text files written back as read (``textfile``),
Markdown prose (``markup``), normalisation (``normalize``), language identification (``langid``)
and sentence segmentation (``segment``).
"""
