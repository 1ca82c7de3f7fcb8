"""Parsing gold texts once: shared by the accuracy benchmarks that re-score many times (quotes, time)."""

from __future__ import annotations

from pathlib import Path


def parsed_docs(nlp, texts: list[str], cache: Path | None) -> list:
    """The parsed documents, read from / written to ``cache`` (a spaCy DocBin) when given.

    A cache whose texts differ from ``texts`` (another gold file, a changed cleaning step) is ignored and rewritten.
    """
    from spacy.tokens import DocBin

    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(texts) and all(d.text == t for d, t in zip(docs, texts)):
            return docs
    docs = list(nlp.pipe(texts))
    if cache is not None:
        DocBin(docs=docs, store_user_data=True).to_disk(cache)
    return docs
