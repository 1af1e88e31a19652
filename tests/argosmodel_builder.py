"""Build a real, tiny ``.argosmodel`` whose CTranslate2 model copies its input.

The package has everything Argos Translate expects (``metadata.json``, a
CTranslate2 ``model/``, ``sentencepiece.model`` and a ``minisbd/*.onnx``
sentence splitter), so installing and translating with it exercises the real
code paths without a download. The weights are set by hand:

* a source token embeds as a code vector (random +-1, zero-sum) in a *content*
  block, and every position adds a sinusoid in a separate *position* block;
* the first decoder layer's cross-attention uses the position block for queries
  and keys (so step t attends to source position t) and the content block for
  values, so the decoder state at step t carries the code of source token t;
* the output projection scores each target token by its code, and
  ``add_source_eos`` makes the copy end with ``</s>``;
* every other sublayer writes (almost) nothing to the residual stream.

``build_argosmodel(path)`` takes a second or two; the benchmark builds a
full-size shape (6+6 layers, d512, int8) with the same function.
"""

from __future__ import annotations

import json
import random
import shutil
import tempfile
import zipfile
from pathlib import Path

import numpy as np

_WORDS = (
    "the president said on monday that talks in kyiv and kharkiv would resume after "
    "a long pause while officials from moldova ukraine russia and the european union "
    "met in zaporizhzhia odesa lviv and dnipro to discuss grain exports energy prices "
    "troops sanctions elections the government parliament minister mayor city region "
    "people water power station attack drone missile village border report week year"
).split()


def _training_lines(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    lines = []
    for _ in range(n):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(4, 14))]
        words[0] = words[0].capitalize()
        lines.append(" ".join(words) + rng.choice([".", ".", "?", "!"]))
    return lines


def _train_sentencepiece(workdir: Path, vocab_size: int, seed: int, lines: list[str] | None = None) -> Path:
    import sentencepiece as spm

    corpus = workdir / "train.txt"
    corpus.write_text("\n".join(lines or _training_lines(2000, seed)), encoding="utf-8")
    prefix = workdir / "sp"
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        model_type="unigram",
        byte_fallback=True,
        hard_vocab_limit=False,
        character_coverage=1.0,
        minloglevel=2,
    )
    return Path(str(prefix) + ".model")


def _position_block(max_len: int, width: int) -> np.ndarray:
    """Zero-mean, constant-norm sinusoids: [cos, sin, -cos, -sin] per frequency."""
    n_freq = width // 4
    pos = np.arange(max_len)[:, None]
    freqs = np.pi / 2 * (1 / 600) ** (np.arange(n_freq) / max(1, n_freq - 1))
    ang = pos * freqs[None, :]
    c, s = np.cos(ang), np.sin(ang)
    return np.concatenate([c, s, -c, -s], axis=1).astype(np.float32)


