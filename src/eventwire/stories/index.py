"""Where the event linker keeps its state: the :class:`LinkerIndex` contract and the in-memory index.

The linker (:mod:`.linker`) never holds the whole state itself; it asks its index only for what one article
needs — document frequencies of the article's terms, the stories sharing its top terms, those stories'
centroid weights on its terms, the clusters under one (story, key) — and tells it what changed. So an index
kept in database tables (:class:`eventwire.store.linker_index.TableIndex`) answers each question with an
indexed lookup, and the cost of linking one more article does not grow with the store.

:class:`MemoryIndex` keeps everything in dicts (evaluation on ECB+, ``eventwire clusters``, tests), and can
be saved to and restored from JSON (:meth:`MemoryIndex.state`, :meth:`MemoryIndex.from_state`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True, slots=True)
class Mention:
    """One event mention: the linker's unit of input."""

    id: str
    doc_id: str
    start: int
    end: int
    trigger: str
    sentence_index: int = 0
    sentence: str = ""
    actors: tuple[str, ...] = ()
    date: str | None = None
    code: str | None = None


@dataclass
class Cluster:
    """An event cluster: one real-world event and every mention (report) of it.

    ``mentions`` holds every report in a :class:`MemoryIndex`; a table index loads a cluster without its
    reports (they are the events rows carrying its id) and ``mentions`` then holds only the ones linked now.
    """

    id: str
    story: str
    lemma: str
    mentions: list[Mention] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    roots: set[str] = field(default_factory=set)

    def to_dict(self) -> dict[str, Any]:
        """One row per real event: id, report count, articles, first/last event date, every report."""
        return {"id": self.id, "story": self.story, "key": self.lemma, "reports": len(self.mentions),
                "articles": sorted({m.doc_id for m in self.mentions}),
                "first_date": self.first_date.isoformat() if self.first_date else None,
                "last_date": self.last_date.isoformat() if self.last_date else None,
                "mentions": [{"id": m.id, "article": m.doc_id, "trigger": m.trigger, "sentence": m.sentence,
                              "date": m.date, "actors": list(m.actors), "code": m.code} for m in self.mentions]}


class LinkerIndex(Protocol):
    """What the linker asks and tells its state (each call concerns one article's terms or keys)."""

    def doc_frequencies(self, terms: Iterable[str]) -> tuple[dict[str, int], int]:
        """({term: number of linked articles containing it}, number of linked articles)."""

    def count_document(self, terms: Iterable[str]) -> None:
        """One more linked article containing ``terms``."""

    def story_candidates(self, terms: list[str], limit: int) -> list[str]:
        """Up to ``limit`` stories indexed under the most of ``terms`` (ties by story id)."""

    def story_weights(self, stories: list[str], terms: Iterable[str]) -> dict[str, tuple[dict[str, float], float]]:
        """{story: ({term: centroid weight}, centroid norm)} restricted to ``terms``."""

    def extend_story(self, story: str, doc_id: str, vec: dict[str, float], norm: float, top: list[str]) -> None:
        """Add an article (its tf·idf vector) to a story (new or not), set its norm, index it under ``top``."""

    def document_story(self, doc_id: str) -> str | None: ...

    def assigned(self, mention_id: str) -> str | None: ...

    def keyed(self, story: str, key: str, near: dt.date | None = None, gap: int = 0) -> list[Cluster]:
        """The clusters under (story, key), oldest first (an index may leave out those dated more than
        ``gap`` days from ``near``: the linker would not link to them)."""

    def dyadic(self, story: str, root: str, near: dt.date | None = None, gap: int = 0) -> list[Cluster]:
        """The two-sided clusters of CAMEO root ``root`` reported in ``story``, oldest first (an index may leave
        out those dated more than ``gap`` days from ``near``)."""

    def add_dyadic(self, story: str, root: str, cluster: Cluster) -> None:
        """Record that ``cluster`` was reported in ``story`` (once: a second call changes nothing)."""

    def new_cluster(self, cluster: Cluster) -> None: ...

    def cluster(self, cluster_id: str) -> Cluster: ...

    def attach(self, cluster: Cluster, mention: Mention) -> None:
        """``mention`` joined ``cluster`` (whose countries, dates and roots the linker has updated)."""


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


