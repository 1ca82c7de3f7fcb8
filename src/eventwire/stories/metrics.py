"""Coreference metrics: MUC, B³, CEAF-e and their mean, the CoNLL F1.

A *clustering* is any iterable of clusters; a cluster is an iterable of hashable
mention ids. ``key`` is the gold clustering, ``response`` the system's. Mentions
that appear in one clustering only ("twinless" mentions) are handled as in the
CoNLL-2012 reference scorer (Pradhan et al. 2014, *Scoring Coreference Partitions
of Predicted Mentions: A Reference Implementation*): a key mention missing from
the response counts as its own singleton there, and vice versa.

    >>> key = [{"a", "b", "c"}, {"d", "e", "f", "g"}]
    >>> response = [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}]
    >>> round(muc(key, response).f1, 3), round(ceafe(key, response).recall, 3)
    (0.4, 0.65)
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from itertools import combinations

Clustering = Iterable[Iterable[Hashable]]


@dataclass(frozen=True, slots=True)
class PRF:
    """Recall, precision and F1 of one metric."""

    recall: float
    precision: float

    @property
    def f1(self) -> float:
        r, p = self.recall, self.precision
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float]:
        return {"recall": round(self.recall, 4), "precision": round(self.precision, 4), "f1": round(self.f1, 4)}


def _sets(clusters: Clustering) -> list[frozenset]:
    out = [frozenset(c) for c in clusters]
    return [c for c in out if c]


def _index(clusters: list[frozenset]) -> dict[Hashable, int]:
    return {m: i for i, c in enumerate(clusters) for m in c}


def _muc_recall(key: list[frozenset], response: list[frozenset]) -> float:
    where = _index(response)
    num = den = 0
    for k in key:
        parts = {where.get(m, ("missing", m)) for m in k}  # a missing mention is its own partition
        num += len(k) - len(parts)
        den += len(k) - 1
    return num / den if den else 0.0


def muc(key: Clustering, response: Clustering) -> PRF:
    """MUC (Vilain et al. 1995): links needed to rebuild each cluster from the other side's pieces."""
    k, r = _sets(key), _sets(response)
    return PRF(_muc_recall(k, r), _muc_recall(r, k))


def _b3_recall(key: list[frozenset], response: list[frozenset]) -> float:
    where = _index(response)
    total = 0.0
    n = 0
    for k in key:
        counts: dict[int, int] = {}
        for m in k:
            if m in where:
                counts[where[m]] = counts.get(where[m], 0) + 1
        total += sum(c * c for c in counts.values()) / len(k)
        n += len(k)
    return total / n if n else 0.0


def b3(key: Clustering, response: Clustering) -> PRF:
    """B³ (Bagga & Baldwin 1998): per-mention overlap of its key and response clusters, averaged."""
    k, r = _sets(key), _sets(response)
    return PRF(_b3_recall(k, r), _b3_recall(r, k))


def ceafe(key: Clustering, response: Clustering) -> PRF:
    """Entity-based CEAF (Luo 2005) with φ4 similarity and the optimal one-to-one cluster alignment."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    k, r = _sets(key), _sets(response)
    if not k or not r:
        return PRF(0.0, 0.0)
    where = _index(r)
    sim = np.zeros((len(k), len(r)))
    for i, kc in enumerate(k):
        for m in kc:
            j = where.get(m)
            if j is not None:
                sim[i, j] += 1.0
    rows, cols = sim.nonzero()
    for i, j in zip(rows, cols):
        sim[i, j] = 2.0 * sim[i, j] / (len(k[i]) + len(r[j]))
    ri, ci = linear_sum_assignment(sim, maximize=True)
    best = float(sim[ri, ci].sum())
    return PRF(best / len(k), best / len(r))


def conll(key: Clustering, response: Clustering) -> dict[str, object]:
    """All three metrics and the CoNLL F1 (their F1 mean), as a JSON-ready dict."""
    k, r = _sets(key), _sets(response)
    scores = {"muc": muc(k, r), "b3": b3(k, r), "ceafe": ceafe(k, r)}
    out: dict[str, object] = {name: s.to_dict() for name, s in scores.items()}
    out["conll_f1"] = round(sum(s.f1 for s in scores.values()) / 3, 4)
    return out


def drop_singletons(clusters: Clustering) -> list[frozenset]:
    """The clusters with two or more mentions (for the "singletons removed" variant)."""
    return [c for c in _sets(clusters) if len(c) > 1]


def pairwise_links(clusters: Clustering, doc_of) -> set[frozenset]:
    """Unordered mention pairs from *different* documents that share a cluster (``doc_of(m)`` gives a doc)."""
    links: set[frozenset] = set()
    for c in _sets(clusters):
        for a, b in combinations(c, 2):
            if doc_of(a) != doc_of(b):
                links.add(frozenset((a, b)))
    return links


def link_prf(key: Clustering, response: Clustering, doc_of) -> PRF:
    """Pairwise cross-document link recall/precision."""
    gold, pred = pairwise_links(key, doc_of), pairwise_links(response, doc_of)
    hit = len(gold & pred)
    return PRF(hit / len(gold) if gold else 0.0, hit / len(pred) if pred else 0.0)
