"""An optional prefilter: blank out sentences that have no actor word and no event word before parsing.

A sentence can only yield an event if it contains a trigger from the event lexicon,
and it matters to the rest of the article only if it names an actor (a later
surname or pronoun may refer back to it). Sentences with neither are replaced by
spaces of the same length, so every character offset into the article is kept and
spaCy turns the gap into a single whitespace token (almost free to parse).

Off by default (``--prefilter``): its cost in recall and its gain in speed are
measured by ``benchmarks/speed.py --prefilter`` and recorded in docs/batch.md.
The split is a cheap regular expression, not spaCy's parser, so it is approximate.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..model import Article

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'\u201d\u2019)]*|\n|$)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019.-]*")
_STOP = {"the", "of", "and", "for", "in", "on", "at", "to", "a", "an", "al", "el", "de", "la", "le", "du", "van"}


def _inflections(lemma: str) -> set[str]:
    w = lemma.lower()
    forms = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing", w + "er", w + "ers"}
    if w.endswith("e"):
        forms |= {w[:-1] + "ing", w[:-1] + "ion", w[:-1] + "ions"}
    if w.endswith("y"):
        forms |= {w[:-1] + "ied", w[:-1] + "ies"}
    if len(w) >= 3 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return forms


class Prefilter:
    """Decides per sentence: keep (actor or event word present) or blank."""

    def __init__(self, event_words: set[str], actor_words: set[str], names: set[str]) -> None:
        self.words = frozenset(event_words | actor_words)  # matched lower-cased
        self.names = frozenset(names)  # proper-name tokens of actor aliases, matched as written

    def keep(self, sentence: str) -> bool:
        for w in _WORD.findall(sentence):
            w = w.rstrip(".")
            if w in self.names or w.lower() in self.words:
                return True
        return False

    def apply(self, article: Article) -> Article:
        """The article with every sentence that has neither kind of word replaced by spaces."""
        text = article.text
        out, changed = [], False
        for m in _SENTENCE.finditer(text):
            s = m.group(0)
            if s.strip() and not self.keep(s):
                out.append((m.start(), m.end()))
                changed = True
        if not changed:
            return article
        chars = list(text)
        for start, end in out:
            chars[start:end] = [c if c == "\n" else " " for c in text[start:end]]
        return replace(article, text="".join(chars))


@lru_cache(maxsize=1)
def default_prefilter() -> Prefilter:
    """The prefilter for the shipped lexicon, dictionaries and the pipeline's lemma exceptions."""
    from ..actors.dictionary import default_dictionary, sector_words
    from ..events.lexicon import LEXICON_FILES, read_patterns
    from ..nlp import load_pipeline

    lemmas = {w.lower() for name, origin in LEXICON_FILES for p in read_patterns(name, origin)
              for w in p.lemma.split()}
    event_words: set[str] = set()
    for lemma in lemmas:
        event_words |= _inflections(lemma)
    try:  # irregular forms ("said", "met", "fought") from the pipeline's own lemmatizer tables
        exc = load_pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_exc")
        for pos in ("verb", "noun"):
            for form, targets in exc.get(pos, {}).items():
                if any(t in lemmas for t in targets):
                    event_words.add(form.lower())
    except (KeyError, ValueError):
        pass
    names = {w for alias in default_dictionary().aliases for w in _WORD.findall(alias) if w[0].isupper()}
    actor_words = {w.lower() for word in sector_words() for w in word.split()}
    return Prefilter(event_words, actor_words - _STOP, names - {w.capitalize() for w in _STOP})
