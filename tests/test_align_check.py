"""`check` over a corpus whose translator split or joined three sentences: no false flags.

One long English sentence rendered as three Russian ones (or three English
sentences joined into one Russian) must be one 1-3 (3-1) link; an aligner that
only knows 1-2/2-1 leaves the third sentence over, which becomes a false
addition (omission) and takes its glossary term with it (a false
missing_term / extra_term on the neighbouring link).
"""

from __future__ import annotations

import pytest

from bilingual import align_files, check
from tests.helpers import SMALL_GLOSSARY, write_article, write_glossary

GLOSSARY = SMALL_GLOSSARY + "Istanbul,Стамбул,city,,,\n"

TAIL_EN = "\n\nThe Kremlin gave no further details. NATO did not comment.\n"
TAIL_RU = "\n\nКремль не сообщил других подробностей. В НАТО это не прокомментировали.\n"
ONE_EN = ("Vladimir Putin spoke with Donald Trump by phone for more than two hours on Monday, discussed a ceasefire "
          "and an exchange of prisoners with him and agreed that negotiators would meet next week in Istanbul.")
THREE_RU = ("Владимир Путин в понедельник более двух часов разговаривал по телефону с Дональдом Трампом. "
            "Они обсудили прекращение огня и обмен пленными. "
            "Переговорщики встретятся на следующей неделе в Стамбуле.")
THREE_EN = ("Vladimir Putin spoke with Donald Trump by phone for more than two hours on Monday. "
            "They discussed a ceasefire and an exchange of prisoners. "
            "The negotiators will meet next week in Istanbul.")
ONE_RU = ("Владимир Путин в понедельник более двух часов разговаривал по телефону с Дональдом Трампом, обсудил с ним "
          "прекращение огня и обмен пленными и договорился, что переговорщики встретятся на следующей неделе "
          "в Стамбуле.")

CASES = [
    # (description, English body, Russian body, the link the split sentence must form)
    ("Russian splits one sentence in three", ONE_EN, THREE_RU, ((1,), (1, 2, 3))),
    ("Russian joins three sentences in one", THREE_EN, ONE_RU, ((1, 2, 3), (1,))),
]


@pytest.mark.parametrize("what,en,ru,link", CASES, ids=[c[0] for c in CASES])
def test_three_sentence_link_gives_no_false_flags(tmp_path, what, en, ru, link):
    corpus = tmp_path / "corpus"
    folder = write_article(corpus, "istanbul-talks", f"# Putin and Trump agree on talks\n\n{en}{TAIL_EN}",
                           f"# Путин и Трамп договорились о переговорах\n\n{ru}{TAIL_RU}")
    write_article(corpus, "kyiv-talks",
                  "# Talks\n\nVladimir Putin spoke with Donald Trump for two hours.\n\n"
                  "The talks took place in Kyiv in 2025.\n",
                  "# Переговоры\n\nВладимир Путин два часа говорил с Дональдом Трампом.\n\n"
                  "Переговоры прошли в Киеве в 2025 году.\n")
    glossary = write_glossary(tmp_path, GLOSSARY)

    links = align_files(folder / "en.md", folder / "ru.md").links
    assert link in [(x.en, x.ru) for x in links]

    report = check([corpus], glossary)
    assert [(article.pair.slug, flag.kind, flag.term) for article, flag in report.flags] == []
