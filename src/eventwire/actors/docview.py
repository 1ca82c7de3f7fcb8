"""Token attributes of one parsed doc as plain lists, read in one call.

spaCy builds a new ``Token`` object on every ``doc[i]``, iteration, ``.head`` and ``.children``, and each string
attribute is a property call. The resolver walks each doc several times (dictionary matches, noun phrases, role
nouns, surnames, pronouns), so ``ActorResolver.resolve`` builds one view per doc: the attribute ids come out of
``Doc.to_array`` in one call and are turned into strings through a memo shared by all docs of a vocabulary.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc


class StringMemo:
    """id → string (and id → lower-cased string) of one vocabulary's StringStore, memoised."""

    def __init__(self, strings: StringStore) -> None:
        self.strings = strings
        self.text: dict[int, str] = {}
        self.lowered: dict[int, str] = {}

    def words(self, ids: list[int]) -> list[str]:
        memo = self.text
        try:
            return [memo[h] for h in ids]
        except KeyError:
            for h in ids:
                if h not in memo:
                    memo[h] = self.strings[h] if h else ""
            return [memo[h] for h in ids]

    def lower_words(self, ids: list[int]) -> list[str]:
        memo = self.lowered
        try:
            return [memo[h] for h in ids]
        except KeyError:
            for h in ids:
                if h not in memo:
                    memo[h] = (self.strings[h] if h else "").lower()
            return [memo[h] for h in ids]


class DocView:
    """Per-token lists of one doc: ``text``, ``lower``, ``lemma`` (lower-cased), ``pos``, ``dep``, ``heads`` (index
    of each token's head), ``kids`` (indices of each token's children, in order), ``is_punct``, ``is_bracket``, ``space`` (whitespace
    after the token) and ``ents`` (the doc's entity spans)."""

    __slots__ = ("doc", "text", "lower", "lemma", "pos", "dep", "heads", "kids", "is_punct", "is_bracket", "space",
                 "ents")

    def __init__(self, doc: Doc, memo: StringMemo) -> None:
        import numpy
        from spacy.attrs import DEP, HEAD, IS_BRACKET, IS_PUNCT, LEMMA, LOWER, ORTH, POS, SPACY

        self.doc = doc
        n = len(doc)
        if n:
            cols = doc.to_array([ORTH, LOWER, LEMMA, POS, DEP, IS_PUNCT, IS_BRACKET, SPACY])
            orth, lower, lemma, pos, dep = cols[:, :5].T.tolist()
            punct, bracket, space = cols[:, 5:].astype(bool).T.tolist()
            # HEAD holds each head's offset from the token, stored unsigned
            heads = (doc.to_array(HEAD).astype("int64") + numpy.arange(n)).tolist()
        else:
            orth = lower = lemma = pos = dep = punct = bracket = space = heads = []
        self.text = memo.words(orth)
        self.lower = memo.words(lower)
        self.lemma = memo.lower_words(lemma)
        self.pos = memo.words(pos)
        self.dep = memo.words(dep)
        self.is_punct, self.is_bracket, self.space = punct, bracket, space
        self.ents = list(doc.ents)
        self.heads = heads
        kids: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(self.heads):
            if h != i:
                kids[h].append(i)
        self.kids = kids
