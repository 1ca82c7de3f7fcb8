"""The event linker: event mentions from many articles → clusters, one per real-world event.

Input (documented contract, so the stage can be scored on gold mentions):

* a :class:`Document` — id, text (the offsets of its mentions refer to it), optional date and outlet;
* its :class:`Mention` s — id, document id, trigger span (``start``/``end`` character offsets and text),
  sentence, and when known the actors (codes or names), the event date and the event code.

Method, in two index lookups per article (no re-clustering of what is already linked):

1. **Story assignment.** The article's names and numbers (proper nouns and numbers by default,
   ``content_pos``; tf·idf weighted with document frequencies counted as articles arrive) are compared with
   the centroid of each existing *story* (a group of articles about one seminal event) that shares one of
   its top terms (an inverted index). WHEN: a story whose articles named years but never the article's main
   year (:mod:`.facts`) scores ``fact_conflict`` lower (two earthquakes of one kind, years apart). Score ≥
   ``story_threshold`` joins the best story; otherwise the article starts a new story.
2. **Mention linking inside the story.** A mention joins the cluster keyed by (story, trigger lemma); the
   lemma is the lemma of the span's syntactic head, with verb/noun variants folded ("shooting" → "shoot").
   When both a mention and a cluster carry actors, dates or event codes that are incompatible (different
   actor countries, dates more than ``max_day_gap`` apart, different CAMEO roots) it starts a new cluster.

Optional third signal (``embedder``, off by default; measured on ECB+ dev it gains only +0.005 CoNLL F1, see
docs/stories.md): each mention gets two vectors from a sentence-embedding model (:mod:`.embeddings`) — its
trigger (``embed_trigger="context"``: the trigger's word pieces encoded in its sentence; ``"words"``: the
trigger words alone) and its sentence. A mention that finds no cluster under its own key may join the cluster
of its story whose mean vectors score ≥ ``embed_threshold`` (``embed_mix`` × trigger cosine + the rest ×
sentence cosine; "died" joining "killed"); with ``embed_split``, a same-key cluster whose sentences have cosine
below it is not joined. Only the linker object keeps these vectors, so they serve in-memory linking
(evaluation); ingest links without them.

Cluster ids are stable: ``evc_`` + a hash of the first mention's id, so re-running on the same input, or
extending it, never renames an existing cluster.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from ..model import CodedArticle
    from .embeddings import Embedder

from .facts import FACT_KINDS, article_facts, fact_terms, marker
from .index import Cluster, LinkerIndex, MemoryIndex, Mention

__all__ = ["Cluster", "Document", "EventLinker", "LinkerIndex", "MemoryIndex", "Mention", "document_from_coded",
           "head_lemma", "lemma_baseline", "stable_id"]

STORY_POS = frozenset({"NOUN", "PROPN", "NUM"})
NAMES_POS = frozenset({"PROPN", "NUM"})  # the default story vector: names and numbers (held-out check, docs/stories.md)
FACT_MARK = 1e-6  # weight of a fact or marker term that only records presence (no effect on the cosine)


@dataclass(frozen=True, slots=True)
class Document:
    """An article and its event mentions. ``body`` (default: ``text``) is what story assignment compares."""

    id: str
    text: str
    mentions: tuple[Mention, ...] = ()
    body: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None


def stable_id(prefix: str, seed: str) -> str:
    return prefix + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:16]


def _load_folds() -> dict[str, str]:
    """variant lemma → canonical event word, from data/stories/event_synonyms.tsv."""
    from importlib.resources import files

    out: dict[str, str] = {}
    text = files("eventwire").joinpath("data/stories/event_synonyms.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            canon, variants = line.split("\t")
            for v in variants.split(","):
                out.setdefault(v.strip(), canon.strip())
    return out


_FOLD = _load_folds()
REPORTING = frozenset({"say", "tell", "report", "add", "state", "claim", "note", "explain", "comment", "write"})


def head_lemma(span: "Span") -> str:
    """Lemma of the span's syntactic head (lower-cased, folded)."""
    toks = [t for t in span if not t.is_punct and not t.is_stop] or list(span)
    head = span.root if span.root in toks else toks[-1]
    lemma = (head.lemma_ or head.text).lower()
    if head.pos_ == "PROPN" and lemma.endswith("s") and len(lemma) > 4:
        lemma = lemma[:-1]  # "Oscars" / "Oscar"
    return _FOLD.get(lemma, lemma)


