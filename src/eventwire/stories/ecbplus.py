"""ECB+ cross-document event coreference: read the gold file, run the linker on gold mentions, score it.

Format and scoring rules: ../shared/eval/ecbplus-event-coref/README.md (one JSON record per document with
``event_mentions``). Scored as that README says: gold mentions of the checked sentences
(``in_coref_sentence``), singletons kept, topics *not* given (one pool for the whole file), MUC/B³/CEAF-e and
their mean (CoNLL F1), plus the singletons-removed variant and pairwise cross-document links. The same-lemma
baseline is scored in the same run.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from .linker import Document, EventLinker, Mention, lemma_baseline
from .metrics import b3, conll, drop_singletons, link_prf


@dataclass(frozen=True, slots=True)
class GoldCorpus:
    documents: tuple[Document, ...]
    gold: dict[str, str]  # mention id -> gold cluster
    topic: dict[str, str]  # doc id -> topic
    subtopic: dict[str, str]  # doc id -> subtopic


def looks_like_ecbplus(record: dict[str, Any]) -> bool:
    """True for a record of the ECB+ event-coreference format."""
    return isinstance(record, dict) and "event_mentions" in record and "coref_sentences" in record


def is_ecbplus_file(path: str | Path) -> bool:
    """Peek at the first record of a JSONL file."""
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    return looks_like_ecbplus(json.loads(line))
    except (OSError, ValueError):
        return False
    return False


def read_ecbplus(path: str | Path, *, checked_only: bool = True, limit: int | None = None) -> GoldCorpus:
    """Read an ECB+ JSONL file into linker Documents (gold mentions) and the gold clusters."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: no such file")
    docs: list[Document] = []
    gold: dict[str, str] = {}
    topic: dict[str, str] = {}
    subtopic: dict[str, str] = {}
    with p.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            if limit is not None and len(docs) >= limit:
                break
            try:
                r = json.loads(line)
            except ValueError as exc:
                raise InputError(f"{path}:{n}: not JSON ({exc})") from None
            if not looks_like_ecbplus(r):
                raise InputError(f"{path}:{n}: not an ECB+ record (needs event_mentions and coref_sentences)")
            text: str = r["text"]
            lines = text.split("\n")
            mentions = []
            for m in r["event_mentions"]:
                if checked_only and not m.get("in_coref_sentence"):
                    continue
                mid = f'{r["id"]}:{m["start"]}-{m["end"]}'
                gold[mid] = m["cluster"]
                si = m["sentence_index"]
                mentions.append(Mention(id=mid, doc_id=r["id"], start=m["start"], end=m["end"], trigger=m["text"],
                                        sentence_index=si, sentence=lines[si] if si < len(lines) else ""))
            body = "\n".join(lines[1:]) if r.get("url") else text  # the URL line is not article text
            docs.append(Document(id=r["id"], text=text, mentions=tuple(mentions), body=body))
            topic[r["id"]] = str(r.get("topic"))
            subtopic[r["id"]] = str(r.get("subtopic"))
    if not docs:
        raise InputError(f"{path}: no ECB+ records")
    return GoldCorpus(tuple(docs), gold, topic, subtopic)


def _clusters(assign: dict[str, str]) -> list[set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for m, c in assign.items():
        groups[c].add(m)
    return list(groups.values())


def score_assignment(corpus: GoldCorpus, assign: dict[str, str]) -> dict[str, Any]:
    """Score a mention -> cluster assignment against the gold clusters."""
    missing = set(corpus.gold) - set(assign)
    if missing:
        raise ValueError(f"{len(missing)} gold mentions have no predicted cluster")
    key, response = _clusters(corpus.gold), _clusters({m: assign[m] for m in corpus.gold})
    out = conll(key, response)
    nosing = conll(drop_singletons(key), drop_singletons(response))
    doc_of = lambda m: m.rsplit(":", 1)[0]  # noqa: E731
    out["without_singletons"] = nosing
    out["cross_doc_links"] = link_prf(key, response, doc_of).to_dict()
    out["mentions"] = len(corpus.gold)
    out["gold_clusters"] = len(key)
    out["predicted_clusters"] = len(response)
    return out


def evaluate_corpus(corpus: GoldCorpus, nlp=None, linker: EventLinker | None = None) -> dict[str, Any]:
    """Run the linker (documents in file order, incrementally) and the same-lemma baseline; score both."""
    from ..nlp import load_pipeline

    nlp = nlp or load_pipeline()
    linker = linker or EventLinker(nlp)
    parsed = dict(zip((d.id for d in corpus.documents), nlp.pipe(d.text for d in corpus.documents)))
    for doc in corpus.documents:
        linker.add(doc, parsed[doc.id])
    baseline = lemma_baseline(corpus.documents, nlp, parsed)
    stories: dict[str, set[str]] = defaultdict(set)
    subtopics: dict[str, set[str]] = defaultdict(set)
    for doc in corpus.documents:
        stories[linker.story_of(doc.id) or doc.id].add(doc.id)
        subtopics[corpus.subtopic[doc.id]].add(doc.id)
    return {
        "documents_b3_vs_subtopic": b3(subtopics.values(), stories.values()).to_dict(),
        "linker": score_assignment(corpus, linker.assignment()),
        "same_lemma_baseline": score_assignment(corpus, baseline),
        "documents": len(corpus.documents),
        "document_clusters": linker.story_count(),
        "settings": linker.settings(),
    }


def evaluate_file(path: str | Path, fmt: str = "table", nlp=None, limit: int | None = None) -> str:
    """Score the linker on an ECB+ file; returns the rendered table or JSON (keys muc, b3, ceafe, conll_f1)."""
    if fmt not in ("table", "json"):
        raise InputError(f"unknown --format {fmt!r}; choose table or json")
    result = evaluate_corpus(read_ecbplus(path, limit=limit), nlp)
    if fmt == "json":
        lk = result["linker"]
        obj = {k: lk[k] for k in ("muc", "b3", "ceafe", "conll_f1")}
        obj.update({k: v for k, v in lk.items() if k not in obj})
        obj["same_lemma_baseline"] = result["same_lemma_baseline"]
        obj["documents"] = result["documents"]
        obj["document_clusters"] = result["document_clusters"]
        obj["documents_b3_vs_subtopic"] = result["documents_b3_vs_subtopic"]
        return json.dumps(obj, indent=1)
    return to_table(result)


def to_table(result: dict[str, Any]) -> str:
    rows = [f"ECB+ event coreference: {result['linker']['mentions']} gold mentions, {result['documents']} documents, "
            f"topics not given ({result['document_clusters']} document clusters found)", "",
            f"{'system':<22}{'MUC F1':>8}{'B3 F1':>8}{'CEAF-e':>8}{'CoNLL':>8}   {'no-singl.':>9}  {'xdoc P/R/F1':>18}"]
    for name in ("same_lemma_baseline", "linker"):
        s = result[name]
        x = s["cross_doc_links"]
        rows.append(f"{name:<22}{s['muc']['f1']:>8.3f}{s['b3']['f1']:>8.3f}{s['ceafe']['f1']:>8.3f}"
                    f"{s['conll_f1']:>8.3f}   {s['without_singletons']['conll_f1']:>9.3f}  "
                    f"{x['precision']:.3f}/{x['recall']:.3f}/{x['f1']:.3f}")
    d = result["documents_b3_vs_subtopic"]
    rows.append("")
    rows.append(f"stories vs gold subtopics (same seminal event), document B3: P {d['precision']:.3f} "
                f"R {d['recall']:.3f} F1 {d['f1']:.3f}")
    return "\n".join(rows)
