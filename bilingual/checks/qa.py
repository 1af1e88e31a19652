"""The QA checks as ``check`` flags: their kinds, levels, settings, and the pass over one article.

``qa_flags(alignment, glossary)`` runs every QA check over an aligned article
and returns flags like the drift rules' (``check_alignment`` calls it once per
article). The archive-wide parts (a typo candidate the archive uses in several
articles is no typo; repeated text translated two ways) run on the whole report
in ``archive_pass``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Alignment, Flag, Glossary
from . import mechanical, profiles, repeated, style, typography, typos
from .finding import Finding
from .kinds import QA_KINDS as KINDS  # kind -> (default level, what it checks)


@dataclass(frozen=True)
class QASettings:
    typography: typography.Typography = field(default_factory=typography.Typography)
    rules: tuple[style.StyleRule, ...] = ()
    length_z: float = mechanical.LENGTH_Z
    profile: profiles.Profile = field(default_factory=profiles.Profile)

    def fingerprint(self) -> str:
        """A short hash of everything that changes what the checks find (for the check cache)."""
        data = {"typography": self.typography.__dict__, "length_z": self.length_z, "profile": repr(self.profile),
                "rules": [(r.id, r.kind, r.pattern, r.side, r.message, r.level, r.outside_quotes)
                          for r in self.rules]}
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


_ACTIVE: list[QASettings] = []


def use_settings(settings: QASettings | None) -> None:
    """Set the settings the checks use in this process (None: back to the configuration file's)."""
    _ACTIVE[:] = [settings] if settings is not None else []


def _config_stamp(cwd: str) -> tuple:
    """The configuration files from ``cwd`` upwards with their modification times (a few stats)."""
    import os
    from pathlib import Path

    here = Path(cwd)
    stamp = []
    for folder in (here, *here.parents):
        for name in ("bilingual.toml", "pyproject.toml"):
            try:
                stamp.append((str(folder / name), os.stat(folder / name).st_mtime_ns))
            except OSError:
                pass
    return tuple(stamp)


@lru_cache(maxsize=8)
def _from_config(cwd: str, stamp: tuple = ()) -> QASettings:
    from ..config import load_config

    config = load_config(cwd)
    return settings_from(config.get("typography") or {}, config.get("rules") or [], config.get("checks") or {},
                         str(config.path) if config.path else "")


def house_rules() -> tuple[tuple[style.StyleRule, ...], str]:
    """The configuration's house-style rules and where they come from."""
    from ..config import load_config

    config = load_config()
    where = str(config.path) if config.path else ""
    return style.load_rules(config.get("rules") or [], where), config.source


def list_checks() -> list[tuple[str, str, str]]:
    """``(kind, level, what it checks)`` for every kind, the level as the configuration's profile sets it."""
    profile = active_settings().profile
    return [(kind, profile.level(kind, level) or "off", doc) for kind, (level, doc) in all_kinds().items()]


def all_kinds() -> dict[str, tuple[str, str]]:
    """Every flag kind of `check`, drift and QA: kind -> (default level, what it checks)."""
    from .kinds import all_kinds as kinds

    return kinds()


def settings_from(typography_table: dict, rule_tables: list, checks_table: dict | None = None,
                  where: str = "") -> QASettings:
    """The QA settings from the configuration's ``typography``, ``rules`` and ``checks`` tables."""
    return QASettings(typography.Typography.from_table(typography_table, where),
                      style.load_rules(rule_tables, where),
                      profile=profiles.load_profile(checks_table or {}, set(all_kinds()), where))


def active_settings() -> QASettings:
    if _ACTIVE:
        return _ACTIVE[0]
    import os

    cwd = os.getcwd()
    return _from_config(cwd, _config_stamp(cwd))  # a file edited since is read again (a long-lived review desk)


def _flag(f: Finding, en_idx, ru_idx, en_text: str, ru_text: str) -> Flag:
    return Flag(kind=f.kind, en_index=en_idx, ru_index=ru_idx, en_text=en_text, ru_text=ru_text,
                found=f.found, expected=f.expected, message=f.message, level=f.level or KINDS[f.kind][0],
                rule=f.rule or f.kind, why=f.why)


def _around(sents: list[str], idx: tuple[int, ...]) -> list[str]:
    """The sentences just before and just after ``idx`` (a quotation cut by the segmenter spans
    them), "" where there is none."""
    if not idx:
        return []
    return [sents[k] if 0 <= k < len(sents) else "" for k in (min(idx) - 1, max(idx) + 1)]


def _cut_pairs(links, en_sents, ru_sents, not_russian: set[int], settings: QASettings) -> list[Flag]:
    """An English sentence left unlinked next to an unlinked Russian one far too short (or long) to
    be its translation: the aligner gave up on the pair because the Russian was cut (or padded)."""
    out = []
    for a, b in zip(links, links[1:]):
        pair = (a, b) if a.en and not a.ru and b.ru and not b.en else \
            (b, a) if b.en and not b.ru and a.ru and not a.en else None
        if pair is None or len(pair[0].en) != 1 or len(pair[1].ru) != 1 or pair[1].ru[0] in not_russian:
            continue
        en, ru = en_sents[pair[0].en[0]], ru_sents[pair[1].ru[0]]
        for f in mechanical.length_ratio(en, ru, settings.length_z):
            out.append(_flag(f, pair[0].en[0], pair[1].ru[0], en, ru))
    return out + _cut_merged(links, en_sents, ru_sents, not_russian, settings)


# a sentence pair this close to the usual length ratio is a plausible translation pair
PLAUSIBLE_Z = 3.0


def _cut_merged(links, en_sents, ru_sents, not_russian: set[int], settings: QASettings) -> list[Flag]:
    """An English sentence left unlinked beside a link that took two or more Russian sentences.

    When a Russian sentence is cut short, the aligner may give it to its neighbour's English
    (one English, two Russian) and leave its own English unlinked. Read again: when the rest of
    the link fits its English by length, the Russian sentence at the border is the unlinked
    English's, and it is far too short (or long) for it; or, the other way round, the border
    sentence fits the unlinked English and the rest is far off for the link's English.
    """
    out = []
    for k, gap in enumerate(links):
        if len(gap.en) != 1 or gap.ru:
            continue
        e = en_sents[gap.en[0]]
        for step in (-1, 1):
            if not 0 <= k + step < len(links):
                continue
            link = links[k + step]
            if len(link.ru) < 2 or not link.en or set(link.ru) & not_russian:
                continue
            border, rest = (link.ru[-1], link.ru[:-1]) if step == -1 else (link.ru[0], link.ru[1:])
            en = " ".join(en_sents[i] for i in link.en)
            ru = " ".join(ru_sents[j] for j in rest)
            if abs(mechanical.length_z(en, ru)) < PLAUSIBLE_Z:
                pairs = [(gap.en[0], border, e, ru_sents[border])]
            elif abs(mechanical.length_z(e, ru_sents[border])) < PLAUSIBLE_Z:
                pairs = [(link.en[0], rest[0], en, ru)]
            else:
                continue
            for en_i, ru_i, en_text, ru_text in pairs:
                for f in mechanical.length_ratio(en_text, ru_text, settings.length_z):
                    out.append(_flag(f, en_i, ru_i, en_text, ru_text))
    return out


def qa_flags(alignment: Alignment, glossary: Glossary | None = None, *, not_russian=(),
             settings: QASettings | None = None) -> list[Flag]:
    """Every QA flag of one aligned article, link by link, then the article's typos."""
    settings = settings or active_settings()
    skip = {kind for kind in KINDS if settings.profile.off_everywhere(kind)}
    if len(skip) == len(KINDS):
        return []
    en_sents = alignment.en_doc.sentence_texts
    ru_sents = alignment.ru_doc.sentence_texts
    not_russian = set(not_russian)
    out: list[Flag] = []
    link_of_ru: dict[int, object] = {}
    link_of_en: dict[int, object] = {}
    for link in alignment.links:
        en = " ".join(en_sents[i] for i in link.en)
        ru = " ".join(ru_sents[j] for j in link.ru)
        # the neighbouring sentences, for quotes and brackets (and addresses on an unsure link)
        around = {"en": _around(en_sents, link.en), "ru": _around(ru_sents, link.ru)} \
            if link.uncertain or mechanical.has_paired_marks(en) or mechanical.has_paired_marks(ru) else None
        for j in link.ru:
            link_of_ru[j] = link
        for i in link.en:
            link_of_en[i] = link
        en_idx = link.en[0] if link.en else None
        ru_idx = link.ru[0] if link.ru else None
        russian = bool(link.ru) and not set(link.ru) <= not_russian
        found: list[Finding] = []
        if link.en and link.ru and russian and not link.uncertain:
            found += mechanical.pair_findings(en, ru, length_threshold=settings.length_z, around=around)
        else:  # one side only, or a link too unsure to compare: what each side shows by itself
            if link.en and link.ru and russian:
                # a length far off is what makes a link unsure: say so; an address is looked for
                # in the neighbouring sentences too
                found += mechanical.length_findings(en, ru, settings.length_z, around)
                found += mechanical.unpaired(en, ru, around=around)
                found += mechanical.reference_parity(
                    en, ru, en_window=" ".join([*around["en"], en]), ru_window=" ".join([*around["ru"], ru]))
            if link.en:
                found += mechanical.repeated_word(en, "en") + mechanical.double_space(en, "en")
            if link.ru and russian:
                found += mechanical.repeated_word(ru, "ru") + mechanical.double_space(ru, "ru")
        if link.ru and russian:
            found += typography.findings(ru, settings.typography, en)
            if settings.rules:
                found += style.findings(ru, "ru", settings.rules)
        if link.en and settings.rules:
            found += style.findings(en, "en", settings.rules)
        out += [_flag(f, en_idx, ru_idx, en, ru) for f in found if f.kind not in skip]
    if "length_ratio" not in skip:
        out += _cut_pairs(alignment.links, en_sents, ru_sents, not_russian, settings)
    if "typo" in skip:
        return out
    linked_en = {j: " ".join(en_sents[i] for i in link.en) for j, link in link_of_ru.items()}
    linked_ru = {i: " ".join(ru_sents[j] for j in link.ru) for i, link in link_of_en.items()}
    for side, idx, f in typos.article_typos(en_sents, ru_sents, glossary, linked_en=linked_en, linked_ru=linked_ru):
        if side == "ru" and idx in not_russian:
            continue
        link = (link_of_ru if side == "ru" else link_of_en).get(idx)
        en_i = (link.en[0] if link.en else None) if side == "ru" else idx
        ru_i = idx if side == "ru" else (link.ru[0] if link and link.ru else None)
        out.append(_flag(f, en_i, ru_i, " ".join(en_sents[i] for i in link.en) if side == "ru" else en_sents[idx],
                         ru_sents[idx] if side == "ru" else " ".join(ru_sents[j] for j in (link.ru if link else ()))))
    return out


def collect_repeats(alignment: Alignment) -> list[repeated.Repeat]:
    """The article's sure 1-1 pairs, for the archive-wide repeated-text rule."""
    return repeated.collect(alignment.links, alignment.en_doc.sentence_texts, alignment.ru_doc.sentence_texts)


def archive_pass(articles: list, repeats: dict[str, list], settings: QASettings | None = None) -> list:
    """The archive-wide QA step over every article's result, in archive order.

    A typo candidate flagged in two or more articles is the archive's word, not a slip: its
    flags go. Repeated text translated two ways is flagged. Then the check profile re-levels
    or removes flags by kind and folder.
    """
    from collections import defaultdict
    from dataclasses import replace

    settings = settings or active_settings()
    in_articles: dict[str, set] = defaultdict(set)
    for a in articles:
        for f in a.flags:
            if f.kind == "typo" and f.found:
                in_articles[f.found.lower()].add(a.pair.slug)
    common = {w for w, slugs in in_articles.items() if len(slugs) > 1}
    found = repeated.inconsistent({slug: [r for r in reps if isinstance(r, repeated.Repeat)]
                                   for slug, reps in repeats.items()})
    out = []
    for a in articles:
        flags = tuple(f for f in a.flags if not (f.kind == "typo" and f.found and f.found.lower() in common))
        extra = tuple(a.locate(_flag(f, p.en_index, p.ru_index, p.en_text, p.ru_text))
                      for p, f in found.get(a.pair.slug, ()))
        out.append(a if not extra and len(flags) == len(a.flags) else replace(a, flags=flags + extra))
    return profiles.apply(out, settings.profile)