class MemoryIndex:
    """The linker's state in dicts."""

    def __init__(self) -> None:
        self.df: Counter = Counter()
        self.ndocs = 0
        self.centroids: dict[str, Counter] = {}
        self.norms: dict[str, float] = {}
        self.story_docs: dict[str, list[str]] = {}
        self.postings: dict[str, set[str]] = defaultdict(set)
        self.clusters: dict[str, Cluster] = {}
        self.by_key: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.dyadic_ids: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.assign: dict[str, str] = {}
        self.doc_story: dict[str, str] = {}

    # ---- LinkerIndex ----------------------------------------------------------------------------
    def doc_frequencies(self, terms: Iterable[str]) -> tuple[dict[str, int], int]:
        return {w: self.df[w] for w in terms}, self.ndocs

    def count_document(self, terms: Iterable[str]) -> None:
        self.df.update(terms)
        self.ndocs += 1

    def story_candidates(self, terms: list[str], limit: int) -> list[str]:
        shared: Counter = Counter()
        for w in terms:
            shared.update(self.postings.get(w, ()))
        return sorted(shared, key=lambda sid: (-shared[sid], sid))[:limit]

    def story_weights(self, stories: list[str], terms: Iterable[str]) -> dict[str, tuple[dict[str, float], float]]:
        terms = list(terms)
        return {sid: ({w: self.centroids[sid][w] for w in terms if w in self.centroids[sid]}, self.norms[sid])
                for sid in stories}

    def extend_story(self, story: str, doc_id: str, vec: dict[str, float], norm: float, top: list[str]) -> None:
        centroid = self.centroids.setdefault(story, Counter())
        for w, v in vec.items():
            centroid[w] += v
        self.norms[story] = norm
        self.story_docs.setdefault(story, []).append(doc_id)
        for w in top:
            self.postings[w].add(story)
        self.doc_story[doc_id] = story

    def document_story(self, doc_id: str) -> str | None:
        return self.doc_story.get(doc_id)

    def assigned(self, mention_id: str) -> str | None:
        return self.assign.get(mention_id)

    def keyed(self, story: str, key: str, near: dt.date | None = None, gap: int = 0) -> list[Cluster]:
        return [self.clusters[c] for c in self.by_key.get((story, key), ())]

    def dyadic(self, story: str, root: str, near: dt.date | None = None, gap: int = 0) -> list[Cluster]:
        return [self.clusters[c] for c in self.dyadic_ids.get((story, root), ())]

    def add_dyadic(self, story: str, root: str, cluster: Cluster) -> None:
        ids = self.dyadic_ids[(story, root)]
        if cluster.id not in ids:
            ids.append(cluster.id)

    def new_cluster(self, cluster: Cluster) -> None:
        self.clusters[cluster.id] = cluster
        self.by_key[(cluster.story, cluster.lemma)].append(cluster.id)

    def cluster(self, cluster_id: str) -> Cluster:
        return self.clusters[cluster_id]

    def attach(self, cluster: Cluster, mention: Mention) -> None:
        cluster.mentions.append(mention)
        self.assign[mention.id] = cluster.id

    # ---- JSON state --------------------------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        """Everything in the index, JSON-ready (the layout of version 1 of the saved linker state)."""
        return {
            "df": dict(self.df), "ndocs": self.ndocs,
            "stories": {k: {"centroid": dict(self.centroids[k]), "docs": self.story_docs[k], "norm": self.norms[k]}
                        for k in self.centroids},
            "postings": {w: sorted(ids) for w, ids in self.postings.items()},
            "clusters": {k: {"story": c.story, "lemma": c.lemma, "countries": sorted(c.countries),
                             "first_date": c.first_date.isoformat() if c.first_date else None,
                             "last_date": c.last_date.isoformat() if c.last_date else None,
                             "roots": sorted(c.roots), "mentions": [asdict(m) for m in c.mentions]}
                         for k, c in self.clusters.items()},
            "by_key": [[k[0], k[1], v] for k, v in self.by_key.items()],
            "dyadic": [[k[0], k[1], v] for k, v in self.dyadic_ids.items()],
            "doc_story": self.doc_story,
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> MemoryIndex:
        index = cls()
        index.df = Counter(state["df"])
        index.ndocs = state["ndocs"]
        for k, v in state["stories"].items():
            index.centroids[k] = Counter(v["centroid"])
            index.norms[k] = v["norm"]
            index.story_docs[k] = list(v["docs"])
        for w, ids in state["postings"].items():
            index.postings[w] = set(ids)
        for k, c in state["clusters"].items():
            ms = [Mention(**{**m, "actors": tuple(m["actors"])}) for m in c["mentions"]]
            index.clusters[k] = Cluster(k, c["story"], c["lemma"], ms, set(c["countries"]), _date(c["first_date"]),
                                        _date(c["last_date"]), set(c["roots"]))
            for m in ms:
                index.assign[m.id] = k
        for a, b, v in state["by_key"]:
            index.by_key[(a, b)] = list(v)
        for a, b, v in state["dyadic"]:
            index.dyadic_ids[(a, b)] = list(v)
        index.doc_story = dict(state["doc_story"])
        return index
