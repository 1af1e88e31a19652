"""fix over a folder: every article's Russian file, read with its English version; a count at the
end; the changed words marked on a terminal; -o onto the file itself points at --in-place."""

from __future__ import annotations

from typer.testing import CliRunner

from bilingual.cli import app
from tests.helpers import write_article, write_glossary

runner = CliRunner()


def _corpus(tmp_path):
    corpus = tmp_path / "corpus"
    write_article(corpus, "a", "He came from Moldova.\n\nMoldova votes.\n", "Он приехал из Молдавии.\n\nМолдавия голосует.\n")
    write_article(corpus, "b", "Kyiv was calm.\n", "В Київі было спокойно.\n")
    write_article(corpus, "c", "Trump spoke.\n", "Трамп выступил.\n")
    return corpus, write_glossary(tmp_path)


def test_fix_a_folder_checks_every_article_and_counts(tmp_path):
    corpus, glossary = _corpus(tmp_path)
    res = runner.invoke(app, ["fix", str(corpus), "-g", str(glossary), "--check"])
    assert res.exit_code == 1
    assert "+Он приехал из Молдовы." in res.stdout and "+Молдова голосует." in res.stdout
    assert res.stderr.splitlines()[-1] == "3 forms in 2 of 3 files would change"
    assert "Молдавии" in (corpus / "a" / "ru.md").read_text(encoding="utf-8")  # --check changes nothing
    res = runner.invoke(app, ["fix", str(corpus), "-g", str(glossary), "--in-place"])
    assert res.exit_code == 0, res.output
    assert res.stderr.splitlines()[-1] == "3 forms in 2 of 3 files changed"
    assert "из Молдовы" in (corpus / "a" / "ru.md").read_text(encoding="utf-8")
    assert (corpus / "a" / "ru.md.bak").exists() and not (corpus / "c" / "ru.md.bak").exists()
    res = runner.invoke(app, ["fix", str(corpus), "-g", str(glossary), "--check"])
    assert res.exit_code == 0 and res.stderr.splitlines()[-1] == "0 forms in 0 of 3 files would change: nothing to fix"


def test_o_onto_the_file_itself_mentions_in_place(tmp_path):
    corpus, glossary = _corpus(tmp_path)
    ru = corpus / "a" / "ru.md"
    res = runner.invoke(app, ["fix", str(ru), "-g", str(glossary), "-o", str(ru)])
    assert res.exit_code == 2
    assert res.stderr == (f"error: {ru}: is also an input, the file being fixed; to correct it where it is, use --in-place "
                          "(keeps ru.md.bak), or write another file with -o\n")


def test_terminal_diff_marks_the_changed_words():
    from bilingual.fix.records import FixChange
    from bilingual.report.fixdiff import highlight_diff

    diff = ("--- ru.md\n+++ ru.md\n@@ -1 +1 @@\n-Длинный абзац о границе Молдавии с Украиной.\n"
            "+Длинный абзац о границе Молдовы с Украиной.\n")
    text = highlight_diff(diff, [FixChange(0, "Молдавии", "Молдовы", "Moldova", "gent", 0, 8)])
    marked = [text.plain[s.start:s.end] for s in text.spans if "reverse" in str(s.style)]
    assert marked == ["Молдавии", "Молдовы"]
    assert text.plain == diff
