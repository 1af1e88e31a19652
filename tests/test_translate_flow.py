"""translate over a newsroom's folder: articles with a human ru.md left out unless --all (and said so),
each article written as soon as it is done, an unchanged file left alone on a rerun, and Ctrl-C
saying what was kept and how to resume. A small in-process backend stands in for the model."""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from bilingual.cli import app
from bilingual.translate import chunks
from bilingual.translate.runner import Interrupted, translate_corpus


class Echo:
    """Translates nothing: returns each sentence marked, counting calls; stops (Ctrl-C) on call ``stop``."""

    model_id = "echo-test"

    def __init__(self, stop: int | None = None):
        self.calls, self.stop = 0, stop

    def translate_batch(self, texts):
        self.calls += 1
        if self.stop is not None and self.calls >= self.stop:
            raise KeyboardInterrupt
        return [f"[ru] {t}" for t in texts]


def _corpus(tmp_path):
    corpus = tmp_path / "corpus"
    for slug, en, human in (("human", "A story with a human translation.\n", True),
                            ("short", "Talks began. They ended.\n", False),
                            ("long", "The delegation travelled for many hours to reach the border town. "
                                     "Negotiators met again the following morning to settle the text. "
                                     "Both sides signed the agreement before the evening news.\n", False)):
        d = corpus / slug
        d.mkdir(parents=True)
        (d / "en.md").write_text(en, encoding="utf-8")
        if human:
            (d / "ru.md").write_text("Человеческий перевод.\n", encoding="utf-8")
    return corpus


def test_human_translations_are_left_out_unless_all_and_unchanged_files_are_not_rewritten(tmp_path):
    corpus = _corpus(tmp_path)
    chunks.register_backend("echo-a", {}, Echo())
    first = translate_corpus([corpus], backend="echo-a", cache_path=tmp_path / "c.sqlite", all_articles=False)
    assert first.skipped_human == [str(corpus / "human" / "en.md")]
    assert sorted(os.path.basename(os.path.dirname(p)) for p in first.written) == ["long", "short"]
    assert not (corpus / "human" / "ru.mt.md").exists()
    before = {p: os.stat(p).st_mtime_ns for p in first.written}
    again = translate_corpus([corpus], backend="echo-a", cache_path=tmp_path / "c.sqlite", all_articles=False)
    assert again.written == [] and sorted(again.unchanged) == sorted(first.written)
    assert {p: os.stat(p).st_mtime_ns for p in first.written} == before
    every = translate_corpus([corpus], backend="echo-a", cache_path=tmp_path / "c.sqlite", all_articles=True)
    assert every.written == [str(corpus / "human" / "ru.mt.md")]
    assert (corpus / "human" / "ru.md").read_text(encoding="utf-8") == "Человеческий перевод.\n"


def test_each_article_is_written_when_done_and_ctrl_c_says_what_was_kept(tmp_path):
    corpus = _corpus(tmp_path)
    # sentences go to the model shortest first, two at a time: the short article's two sentences are
    # the first batch; the model is interrupted on the second batch, inside the long article
    chunks.register_backend("echo-b", {}, Echo(stop=2))
    with pytest.raises(Interrupted) as err:
        translate_corpus([corpus], backend="echo-b", cache_path=tmp_path / "c.sqlite", chunk_size=2,
                         all_articles=False)
    assert (corpus / "short" / "ru.mt.md").exists() and not (corpus / "long" / "ru.mt.md").exists()
    message = str(err.value)
    assert message.startswith("interrupted: 1 of 2 article(s) written in full, 2 of 5 new sentences translated")
    assert "run the same command again to resume" in message and err.value.exit_code == 130
    # the rerun takes the kept sentences from the cache and translates only the rest
    chunks.register_backend("echo-c", {}, Echo())
    done = translate_corpus([corpus], backend="echo-c", cache_path=tmp_path / "c.sqlite", chunk_size=2,
                            all_articles=False)
    assert (done.cached, done.translated) == (2, 3)  # the same model: the two kept sentences come from the cache
    assert (corpus / "long" / "ru.mt.md").exists()


def test_the_command_says_which_articles_it_left_out(tmp_path, monkeypatch):
    corpus = _corpus(tmp_path)
    for d in ("short", "long"):
        (corpus / d / "ru.md").write_text("Перевод.\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["translate", str(corpus), "--no-glossary"])
    assert res.exit_code == 0, res.output
    assert "note: 3 article(s) with a human ru.md left out (--all translates them too)" in res.stderr
    assert not list(corpus.glob("*/ru.mt.md"))
