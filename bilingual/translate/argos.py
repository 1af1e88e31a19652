"""Argos Translate backend: the installed package's CTranslate2 model driven in large batches.

Argos's own ``translate()`` splits each paragraph into sentences and sends a
token batch of 32 at a time (about one sentence), so it runs at a small
fraction of what the engine can do. Here the model and sentencepiece load
once, and a whole run goes through ``translate_batch`` sorted by length.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import MissingExtraError, ModelError
from .models import ModelInfo, find_model, model_id

try:
    import ctranslate2
    import sentencepiece
except ImportError as _err:  # pragma: no cover - exercised through backends.backend_class
    raise MissingExtraError("translate", f"Argos/CTranslate2 translation ({_err.name})") from _err


def default_threads() -> tuple[int, int]:
    """(inter, intra): one translation stream per core is fastest for batch work."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, cores), 1


class ArgosBackend:
    def __init__(self, model: str | None = None, *, from_code: str = "en", to_code: str = "ru",
                 beam: int = 4, batch_size: int = 16, compute_type: str = "int8",
                 inter_threads: int | None = None, intra_threads: int | None = None,
                 max_decoding_length: int = 512, info: ModelInfo | None = None):
        self.info = info or find_model(model, from_code, to_code)
        root = Path(self.info.path)
        if not (root / "sentencepiece.model").is_file():
            raise ModelError("only sentencepiece-tokenised Argos packages are supported", path=str(root))
        inter, intra = default_threads()
        self.beam = beam
        self.batch_size = batch_size
        self.max_decoding_length = max_decoding_length
        self.compute_type = compute_type
        try:
            self.translator = ctranslate2.Translator(
                str(root / "model"), device="cpu", compute_type=compute_type,
                inter_threads=inter_threads or inter, intra_threads=intra_threads or intra)
            self.sp = sentencepiece.SentencePieceProcessor(model_file=str(root / "sentencepiece.model"))
        except (RuntimeError, OSError, ValueError) as err:
            raise ModelError(f"cannot load the model: {err}", path=str(root)) from err
        import json

        meta = json.loads((root / "metadata.json").read_text(encoding="utf-8"))
        self.target_prefix = meta.get("target_prefix") or ""
        self.model_id = model_id(self.info, beam)
        self._sbd = None

    def translate_batch(self, texts: list[str]) -> list[str]:
        return self.translate_async(texts)()

    def translate_async(self, texts: list[str]):
        """Queue ``texts`` in the engine now; the returned function waits for and decodes them."""
        if not texts:
            return lambda: []
        tokens = self.sp.encode(list(texts), out_type=str)
        # Similar lengths in a batch waste no padding; results go back in input order.
        order = sorted(range(len(tokens)), key=lambda i: len(tokens[i]))
        pending = []
        for start in range(0, len(order), self.batch_size):
            batch = [tokens[i] for i in order[start:start + self.batch_size]]
            prefix = [[self.target_prefix] for _ in batch] if self.target_prefix else None
            pending.extend(self.translator.translate_batch(
                batch, target_prefix=prefix, max_batch_size=self.batch_size, beam_size=self.beam,
                max_decoding_length=self.length_cap(max(map(len, batch))), replace_unknowns=True,
                length_penalty=0.2, asynchronous=True))

        def wait() -> list[str]:
            out: list[str] = [""] * len(texts)
            for i, res in zip(order, pending):
                pieces = res.result().hypotheses[0]
                if self.target_prefix and pieces and pieces[0] == self.target_prefix:
                    pieces = pieces[1:]
                out[i] = self.sp.decode_pieces(pieces).replace("\u2581", " ").strip()
            return out

        return wait

    def length_cap(self, source_tokens: int) -> int:
        """Most tokens a translation of a batch may take: its longest source, twice, plus 10.

        A model that falls into a loop on one sentence would otherwise decode up to
        ``max_decoding_length`` steps and hold its whole batch back; Russian runs
        about 1.1-1.3 times the English length in tokens, so a real translation
        never comes near the cap.
        """
        return min(self.max_decoding_length, 2 * source_tokens + 10)

    def split_sentences(self, text: str) -> list[str]:
        """The package's own sentence splitter (MiniSBD ONNX shipped in the package)."""
        if self._sbd is None:
            onnx = sorted((Path(self.info.path) / "minisbd").glob("*.onnx"))
            if not onnx:
                raise ModelError("the package ships no sentence splitter (minisbd/*.onnx); "
                                 "use the project's segmenter instead", path=self.info.path)
            from minisbd import SBDetect

            self._sbd = SBDetect(str(onnx[0]), use_gpu=False)
        return [s.strip() for s in self._sbd.sentences(text) if s.strip()]