def _countries(m: Mention) -> set[str]:
    """The country (or organisation) part of the mention's actor codes; unknown ("---GOV") left out."""
    return {a[:3] for a in m.actors if a and len(a) >= 3 and a[:3].isalpha()}


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


class EventLinker:
    """Incremental cross-document event linker (see the module docstring).

    index: where the state lives (default: a fresh :class:`MemoryIndex`; ingest passes a table index, so each
    article costs a few indexed lookups whatever the size of the store).
    """

    def __init__(self, nlp: "Language", *, story_threshold: float = 0.25, top_terms: int = 20,
                 max_day_gap: int = 3, reporting: str = "singleton", max_candidates: int = 10,
                 propn_weight: float = 2.0, content_pos: frozenset[str] = NAMES_POS, pronouns: bool = True,
                 index: LinkerIndex | None = None, embedder: "Embedder | None" = None,
                 embed_threshold: float = 0.7, embed_mix: float = 1.0, embed_split: float | None = None,
                 embed_trigger: str = "context", facts: str | tuple[str, ...] = ("year",),
                 fact_weight: float = 0.0, fact_conflict: float = 0.05, light_words: frozenset[str] = frozenset(),
                 light_mode: str = "singleton") -> None:
        self.nlp = nlp
        self.story_threshold = story_threshold
        self.top_terms = top_terms
        self.max_day_gap = max_day_gap
        self.reporting = reporting
        self.max_candidates = max_candidates
        self.propn_weight = propn_weight
        self.content_pos = content_pos
        self.pronouns = pronouns
        self.index: LinkerIndex = index if index is not None else MemoryIndex()
        self.embedder = embedder
        self.embed_threshold = embed_threshold
        self.embed_mix = embed_mix
        self.embed_split = embed_split
        self.embed_trigger = embed_trigger
        self.facts = tuple(k for k in (facts.split(",") if isinstance(facts, str) else facts) if k)
        unknown = set(self.facts) - set(FACT_KINDS)
        if unknown:
            raise ValueError(f"unknown fact kinds {sorted(unknown)}; choose from {FACT_KINDS}")
        self.fact_weight = fact_weight
        self.fact_conflict = fact_conflict
        self.light_words = frozenset(light_words)
        self.light_mode = light_mode
        self._vec_sum: dict[str, Any] = {}  # cluster id -> sums of its mentions' (trigger, sentence) vectors
        self._story_clusters: dict[str, list[str]] = {}  # story -> cluster ids that carry vectors
        self._pending: dict[str, Any] = {}  # mention id -> its (trigger, sentence) vectors (this article)

    # ---- public -------------------------------------------------------------
    def settings(self) -> dict[str, Any]:
        return {"story_threshold": self.story_threshold, "top_terms": self.top_terms,
                "max_day_gap": self.max_day_gap, "reporting": self.reporting, "facts": list(self.facts),
                "fact_weight": self.fact_weight, "fact_conflict": self.fact_conflict}

    def add(self, document: Document, parsed: "Doc | None" = None) -> dict[str, str]:
        """Link one article's mentions; returns mention id → cluster id. Re-adding a document is a no-op."""
        if self.index.document_story(document.id) is not None:
            found = {m.id: self.index.assigned(m.id) for m in document.mentions}
            return {k: v for k, v in found.items() if v}
        doc = parsed if parsed is not None else self.nlp(document.text)
        story = self._story_for(document, doc)
        self._pending = self._mention_vectors(document.mentions)
        out: dict[str, str] = {}
        previous: Mention | None = None
        for m in sorted(document.mentions, key=lambda x: x.start):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if (self.pronouns and span is not None and len(span) == 1 and span[0].pos_ in ("PRON", "DET")
                    and previous is not None and m.sentence_index - previous.sentence_index <= 1):
                # "the quake, which killed …", "he hosted it": an event pronoun joins the mention before it
                out[m.id] = self._attach(self.index.cluster(out[previous.id]), m)
                continue
            previous = m
            dyad = _countries(m)
            if m.code and len(dyad) == 2:
                # A coded event with both sides known: the same (CAMEO root, dyad) within max_day_gap days is
                # the same event in whichever story it is reported ("Putin met Xi" = "Xi welcomed Putin").
                out[m.id] = self._link("*", "cameo:" + m.code[:2] + ":" + "-".join(sorted(dyad)), m)
                self.index.add_dyadic(story, m.code[:2], self.index.cluster(out[m.id]))
                continue
            if m.code:  # one side known: a two-sided event of this story with that side, else root + word
                near = _parse_date(m.date)
                hit = next((c for c in self.index.dyadic(story, m.code[:2], near, self.max_day_gap)
                            if self._compatible(c, m)), None) if dyad else None
                if hit:
                    out[m.id] = self._attach(hit, m)
                    continue
                word = head_lemma(span) if span is not None and len(span) else m.trigger.lower()
                lemma = "cameo:" + m.code[:2] + ":" + word  # "offered" and "visit" are not one event
            else:
                lemma = head_lemma(span) if span is not None and len(span) else m.trigger.lower()
            out[m.id] = self._link(story, lemma, m)
        return out

    def cluster(self, cluster_id: str) -> Cluster:
        """A cluster linked to in this run (any cluster, with a memory index)."""
        return self.index.cluster(cluster_id)

    def cluster_of(self, mention_id: str) -> Cluster | None:
        cid = self.index.assigned(mention_id)
        return self.index.cluster(cid) if cid else None

    def story_of(self, doc_id: str) -> str | None:
        return self.index.document_story(doc_id)

    # ---- views of a MemoryIndex (evaluation, the clusters command) ----------------------------------
    def _memory(self) -> MemoryIndex:
        if not isinstance(self.index, MemoryIndex):
            raise TypeError("only a linker with an in-memory index lists all its clusters")
        return self.index

    def assignment(self) -> dict[str, str]:
        """Every mention id seen so far → its cluster id."""
        return dict(self._memory().assign)

    def clusters(self) -> list[Cluster]:
        return list(self._memory().clusters.values())

    def story_count(self) -> int:
        return len(self._memory().centroids)

    def state(self) -> dict[str, Any]:
        """Everything needed to continue linking later (JSON-ready): see :meth:`from_state`."""
        return {"version": 1, "settings": self.settings() | {"max_candidates": self.max_candidates,
                                                             "propn_weight": self.propn_weight,
                                                             "content_pos": sorted(self.content_pos),
                                                             "pronouns": self.pronouns},
                **self._memory().state()}

    @classmethod
    def from_state(cls, nlp: "Language", state: dict[str, Any]) -> "EventLinker":
        """A linker that continues where the one that produced ``state`` stopped (same ids, same clusters)."""
        st = dict(state["settings"])
        st["content_pos"] = frozenset(st["content_pos"])
        st["facts"] = tuple(st.get("facts", ()))  # a state saved before facts existed links without them
        return cls(nlp, **st, index=MemoryIndex.from_state(state))

    # ---- stage 1: story -----------------------------------------------------
    @staticmethod
    def _body_start(document: Document) -> int:
        body = document.body if document.body is not None else document.text
        offset = document.text.find(body) if body and body != document.text else 0
        return max(offset, 0)

    def _terms(self, document: Document, doc: "Doc") -> Counter:
        """The article's story terms; an article that names no name or number (with the default
        ``content_pos``) falls back to its nouns as well ("Police arrested a man")."""
        lo = self._body_start(document)
        tf = self._counts(doc, lo, self.content_pos)
        return tf if tf else self._counts(doc, lo, self.content_pos | STORY_POS)

    def _counts(self, doc: "Doc", lo: int, pos: frozenset[str]) -> Counter:
        tf: Counter = Counter()
        for t in doc:
            if t.idx < lo or t.is_stop or t.is_punct or t.pos_ not in pos or len(t.text) < 2:
                continue
            key = (t.lemma_ or t.text).lower() if t.pos_ != "PROPN" else t.text.lower()
            tf[key] += self.propn_weight if t.pos_ in ("PROPN", "NUM") else 1
        return tf

    @staticmethod
    def _vector(tf: Counter, df: dict[str, int], ndocs: int) -> dict[str, float]:
        """tf·idf, L2-normalised; ``df`` and ``ndocs`` count the article itself."""
        n = ndocs + 1
        vec = {w: (1 + math.log(c)) * (1 + math.log((n + 1) / (df[w] + 1))) for w, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}

    def _story_for(self, document: Document, doc: "Doc") -> str:
        tf = self._terms(document, doc)
        facts = fact_terms(article_facts(doc, self._body_start(document)), self.facts) if self.facts else {}
        if self.fact_weight:
            tf.update({term: self.fact_weight for term in facts.values()})
        df, ndocs = self.index.doc_frequencies(list(tf))
        self.index.count_document(list(tf))
        vec = self._vector(tf, {w: df.get(w, 0) + 1 for w in tf}, ndocs + 1)
        top = sorted(vec, key=vec.get, reverse=True)[: self.top_terms]
        for kind, term in facts.items():  # markers: the story's centroid remembers which facts its articles named
            vec.setdefault(term, FACT_MARK)
            vec[marker(kind)] = FACT_MARK
        # Only the stories sharing the most top terms are scored: a bounded lookup, whatever the store size.
        candidates = self.index.story_candidates(top, self.max_candidates)
        weights = self.index.story_weights(candidates, list(vec))
        best, best_sim = None, 0.0
        for sid in candidates:
            centroid, norm = weights[sid]
            sim = sum(v * centroid.get(w, 0.0) for w, v in vec.items()) / norm
            sim -= self.fact_conflict * self._conflicts(centroid, facts)
            if sim > best_sim:
                best, best_sim = sid, sim
        if best is None or best_sim < self.story_threshold:
            best, centroid, sq = stable_id("sty_", document.id), {}, 0.0
        else:
            centroid, norm = weights[best]
            sq = norm ** 2
        for w, v in vec.items():  # keep |centroid| up to date in O(terms of this article)
            sq += 2 * centroid.get(w, 0.0) * v + v * v
        self.index.extend_story(best, document.id, vec, math.sqrt(sq) or 1.0, top)
        return best

    @staticmethod
    def _conflicts(centroid: dict[str, float], facts: dict[str, str]) -> int:
        """How many of the article's facts the story contradicts: its articles named facts of that kind
        (the marker term is in its centroid) but never this one ("2013" against a story of 2008)."""
        return sum(1 for kind, term in facts.items() if centroid.get(marker(kind), 0.0) > 0.0
                   and centroid.get(term, 0.0) <= 0.0)

    # ---- stage 2: mentions --------------------------------------------------
    def _compatible(self, c: Cluster, m: Mention) -> bool:
        countries = _countries(m)
        if countries and c.countries and len(countries & c.countries) < min(2, len(countries), len(c.countries)):
            return False  # both dyads known: they must share both sides (or the one side each knows)
        d = _parse_date(m.date)
        if d and c.first_date and c.last_date and not (
                (c.first_date - d).days <= self.max_day_gap and (d - c.last_date).days <= self.max_day_gap):
            return False
        if m.code and c.roots and m.code[:2] not in c.roots:
            return False
        return True

    def _link(self, story: str, lemma: str, m: Mention) -> str:
        known = self.index.assigned(m.id)
        if known:
            return known
        target = None
        if lemma in REPORTING:  # "said" in two articles is rarely one speech act: link within the article only
            story = story + "|" + (m.doc_id if self.reporting == "document" else m.id)
        elif lemma in self.light_words:  # "made", "began": the word alone says too little to link on
            story = story + "|" + (m.doc_id if self.light_mode == "document" else m.id)
        for c in self.index.keyed(story, lemma, _parse_date(m.date), self.max_day_gap):
            if self._compatible(c, m) and not self._context_differs(c, m):
                target = c
                break
        if target is None and m.id in self._pending and lemma not in REPORTING:
            target = self._nearest(story, m)
        if target is None:
            target = Cluster(stable_id("evc_", m.id), story, lemma)
            self.index.new_cluster(target)
        return self._attach(target, m)

    def _attach(self, target: Cluster, m: Mention) -> str:
        target.countries |= _countries(m)
        d = _parse_date(m.date)
        if d:
            target.first_date = min(d, target.first_date or d)
            target.last_date = max(d, target.last_date or d)
        if m.code:
            target.roots.add(m.code[:2])
        self.index.attach(target, m)
        vec = self._pending.get(m.id)
        if vec is not None and target.lemma not in REPORTING and "|" not in target.story:
            if target.id not in self._vec_sum:
                self._vec_sum[target.id] = vec.copy()
                self._story_clusters.setdefault(target.story, []).append(target.id)
            else:
                self._vec_sum[target.id] = self._vec_sum[target.id] + vec
        return target.id

    # ---- optional: context embeddings ----------------------------------------
    def _mention_vectors(self, mentions: Iterable[Mention]) -> dict[str, Any]:
        """mention id → a (2, dims) array: the embedding of its trigger (the words alone, or with
        ``embed_trigger="context"`` their word pieces encoded in the sentence) and of its sentence."""
        import numpy as np

        if self.embedder is None:
            return {}
        ms = list(mentions)
        if not ms:
            return {}
        sentences = self.embedder.encode([m.sentence or m.trigger for m in ms])
        if self.embed_trigger == "context" and hasattr(self.embedder, "encode_spans"):
            spans = []
            for m in ms:
                pos = _find_word(m.sentence, m.trigger) if m.sentence else -1
                text = m.sentence if pos >= 0 else m.trigger
                spans.append((text, max(pos, 0), max(pos, 0) + len(m.trigger)))
            triggers = self.embedder.encode_spans(spans)
        else:
            triggers = self.embedder.encode([m.trigger for m in ms])
        return {m.id: np.stack([triggers[i], sentences[i]]) for i, m in enumerate(ms)}

    def _similarity(self, cid: str, vec: Any) -> tuple[float, float]:
        """Cosine of a mention's (trigger, sentence) vectors with the cluster's mean ones."""
        import numpy as np

        total = self._vec_sum[cid]
        norms = np.linalg.norm(total, axis=1)
        sims = (vec * total).sum(1) / np.maximum(norms, 1e-9)
        return float(sims[0]), float(sims[1])

    def _score(self, cid: str, vec: Any) -> float:
        trig, sent = self._similarity(cid, vec)
        return self.embed_mix * trig + (1 - self.embed_mix) * sent

    def _context_differs(self, c: Cluster, m: Mention) -> bool:
        """With ``embed_split``: the same word in a sentence unlike the cluster's is another event."""
        if self.embed_split is None or m.id not in self._pending or c.id not in self._vec_sum:
            return False
        return self._similarity(c.id, self._pending[m.id])[1] < self.embed_split

    def _nearest(self, story: str, m: Mention) -> Cluster | None:
        """The story's cluster most similar in context, if its score is ≥ ``embed_threshold``."""
        vec, best, best_sim = self._pending[m.id], None, self.embed_threshold
        for cid in self._story_clusters.get(story, ()):
            sim = self._score(cid, vec)
            if sim >= best_sim:
                c = self.index.cluster(cid)
                if self._compatible(c, m) and not self._context_differs(c, m) and all(x.doc_id != m.doc_id or x.sentence_index != m.sentence_index
                                                  for x in c.mentions):
                    best, best_sim = c, sim
        return best


