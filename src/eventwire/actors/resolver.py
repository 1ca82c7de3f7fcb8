"""Finding and resolving actor mentions in a parsed article.

A mention is anchored on the head token of its noun phrase ("Russian President
Vladimir Putin" → Putin, "Ukraine's army" → army). Dictionary matches win over
spaCy's NER where they conflict; NER PERSON/ORG spans without a dictionary entry
are kept as actors with the country and sector their noun phrase gives them.
Surnames of people met earlier in the article resolve to the same actor.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..model import Actor
from .dictionary import ActorDictionary, Entry, default_dictionary, sector_words

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

# Dependency labels that attach a modifier inside the same noun phrase.
_NP_INTERNAL = {"compound", "amod", "poss", "flat", "nmod", "nummod", "det", "case", "appos"}
_CASE_SENSITIVE_MAX = 4  # aliases this short and all-caps ("US", "UN") must match case exactly


@dataclass
class Mentions:
    """Actor mentions of one doc, keyed by the head token index of each noun phrase."""

    by_head: dict[int, Actor] = field(default_factory=dict)
    spans: list[tuple[int, int, Entry]] = field(default_factory=list)

    def get(self, token: "Token") -> Actor | None:
        return self.by_head.get(token.i)


def _is_role(token: "Token") -> bool:
    words = sector_words()
    return token.pos_ in ("NOUN", "PROPN") and (token.lower_ in words or token.lemma_.lower() in words)


class ActorResolver:
    """Resolves the actors of a doc on the article's date."""

    def __init__(self, nlp: "Language", dictionary: ActorDictionary | None = None) -> None:
        from spacy.matcher import PhraseMatcher

        self.dictionary = dictionary or default_dictionary()
        self.sectors = sector_words()
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        aliases = self.dictionary.aliases
        self._matcher.add("ACTOR", list(nlp.tokenizer.pipe(aliases)))

    # ---- dictionary matches -------------------------------------------------
    def dictionary_spans(self, doc: "Doc", date: dt.date | None) -> list[tuple[int, int, Entry]]:
        found = []
        for _, start, end in self._matcher(doc):
            span = doc[start:end]
            entry = self.dictionary.lookup(span.text, date)
            if entry is None:
                continue
            alias = entry.alias
            if len(alias.replace(".", "")) <= _CASE_SENSITIVE_MAX and alias.isupper() and span.text != alias:
                continue  # "us" is not "US"
            found.append((start, end, entry))
        # Longest match wins; earlier wins on ties.
        found.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
        taken: set[int] = set()
        kept = []
        for start, end, entry in found:
            if taken.isdisjoint(range(start, end)):
                kept.append((start, end, entry))
                taken.update(range(start, end))
        return sorted(kept, key=lambda m: m[0])

    # ---- noun phrases -------------------------------------------------------
    @staticmethod
    def np_head(token: "Token") -> "Token":
        """Climb from a modifier to the head noun of its phrase ('Ukraine' in "Ukraine's army" → army)."""
        # Climb into name parts ("Vladimir" → Putin) and role nouns ("Ukraine's army", "Kremlin spokesman"),
        # but not into event nouns: "Ukraine's call" keeps Ukraine as its own mention (the caller).
        while (token.dep_ in _NP_INTERNAL and token.head.i != token.i
               and (token.head.pos_ == "PROPN" or _is_role(token.head))):
            token = token.head
        # "the president of France": France → of → president
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in ("NOUN", "PROPN"):
            head = token.head.head
            if head.lower_ in sector_words() or head.lemma_.lower() in sector_words():
                return ActorResolver.np_head(head)
        return token

    def sector_of(self, head: "Token") -> str | None:
        """Sector from the phrase's role nouns: head noun first, then compounds ('Kremlin spokesman')."""
        words = [head] + [t for t in head.subtree if t.i < head.i and t.dep_ in ("compound", "amod")]
        for t in words:
            for key in (t.lower_, t.lemma_.lower()):
                if key in self.sectors:
                    return self.sectors[key]
        # two-word titles: "prime minister", "foreign minister"
        for t in words:
            if t.i > 0:
                pair = f"{t.doc[t.i - 1].lower_} {t.lower_}"
                if pair in self.sectors:
                    return self.sectors[pair]
        return None

    # ---- resolution ---------------------------------------------------------
    def resolve(self, doc: "Doc", date: dt.date | None) -> Mentions:
        mentions = Mentions()
        spans = self.dictionary_spans(doc, date)
        mentions.spans = spans
        covered = {i for s, e, _ in spans for i in range(s, e)}
        groups: dict[int, list[tuple["Span", Entry | None]]] = {}
        for start, end, entry in spans:
            span = doc[start:end]
            groups.setdefault(self.np_head(span.root).i, []).append((span, entry))
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "ORG", "NORP", "GPE") and covered.isdisjoint(range(ent.start, ent.end)):
                groups.setdefault(self.np_head(ent.root).i, []).append((ent, None))
        for head_i in sorted(groups):
            actor = self._actor_for(doc[head_i], groups[head_i])
            if actor is not None:
                mentions.by_head[head_i] = actor
        self._bare_role_nouns(doc, mentions)
        return mentions

    def _actor_for(self, head: "Token", parts: list[tuple["Span", Entry | None]]) -> Actor | None:
        doc = head.doc
        left = min([p[0].start for p in parts] + [t.i for t in head.subtree if t.dep_ in _NP_INTERNAL and t.i < head.i]
                   + [head.i])
        phrase = doc[left:head.i + 1]
        text = phrase.text
        if phrase[0].lower_ in ("the", "a", "an") and len(phrase) > 1:
            phrase = phrase[1:]
            text = phrase.text
        entries = [e for _, e in parts if e is not None]
        people = [e for e in entries if e.kind in ("person", "armed-group", "igo", "metonym", "actor")]
        if people:
            e = people[-1]
            return self._make(e.code, text, e.name, phrase, f"dictionary:{e.kind}")
        countries = [e for e in entries if e.kind in ("country", "adjective", "capital")]
        sector = self.sector_of(head)
        if countries:
            country = countries[0].country
            code = country + (sector or "")
            return self._make(code, text, countries[0].name, phrase,
                              "dictionary:" + countries[0].kind + ("+role" if sector else ""))
        # NER-only mention: a person known from earlier in the article, or an unknown actor
        ner = [s for s, e in parts if e is None]
        if not ner:
            return None
        span = ner[-1]
        if span.label_ == "PERSON":
            return self._make(None, text, span.text, phrase, "ner:person")
        if span.label_ == "ORG":
            return self._make(None, text, span.text, phrase, "ner:org")
        return None

    @staticmethod
    def _make(code: str | None, text: str, name: str, phrase: "Span", how: str) -> Actor:
        from .codes import split_code

        country, sector = split_code(code) if code else (None, None)
        return Actor(code=code, text=text, country=country, sector=sector, name=name,
                     start=phrase.start_char, end=phrase.end_char, how=how)

    def _bare_role_nouns(self, doc: "Doc", mentions: Mentions) -> None:
        """People-typed surnames seen later ('Putin' after 'Vladimir Putin')."""
        surnames: dict[str, Actor] = {}
        for head_i in sorted(mentions.by_head):
            actor = mentions.by_head[head_i]
            if actor.how == "dictionary:person" and actor.name:
                surnames[actor.name.split()[-1].lower()] = actor
        if not surnames:
            return
        for tok in doc:
            if tok.pos_ not in ("PROPN", "NOUN"):
                continue
            prior = surnames.get(tok.lower_)
            if prior is None:
                continue
            head = self.np_head(tok)
            if head.i in mentions.by_head and mentions.by_head[head.i].code:
                continue
            mentions.by_head[head.i] = replace(prior, text=tok.text, start=tok.idx, end=tok.idx + len(tok),
                                               how="surname")