def _codes(vocab: int, width: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    half = np.array([1.0] * (width // 2) + [-1.0] * (width - width // 2), dtype=np.float32)
    return np.stack([rng.permutation(half) for _ in range(vocab)])


def _fill_small(spec, rng: np.random.Generator, d: int, ffn: int, eps: float) -> None:
    """Set every linear/layer-norm of a spec to near-identity-on-the-residual values."""
    from ctranslate2.specs import common_spec

    def visit(obj):
        if isinstance(obj, common_spec.LayerNormSpec):
            obj.gamma = np.ones(d, dtype=np.float32)
            obj.beta = np.zeros(d, dtype=np.float32)
            return
        if isinstance(obj, common_spec.LinearSpec):
            return  # sized by the caller, which knows each linear's shape
        for name, value in list(vars(obj).items()):
            if isinstance(value, list):
                for item in value:
                    if hasattr(item, "__dict__"):
                        visit(item)
            elif hasattr(value, "__dict__") and not isinstance(value, np.generic):
                visit(value)

    visit(spec)


def _linear(lin, out_dim: int, in_dim: int, rng, eps: float, weight=None) -> None:
    noise = (rng.standard_normal((out_dim, in_dim)) * eps).astype(np.float32)
    # Quantised models need no all-zero rows: a little noise keeps every row's scale finite.
    weight = noise if weight is None else weight + noise
    lin.weight = weight.astype(np.float32)
    lin.bias = np.zeros(out_dim, dtype=np.float32)


def build_copy_model(
    out_dir: Path,
    vocab: list[str],
    *,
    layers: tuple[int, int] = (1, 1),
    d_model: int = 128,
    heads: int = 2,
    ffn: int = 64,
    pos_width: int = 32,
    max_len: int = 512,
    quantization: str | None = None,
    seed: int = 7,
    pad_vocab_to: int = 0,
    eos: bool = True,
) -> None:
    """Write a CTranslate2 Transformer to ``out_dir`` that copies its input tokens.

    ``pad_vocab_to`` adds unused tokens so the output layer has a real model's
    width (Argos's en→ru has a vocabulary of tens of thousands). ``eos=False``
    makes a model that never stops: past the source's end it repeats the last
    token, as a real model caught in a loop does.
    """
    from ctranslate2.specs import transformer_spec

    rng = np.random.default_rng(seed)
    content = d_model - pos_width
    if pad_vocab_to > len(vocab):
        vocab = vocab + [f"<unused{i}>" for i in range(pad_vocab_to - len(vocab))]
    vocab_size = len(vocab)
    codes = _codes(vocab_size, content, seed)  # (V, content)
    pos = _position_block(max_len, pos_width)  # (max_len, pos_width)
    eps = 1e-3 if quantization else 0.0

    spec = transformer_spec.TransformerSpec.from_config(layers, heads, no_final_norm=True)
    _fill_small(spec, rng, d_model, ffn, eps)
    enc, dec = spec.encoder, spec.decoder
    enc.scale_embeddings = False
    dec.scale_embeddings = False

    emb = np.zeros((vocab_size, d_model), dtype=np.float32)
    emb[:, :content] = codes
    enc.embeddings[0].weight = emb
    dec.embeddings.weight = np.zeros((vocab_size, d_model), dtype=np.float32)
    full_pos = np.zeros((max_len, d_model), dtype=np.float32)
    full_pos[:, content:] = pos
    enc.position_encodings.encodings = full_pos
    dec.position_encodings.encodings = full_pos.copy()

    for layer in enc.layer:
        att = layer.self_attention
        _linear(att.linear[0], 3 * d_model, d_model, rng, eps)
        _linear(att.linear[1], d_model, d_model, rng, eps)
        _linear(layer.ffn.linear_0, ffn, d_model, rng, eps)
        _linear(layer.ffn.linear_1, d_model, ffn, rng, eps)

    # Query scale: sharp enough that the nearest other position gets < e^-30 of the weight.
    norm_pos = pos / np.sqrt((pos**2).sum(1, keepdims=True) / d_model)  # what LN makes of it
    head_dim = d_model // heads
    gram = norm_pos[:64] @ pos[:64].T
    gap = min(gram[i, i] - np.max(np.delete(gram[i], i)) for i in range(64))
    q_scale = 40.0 * np.sqrt(head_dim) / gap

    for i, layer in enumerate(dec.layer):
        _linear(layer.self_attention.linear[0], 3 * d_model, d_model, rng, eps)
        _linear(layer.self_attention.linear[1], d_model, d_model, rng, eps)
        _linear(layer.ffn.linear_0, ffn, d_model, rng, eps)
        _linear(layer.ffn.linear_1, d_model, ffn, rng, eps)
        att = layer.attention
        if i == 0:
            wq = np.zeros((d_model, d_model), dtype=np.float32)
            wkv = np.zeros((2 * d_model, d_model), dtype=np.float32)
            wo = np.zeros((d_model, d_model), dtype=np.float32)
            # Every head sees the same position block so all heads attend alike.
            for h in range(heads):
                lo = h * head_dim
                width = min(pos_width, head_dim)
                wq[lo:lo + width, content:content + width] = np.eye(width) * q_scale
                wkv[lo:lo + width, content:content + width] = np.eye(width)
            # Values: the content block, spread over heads in order; output puts it back.
            wkv[d_model:d_model + content, :content] = np.eye(content)
            wo[:content, :content] = np.eye(content)
            _linear(att.linear[0], d_model, d_model, rng, eps, wq)
            _linear(att.linear[1], 2 * d_model, d_model, rng, eps, wkv)
            _linear(att.linear[2], d_model, d_model, rng, eps, wo)
        else:
            _linear(att.linear[0], d_model, d_model, rng, eps)
            _linear(att.linear[1], 2 * d_model, d_model, rng, eps)
            _linear(att.linear[2], d_model, d_model, rng, eps)

    proj = np.zeros((vocab_size, d_model), dtype=np.float32)
    proj[:, :content] = codes * (4.0 / content * 10)
    dec.projection.weight = proj
    dec.projection.bias = np.zeros(vocab_size, dtype=np.float32)

    spec.config.add_source_eos = eos
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    spec.optimize(quantization=quantization)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    spec.save(str(out_dir))


def _minisbd_onnx(path: Path) -> None:
    """A character-level splitter in the MiniSBD format: a sentence ends at . ! ?

    Each character id looks up a row of five logits (MiniSBD's classes: 0 inside
    a token, 1 token end, 2 sentence end, 3/4 multi-word tokens).
    """
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    chars = [chr(c) for c in range(32, 127)] + list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
    id2unit = ["<PAD>", "<UNK>", *chars]
    table = np.zeros((len(id2unit), 5), dtype=np.float32)
    table[:, 0] = 1.0
    for i, ch in enumerate(id2unit):
        if ch in ".!?":
            table[i] = [0, 0, 5, 0, 0]
        elif ch == " ":
            table[i] = [0, 5, 0, 0, 0]
    units = helper.make_tensor_value_info("units", TensorProto.INT64, [None, None])
    feats = helper.make_tensor_value_info("features", TensorProto.FLOAT, [None, None, None])
    out = helper.make_tensor_value_info("logits", TensorProto.FLOAT, [None, None, 5])
    # features are part of MiniSBD's input contract; fold them in (times zero) so they stay live.
    nodes = [
        helper.make_node("Gather", ["table", "units"], ["rows"], axis=0),
        helper.make_node("ReduceSum", ["features", "axes"], ["fsum"], keepdims=1),
        helper.make_node("Mul", ["fsum", "zero"], ["fzero"]),
        helper.make_node("Add", ["rows", "fzero"], ["logits"]),
    ]
    graph = helper.make_graph(
        nodes, "tiny_sbd", [units, feats], [out],
        initializer=[
            numpy_helper.from_array(table, "table"),
            numpy_helper.from_array(np.array([2], dtype=np.int64), "axes"),
            numpy_helper.from_array(np.zeros((1,), dtype=np.float32), "zero"),
        ],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    vocab = {"lang": "en", "idx": 0, "cutoff": 0, "lower": False,
             "_unit2id": {u: i for i, u in enumerate(id2unit)}, "_id2unit": id2unit}
    config = {"skip_newline": False, "max_seqlen": 1000, "no_ssplit": False, "batch_size": 32,
              "feat_funcs": [], "use_dictionary": False, "num_dict_feat": 0}
    for key, value in (("lang_code", "en"), ("config", json.dumps(config)), ("vocab", json.dumps(vocab))):
        entry = model.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.checker.check_model(model)
    onnx.save(model, str(path))


def build_argosmodel(
    path: str | Path,
    *,
    name: str = "translate-en_ru-tiny",
    from_code: str = "en",
    to_code: str = "ru",
    vocab_size: int = 400,
    version: str = "1.0",
    training_lines: list[str] | None = None,
    **model_kwargs,
) -> Path:
    """Write a copy-model ``.argosmodel`` zip (one top folder ``name``) to ``path``."""
    import sentencepiece as spm

    path = Path(path)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        top = tmp / name
        top.mkdir()
        sp_path = _train_sentencepiece(tmp, vocab_size, model_kwargs.get("seed", 7), training_lines)
        shutil.copy(sp_path, top / "sentencepiece.model")
        sp = spm.SentencePieceProcessor(model_file=str(sp_path))
        vocab = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
        build_copy_model(top / "model", vocab, **model_kwargs)
        (top / "minisbd").mkdir()
        _minisbd_onnx(top / "minisbd" / f"{from_code}.onnx")
        meta = {
            "package_version": version, "argos_version": "1.12", "from_code": from_code,
            "from_name": "English", "to_code": to_code, "to_name": "Russian", "type": "translate",
            "links": [],
        }
        (top / "metadata.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for file in sorted(top.rglob("*")):
                zf.write(file, file.relative_to(tmp).as_posix())
    return path
