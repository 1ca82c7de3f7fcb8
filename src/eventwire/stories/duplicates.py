"""Near-duplicate articles: MinHash over word shingles, with an LSH index for incremental lookup.

Syndicated and lightly edited copies of one story (new headline, changed dateline, an added or dropped
paragraph, a few words changed) share most of their word 5-grams; two different stories on the same topic
share almost none. An article is a duplicate of the first indexed article whose estimated Jaccard
similarity of word 5-gram sets is at least ``THRESHOLD`` (0.25).

Why 0.25: on our fixtures (tests/data/stories/duplicates.jsonl, benchmarks/stories_results.md) the lowest
exact Jaccard between two copies of one story is 0.28 (a 60-word item, cut by a paragraph in one copy and
given a new dateline, lead and a 30-word boilerplate paragraph in the other), and the highest between two
different stories is 0.21 (two short items that both got the same boilerplate paragraph); different
outlets' own reports of one summit stay below 0.02. Copies of full-length articles score far higher
(new headline or dateline: > 0.9). Lower the threshold and boilerplate starts to merge different stories.

The signature is 256 minimum hashes (seeded universal hashing of 32-bit shingle hashes, numpy); the index
splits it into 128 bands of 2 rows. A lookup counts, per indexed article, how many of the 128 band keys it
shares, and compares signatures only with articles sharing at least ``MIN_BAND_HITS`` (2) bands, at most
``MAX_CANDIDATES`` (32) of them, most shared bands first. So its cost is 128 probes plus at most 32
signature comparisons, however many stored articles share one band key with the new one (template-like
wires do: thousands of weak candidates at 5,000 stored). The number of shared bands of a pair at Jaccard J is
about Binomial(128, J²): a copy at the threshold, J = 0.25 (8 expected), has fewer than 2 with probability
0.0025 (at J = 0.28, the lowest copy in our fixtures, 0.0004); a pair at J = 0.05 has 2 or more with
probability 0.04, at J = 0.02 with 0.001. The cap matters only when more than 32 articles share ≥ 2 bands;
a copy shares far more bands (≥ 8 expected) than such look-alikes (about 128·J² ≈ 3 at J = 0.15).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

THRESHOLD = 0.25
#: Ingest checks only articles of at least this many words: a one-line item ("Russia attacked Ukraine.") has
#: too few shingles for an estimate, and identical short bulletins from different desks are separate reports.
MIN_WORDS = 40
SHINGLE = 5
PERMUTATIONS = 256
BANDS = 128
#: Compare signatures only with indexed articles sharing at least this many band keys (see the docstring).
MIN_BAND_HITS = 2
#: At most this many candidates are compared, those sharing most band keys first (ties by id).
MAX_CANDIDATES = 32
_PRIME = (1 << 61) - 1
_rng = np.random.default_rng(20261125)
_A = _rng.integers(1, _PRIME, PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """The set of word k-grams (lower-cased, punctuation ignored); short texts give their whole word string."""
    ws = words(text)
    if len(ws) < k:
        return {" ".join(ws)} if ws else set()
    return {" ".join(ws[i:i + k]) for i in range(len(ws) - k + 1)}


def signature(text: str) -> np.ndarray:
    """MinHash signature (PERMUTATIONS values) of the text's shingle set: min over shingles of (a·h + b) mod p."""
    sh = shingles(text)
    if not sh:
        return np.full(PERMUTATIONS, _PRIME, dtype=np.uint64)
    hv = np.fromiter((int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=4).digest(), "little")
                      for s in sh), dtype=np.uint64, count=len(sh))
    # a, b < 2^61: a·h + b wraps modulo 2^64 before the reduction mod p (as datasketch does); the wrap is
    # what mixes the bits, so the permutations are nearly independent.
    with np.errstate(over="ignore"):
        return ((np.outer(_A, hv) + _B[:, None]) % np.uint64(_PRIME)).min(axis=1)


