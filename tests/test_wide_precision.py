"""benchmarks/wide_precision.py runs on any data folder of its shape: a tiny one made here.

The documents are written for this test (not eval data); the split file names one of each
file's documents per half, so `--split blind --recall` runs end to end without the real set.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import wide_precision  # noqa: E402

GLOSSARY = """en,ru,type,variants,forbidden,note,en_variants
Germany,Германия,country,,,,
France,Франция,country,,,,
Paris,Париж,city,,,,
Berlin,Берлин,city,,,,
"""

EN = ["The ministers of Germany and France met in Paris on Monday to discuss the budget for next year.",
      "They agreed to spend 300 million euros on rail links between Berlin and Paris by 2030.",
      "The talks will continue in Berlin on 12 March, when both sides present their final plans.",
      "Officials said the plan still needs the approval of both parliaments before the summer break."]
RU = ["Министры Германии и Франции встретились в Париже в понедельник, чтобы обсудить бюджет на следующий год.",
      "Они договорились потратить 300 миллионов евро на железные дороги между Берлином и Парижем к 2030 году.",
      "Переговоры продолжатся в Берлине 12 марта, когда обе стороны представят свои окончательные планы.",
      "Чиновники заявили, что план еще должен одобрить парламент каждой страны до летних каникул."]


def _doc(doc_id: str, domain: str) -> str:
    return json.dumps({"doc_id": doc_id, "direction": "en-ru", "domain": domain, "en": EN, "ru": RU},
                      ensure_ascii=False)


def test_blind_half_with_recall_on_a_fake_data_folder(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    (data / "wmt23.jsonl").write_text(_doc("a1", "news") + "\n" + _doc("a2", "news") + "\n", encoding="utf-8")
    (data / "wmt24.jsonl").write_text(_doc("b1", "social") + "\n" + _doc("b2", "news") + "\n", encoding="utf-8")
    split = tmp_path / "split.json"
    split.write_text(json.dumps({"dev": {"wmt23.jsonl": ["a1"], "wmt24.jsonl": ["b1"]},
                                 "blind": {"wmt23.jsonl": ["a2"], "wmt24.jsonl": ["b2"]}}), encoding="utf-8")
    glossary = tmp_path / "glossary.csv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    verdicts = tmp_path / "verdicts.csv"  # none yet: every flag is unjudged
    code = wide_precision.main(["--split", "blind", "--data", str(data), "--split-file", str(split),
                                "--glossary", str(glossary), "--verdicts", str(verdicts), "--recall"])
    out = capsys.readouterr().out
    assert code == 0
    assert "enru-wide blind half" in out
    assert "2 documents, 8 sentence pairs" in out
    assert "news only:" in out
    assert "injected drift" in out
    # the clean pair raises nothing; injected drift of each kind is found
    assert "false alarms per 100 sentence pairs: 0.00 all levels, 0.00 at warning/error" in out
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line.split()[:1] and
            line.split()[0] in ("missing_term", "number_mismatch", "omission", "untranslated")}
    assert rows and all(float(r[3]) == 1.0 for r in rows.values()), rows


def test_a_missing_data_folder_is_one_line_and_exit_2(tmp_path, capsys):
    code = wide_precision.main(["--data", str(tmp_path / "nowhere")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "nowhere" in err
