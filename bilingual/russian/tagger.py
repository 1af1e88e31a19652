"""The trained contextual model: natasha's slovnet morphology tagger and syntax parser.

Both are CNNs trained on Russian news (the models ship inside the ``natasha``
wheel; inference is numpy only). They load on first use, once per process, so
commands that never ask for a case (``check``) don't pay for them.

``tag`` returns, for every token, a probability for each grammatical case
(the tagger's softmax over its full tags, summed by the tags' ``Case``), not
just the best tag: the case resolver weighs the model against certain cues and
says how sure the model was.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

# Universal Dependencies case names -> pymorphy3 (OpenCorpora) grammemes.
UD_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct",
            "Par": "gent", "Voc": "nomn"}

_lock = threading.Lock()


@dataclass(frozen=True)
class Token:
    word: str
    pos: str
    feats: dict
    cases: dict  # pymorphy3 case -> probability (empty for tokens without a case)
    head: int = -1  # index of the syntactic head, -1 for the root
    rel: str = ""


class _Models:
    def __init__(self):
        from natasha import NewsEmbedding, NewsMorphTagger, NewsSyntaxParser

        emb = NewsEmbedding()
        self.emb = emb
        self.morph = NewsMorphTagger(emb)
        self.syntax = NewsSyntaxParser(emb)
        infer = self.morph.infer
        tags = infer.decoder.tags_vocab.items
        # Column j of the tag softmax -> (POS, feats, case); and a 0/1 matrix summing tags by case.
        self.tags = [_split_tag(t) for t in tags]
        self.case_names = sorted(set(UD_CASES.values()))
        self.case_matrix = np.zeros((len(tags), len(self.case_names)), dtype=np.float32)
        for j, (_pos, _feats, case) in enumerate(self.tags):
            if case:
                self.case_matrix[j, self.case_names.index(case)] = 1.0


def _split_tag(tag: str) -> tuple[str, dict, str | None]:
    pos, _, rest = tag.partition("|")
    feats = dict(kv.split("=", 1) for kv in rest.split("|") if "=" in kv)
    return pos, feats, UD_CASES.get(feats.get("Case", ""))


@lru_cache(maxsize=1)
def _models() -> _Models:
    return _Models()


def models() -> _Models:
    """The loaded models (thread-safe first load)."""
    with _lock:
        return _models()


def loaded() -> bool:
    """Whether the models are already in memory (``check`` start-up never loads them)."""
    return _models.cache_info().currsize > 0


def tag(sentences: list[list[str]]) -> list[list[Token]]:
    """Morphological tags with case probabilities for each token of each sentence.

    Sentences tagged before are answered from a cache (the case resolver asks about the same
    probe several times); the rest go to the model in one batch.
    """
    keys = [tuple(s) for s in sentences]
    todo = list(dict.fromkeys(k for k in keys if k not in _TAGGED))
    if todo:
        for k, tokens in zip(todo, _tag_batch([list(k) for k in todo])):
            if len(_TAGGED) > _CACHE_SIZE:
                _TAGGED.clear()
            _TAGGED[k] = tokens
    return [_TAGGED[k] for k in keys]


_TAGGED: dict[tuple, list] = {}
_PARSED: dict[tuple, list] = {}
_CACHE_SIZE = 20_000


def _tag_batch(sentences: list[list[str]]) -> list[list[Token]]:
    if not sentences:
        return []
    m = models()
    infer = m.morph.infer
    out: list[list[Token]] = []
    for batch in infer.encoder(sentences):
        logits = infer.model(batch.word_id, batch.shape_id, batch.pad_mask)
        logits = np.asarray(logits, dtype=np.float64)
        logits -= logits.max(-1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(-1, keepdims=True)
        case_probs = probs @ m.case_matrix
        best = probs.argmax(-1)
        mask = ~np.asarray(batch.pad_mask)
        for row in range(probs.shape[0]):
            words = sentences[len(out)]
            tokens = []
            for i in range(int(mask[row].sum())):
                pos, feats, _case = m.tags[int(best[row, i])]
                cp = case_probs[row, i]
                total = float(cp.sum())
                cases = {c: float(p) / total for c, p in zip(m.case_names, cp) if p > 0} if total > 0.05 else {}
                tokens.append(Token(words[i], pos, feats, cases))
            out.append(tokens)
    return out


def vector(word: str) -> np.ndarray | None:
    """The unit-length navec news embedding of a (lowercase) word, None when it has none."""
    v = models().emb.get(word.lower())
    if v is None:
        return None
    v = np.asarray(v, dtype=np.float32)
    return v / (np.linalg.norm(v) or 1.0)


def parse(words: list[str]) -> list[tuple[int, str]]:
    """(head index or -1, relation) for each word: the syntax parser's dependency tree."""
    if not words:
        return []
    key = tuple(words)
    if key not in _PARSED:
        m = models()
        markup = next(iter(m.syntax.map([words])))
        index = {t.id: i for i, t in enumerate(markup.tokens)}
        if len(_PARSED) > _CACHE_SIZE:
            _PARSED.clear()
        _PARSED[key] = [(index.get(t.head_id, -1), t.rel) for t in markup.tokens]
    return _PARSED[key]