def estimate(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of equal minimum hashes."""
    return float(np.mean(sig_a == sig_b))


def jaccard(text_a: str, text_b: str) -> float:
    """Exact Jaccard similarity of the two texts' shingle sets."""
    a, b = shingles(text_a), shingles(text_b)
    return len(a & b) / len(a | b) if a | b else 1.0


@dataclass(frozen=True, slots=True)
class Match:
    """``doc_id`` duplicates ``first`` (the earliest indexed copy) with estimated Jaccard ``similarity``."""

    doc_id: str
    first: str
    similarity: float


class DuplicateIndex:
    """Incremental near-duplicate detector: ``check_and_add(id, text)`` → Match or None."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._sigs: dict[str, np.ndarray] = {}
        self._first: dict[str, str] = {}
        self._bands: dict[tuple[int, bytes], list[str]] = defaultdict(list)
        self._rows = PERMUTATIONS // BANDS

    def __len__(self) -> int:
        return len(self._sigs)

    def find(self, text: str, sig: np.ndarray | None = None) -> Match | None:
        """The best indexed copy of ``text`` at or above the threshold (not added)."""
        sig = signature(text) if sig is None else sig
        hits: dict[str, int] = defaultdict(int)
        for band_key in self._band_keys(sig):
            for other in self._bands.get(band_key, ()):
                hits[other] += 1
        best = best_match(sig, [(d, self._first[d], self._sigs[d]) for d in candidates(hits)], self.threshold)
        return Match("", best[0], best[1]) if best else None

    def check_and_add(self, doc_id: str, text: str) -> Match | None:
        """Index the article; if it copies an earlier one, return the link to that first copy."""
        if doc_id in self._sigs:
            first = self._first[doc_id]
            return Match(doc_id, first, 1.0) if first != doc_id else None
        sig = signature(text)
        match = self.find(text, sig)
        self._sigs[doc_id] = sig
        self._first[doc_id] = match.first if match else doc_id
        for band_key in self._band_keys(sig):
            self._bands[band_key].append(doc_id)
        return Match(doc_id, match.first, match.similarity) if match else None

    def add(self, doc_id: str, sig: np.ndarray, first: str) -> None:
        """Index a signature computed elsewhere, as a copy of ``first`` (itself when original)."""
        if doc_id in self._sigs:
            return
        self._sigs[doc_id] = sig
        self._first[doc_id] = first
        for band_key in self._band_keys(sig):
            self._bands[band_key].append(doc_id)

    def state(self) -> dict:
        """JSON-ready state: threshold, and per article its first copy and signature (bands are rebuilt)."""
        return {"threshold": self.threshold,
                "articles": [[d, self._first[d], [int(x) for x in sig]] for d, sig in self._sigs.items()]}

    @classmethod
    def from_state(cls, state: dict) -> DuplicateIndex:
        index = cls(state["threshold"])
        for doc_id, first, sig in state["articles"]:
            arr = np.array(sig, dtype=np.uint64)
            index._sigs[doc_id] = arr
            index._first[doc_id] = first
            for band_key in index._band_keys(arr):
                index._bands[band_key].append(doc_id)
        return index

    def first_copy(self, doc_id: str) -> str | None:
        return self._first.get(doc_id)

    def _band_keys(self, sig: np.ndarray):
        r = self._rows
        for band in range(BANDS):
            yield band, sig[band * r:(band + 1) * r].tobytes()


def candidates(hits: dict[str, int]) -> list[str]:
    """The articles worth a signature comparison: ≥ MIN_BAND_HITS shared bands, most first, at most MAX_CANDIDATES."""
    ranked = sorted((d for d, n in hits.items() if n >= MIN_BAND_HITS), key=lambda d: (-hits[d], d))
    return ranked[:MAX_CANDIDATES]


def best_match(sig: np.ndarray, cands: list[tuple[str, str, np.ndarray]],
               threshold: float) -> tuple[str, float] | None:
    """(first copy, estimate) of the most similar candidate (id, first copy, signature) at ≥ threshold."""
    best: tuple[float, str] | None = None
    for _, first, other in cands:
        sim = estimate(sig, other)
        if sim >= threshold and (best is None or sim > best[0]):
            best = (sim, first)
    return (best[1], best[0]) if best else None


# ---- persisted form (the store keeps signatures and band keys in tables; see eventwire.store) ----------
def signature_hex(sig: np.ndarray) -> str:
    return sig.astype("<u8").tobytes().hex()


def signature_from_hex(value: str) -> np.ndarray:
    return np.frombuffer(bytes.fromhex(value), dtype="<u8").astype(np.uint64)


def band_keys(sig: np.ndarray) -> list[tuple[int, str]]:
    """(band, hex key) pairs of the LSH index: the same bands ``DuplicateIndex`` probes."""
    r = PERMUTATIONS // BANDS
    return [(b, sig[b * r:(b + 1) * r].astype("<u8").tobytes().hex()) for b in range(BANDS)]


def article_text(title: str | None, text: str) -> str:
    """What is compared: the headline and the text (as ``eventwire clusters`` does)."""
    return (title or "") + "\n\n" + text
