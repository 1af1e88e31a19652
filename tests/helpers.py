"""Small builders shared by the lead's tests: article folders and glossaries in tmp_path."""

from __future__ import annotations

from pathlib import Path

GLOSSARY_HEADER = "en,ru,type,variants,forbidden,note\n"

SMALL_GLOSSARY = GLOSSARY_HEADER + """\
Vladimir Putin,Владимир Путин,person,,,
Putin,Путин,person,,,
Kyiv,Киев,city,,Київ;Кыив,
Moldova,Молдова,country,,Молдавия,never Молдавия
Kharkiv,Харьков,city,Харьковская область,Харкив;Харків,
NATO,НАТО,organization,,,
Donald Trump,Дональд Трамп,person,,,
Trump,Трамп,person,,,
Zaporizhzhia,Запорожье,region,Запорожская область,Запоріжжя,
Reuters,Reuters,organization,Рейтер,,
"""


def write_glossary(tmp_path: Path, text: str = SMALL_GLOSSARY) -> Path:
    path = tmp_path / "glossary.csv"
    path.write_text(text, encoding="utf-8")
    return path


def write_article(root: Path, slug: str, en: str, ru: str, date: str = "2025-06-01") -> Path:
    folder = root / slug
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "en.md").write_text(f"---\ntitle: {slug}\ndate: {date}\n---\n{en}", encoding="utf-8")
    (folder / "ru.md").write_text(f"---\ntitle: {slug}\ndate: {date}\n---\n{ru}", encoding="utf-8")
    return folder