def lemma_baseline(documents: Iterable[Document], nlp: "Language",
                   parsed: "dict[str, Doc] | None" = None) -> dict[str, str]:
    """The same-lemma baseline: every mention in the cluster of its first content token's lemma, one pool."""
    out: dict[str, str] = {}
    for d in documents:
        doc = parsed[d.id] if parsed and d.id in parsed else nlp(d.text)
        for m in d.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            toks = [t for t in span if not t.is_stop and not t.is_punct] if span is not None else []
            lemma = (toks[0].lemma_ if toks else (span[0].lemma_ if span is not None and len(span) else m.trigger))
            out[m.id] = "lemma:" + lemma.lower()
    return out


def document_from_coded(coded: "CodedArticle") -> Document:
    """A coder's output as linker input: one Mention per coded Event (trigger located in its sentence)."""
    art = coded.article
    mentions = []
    for ev in coded.events:
        sent = coded.sentences[ev.sentence_index] if ev.sentence_index < len(coded.sentences) else None
        base = sent.start if sent else 0
        pos = _find_word(ev.sentence, ev.trigger)
        start = base + max(pos, 0)
        actors = tuple(a.code or a.country or a.text for a in (ev.source, ev.target) if a is not None)
        mentions.append(Mention(id=ev.id, doc_id=art.key, start=start, end=start + len(ev.trigger),
                                trigger=ev.trigger, sentence_index=ev.sentence_index, sentence=ev.sentence,
                                actors=actors, date=ev.date, code=ev.cameo))
    return Document(id=art.key, text=coded.text, mentions=tuple(mentions),
                    date=art.date.isoformat() if art.date else None, source=art.source, url=art.url)


def _find_word(sentence: str, word: str) -> int:
    import re

    m = re.search(r"\b" + re.escape(word) + r"\b", sentence) if word else None
    return m.start() if m else sentence.find(word)
