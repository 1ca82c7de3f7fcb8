"""Speed-ups of the spaCy pipeline that leave its output exactly unchanged.

``CachedAttributeRuler`` replaces spaCy's ``attribute_ruler`` (tag → POS, morphology
and lemma exceptions), which costs about 10% of eventwire's time because it runs a
179-pattern Matcher and sets attributes token by token in Python. For a pattern of
one token, the result depends only on the token's ORTH, TAG and DEP, so it is
memoised per (ORTH, TAG, DEP): a token seen before gets the stored result, new
tokens are run through the real ruler in one small Doc. A doc where one of the few
multi-token patterns ("there is", "gon na", "let 's") matches goes through the real
ruler whole. If the ruler's patterns use anything else (a custom pipeline), nothing
is replaced. ``tests/test_batch_pipeline_speed.py`` checks the output is identical.

The pipeline's rule lemmatizer comes next and costs about as much again. Its lemma is a function of the
token's text, POS and morphology, so of the same key: the cache also stores the lemma the lemmatizer gives,
and the real lemmatizer, which leaves tokens that already have a lemma alone (``overwrite=False``), then
has nothing left to do. Done only when the lemmatizer is a "rule" or "lookup" lemmatizer that does not
overwrite.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Token attributes whose value is a function of the token's (ORTH, TAG, DEP).
_TOKEN_KEYS = {"TAG", "LOWER", "ORTH", "TEXT", "DEP", "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "LENGTH"}
MAX_CACHE = 1_000_000


class CachedAttributeRuler:
    """Same output as the wrapped AttributeRuler, memoised per (ORTH, TAG, DEP)."""

    def __init__(self, ruler: Any, vocab: Any, lemmatizer: Any = None) -> None:
        from spacy.matcher import Matcher

        self.ruler = ruler
        self.lemmatizer = lemmatizer  # its lemmas are cached too (see the module docstring)
        self.vocab = vocab
        self.cache: dict[tuple[int, int, int], tuple[int, int, int, int, int]] = {}
        self.multi = Matcher(vocab)
        for i, p in enumerate(ruler.patterns):
            for pattern in p["patterns"]:
                if len(pattern) > 1:
                    self.multi.add(f"multi{i}", [pattern])
        self.hits = self.misses = self.fallbacks = 0

    @staticmethod
    def supports(ruler: Any) -> bool:
        """True if every pattern only looks at attributes the cache key determines."""
        try:
            return all(isinstance(tok, dict) and set(tok) <= _TOKEN_KEYS
                       for p in ruler.patterns for pattern in p["patterns"] for tok in pattern)
        except (AttributeError, TypeError, KeyError):
            return False

    def __call__(self, doc: "Doc") -> "Doc":
        if self.multi(doc):
            self.fallbacks += 1
            return self.ruler(doc)
        keys = [(t.orth, t.tag, t.dep) for t in doc]
        missing = {k for k in keys if k not in self.cache}
        if missing:
            self._learn(sorted(missing))
        cache = self.cache
        for tok, key in zip(doc, keys):
            tag, dep, pos, morph, lemma = cache[key]
            if tag != key[1]:
                tok.tag = tag
            if dep != key[2]:
                tok.dep = dep
            tok.pos = pos
            if morph:
                tok.set_morph(morph)
            if lemma:
                tok.lemma = lemma
        self.hits += len(keys) - len(missing)
        self.misses += len(missing)
        return doc

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)

    def _learn(self, keys: list[tuple[int, int, int]]) -> None:
        """Run the real ruler on a Doc of the new tokens, one per sentence, and remember the results."""
        from spacy.tokens import Doc

        if len(self.cache) > MAX_CACHE:
            self.cache.clear()
        strings = self.vocab.strings
        mini = Doc(self.vocab, words=[strings[o] for o, _, _ in keys], spaces=[True] * len(keys),
                   sent_starts=[True] * len(keys))
        for tok, (_, tag, dep) in zip(mini, keys):
            tok.tag = tag
            tok.dep = dep
        if self.multi(mini):  # two new tokens that together match a multi-token pattern: learn one by one
            for key in keys:
                self._learn([key]) if len(keys) > 1 else self._store(key, self._annotate(mini)[0])
            return
        mini = self._annotate(mini)
        for tok, key in zip(mini, keys):
            self._store(key, tok)

    def _annotate(self, doc: "Doc") -> "Doc":
        doc = self.ruler(doc)
        return self.lemmatizer(doc) if self.lemmatizer is not None else doc

    def _store(self, key: tuple[int, int, int], tok: Any) -> None:
        self.cache[key] = (tok.tag, tok.dep, tok.pos, tok.morph.key, tok.lemma)

    # Delegate the rest (name, patterns, to_disk, ...) to the real ruler.
    def __getattr__(self, name: str) -> Any:
        return getattr(self.ruler, name)


def speed_up(nlp: "Language") -> "Language":
    """Swap the pipeline's attribute_ruler for the cached one, in place, when that is exact."""
    if "attribute_ruler" not in nlp.pipe_names:
        return nlp
    ruler = nlp.get_pipe("attribute_ruler")
    if isinstance(ruler, CachedAttributeRuler) or not CachedAttributeRuler.supports(ruler):
        return nlp
    cached = CachedAttributeRuler(ruler, nlp.vocab, _cacheable_lemmatizer(nlp))
    index = nlp.component_names.index("attribute_ruler")  # counts disabled components too
    nlp._components[index] = ("attribute_ruler", cached)  # same name, same position
    nlp._link_components()
    return nlp


def _cacheable_lemmatizer(nlp: "Language") -> Any:
    """The lemmatizer right after the attribute_ruler, if its lemmas can be cached with the ruler's output."""
    names = nlp.pipe_names
    if "lemmatizer" not in names or names.index("lemmatizer") != names.index("attribute_ruler") + 1:
        return None
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) not in ("rule", "lookup") or getattr(lemmatizer, "overwrite", True):
        return None
    return lemmatizer
