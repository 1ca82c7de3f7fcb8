"""'they'/'them'/'their' and 'it'/'its' referring back to an actor within the article (issue #3).

A conservative, local rule on the parse, run after names, titles and plural descriptions are resolved:

- 'they'/'them'/'their' → the most recent plural or collective actor: a plural description ("the two
  leaders"), coordinated actors ("Russia and China"), a plural actor phrase ("Russian forces", "the rebels",
  "officials") or an organisation or armed group ("Hamas", "NATO").
- 'it'/'its' → the most recent singular organisation, institution ("the Russian government", "the army") or
  country mention ("Russia", "Moscow", "the Kremlin").

It stays unresolved when:

- 'it' is not referential: weather verbs ("it rained"), an extraposed clause ("it is expected that", "it
  seems that", "it is unclear whether", "it is important to"), clefts ("it was X that"), "make it clear that";
- the nearest sentence with a candidate holds two different candidates and not exactly one of them is a
  subject ("Russia and Turkey met; it ..." is ambiguous; "The US sanctioned Russia, and it ..." → the US);
- the nearest candidate is not an actor with a code (an unknown organisation "Gazprom said it ...");
- a noun of the same number that is not an actor stands between the candidate and the pronoun as a subject
  or object ("Russia rejected the plan, saying it was unfair": 'it' is the plan);
- the candidate is the subject of the verb whose object the pronoun is ("the rebels attacked them").

Only the current and the two previous sentences are searched.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..model import Actor
    from .resolver import Mentions

PLURAL_PRONOUNS = frozenset(("they", "them", "their"))
SINGULAR_PRONOUNS = frozenset(("it", "its"))
_ALL_PRONOUNS = PLURAL_PRONOUNS | SINGULAR_PRONOUNS
# Which resolved subject/object pronouns of one actor also go into ``Mentions.by_head`` (what the event extractor
# reads as arguments): "none", "earlier-sentence" (default: the antecedent is in an earlier sentence, "Russian
# forces shelled the town. They said ...") or "all". Not "all": measured on the events dev sets (docs/actors.md),
# within one sentence the extractor's own rule for "X said it/they would ..." (the speaker) does better than an
# argument it then codes again in the clause (extra and self-directed events: "announced it would ... deny entry
# to the United States" → USA → USA). Possessives ('its', 'their') and groups never go there: they mostly point
# back at the clause's own subject ("upgraded their ties" → CZE → CZE). All referents, whatever goes into
# ``by_head``, are in ``Mentions.referent``/``Mentions.group``.
BY_HEAD_PRONOUNS = "earlier-sentence"
_WINDOW = 2  # previous sentences searched besides the pronoun's own
_SUBJECTS = ("nsubj", "nsubjpass")
_CORE = ("nsubj", "nsubjpass", "dobj", "attr")
# how-prefixes of actors that are people or places: never the antecedent of 'it'/'they' (places are where
# something happens; people are 'he'/'she', groups of people come as plural descriptions)
_PEOPLE = ("dictionary:person", "dictionary:surname", "surname", "ner:person", "definite-description", "pronoun")
_PLACES = ("gazetteer", "region", "place")
_ORGANISATION_HOW = ("dictionary:igo", "dictionary:armed-group", "dictionary:actor", "dictionary:metonym", "ner:org")
_COUNTRY_HOW = ("dictionary:country", "dictionary:capital")
# singular nouns naming an institution (a role phrase headed by one is an 'it': "the Russian government said it")
INSTITUTIONS = frozenset((
    "government", "administration", "cabinet", "ministry", "army", "military", "navy", "police", "parliament",
    "legislature", "senate", "congress", "assembly", "council", "court", "agency", "party", "regime", "junta",
    "committee", "commission", "alliance", "coalition", "bloc", "union", "organisation", "organization", "group",
    "movement", "company", "firm", "bank", "embassy", "department", "office", "service", "force", "guard",
    "authority", "state", "kremlin", "presidency", "secretariat", "mission", "command", "leadership", "opposition"))
# 'it' before these (as subject of "be"/"become") is the dummy subject of an extraposed clause
_EXTRAPOSING_ADJ = frozenset((
    "important", "necessary", "possible", "impossible", "likely", "unlikely", "clear", "unclear", "difficult",
    "easy", "hard", "vital", "essential", "crucial", "true", "false", "obvious", "evident", "certain", "uncertain",
    "time", "imperative", "unacceptable", "acceptable", "right", "wrong", "better", "worth", "enough",
    "apparent", "doubtful", "probable", "improbable", "illegal", "legal", "natural", "strange", "surprising",
    "unfortunate", "fortunate", "good", "bad", "urgent", "critical", "appropriate", "inappropriate", "premature",
    "early", "late", "too", "first", "last", "one", "matter", "question", "shame", "pity", "mistake"))
_WEATHER = frozenset(("rain", "snow", "drizzle", "pour", "hail", "thunder", "freeze"))
_RAISING = frozenset(("seem", "appear", "happen", "transpire", "turn"))
_CLAUSES = ("ccomp", "csubj", "csubjpass")


def resolve_collective_pronouns(doc: Doc, mentions: Mentions, lower: list[str] | None = None) -> None:
    """Add resolved 'they'/'them'/'their' and 'it'/'its' to ``mentions.referents`` (and ``mentions.groups`` for a
    group, ``mentions.by_head`` as ``BY_HEAD_PRONOUNS`` says); see the module docstring for the rule. ``lower``:
    the doc's lower-cased words when the caller has them (saves building a Token per word)."""
    words = lower if lower is not None else [t.lower_ for t in doc]
    pronouns = [doc[i] for i, w in enumerate(words) if w in _ALL_PRONOUNS]
    pronouns = [t for t in pronouns if t.pos_ == "PRON" and t.i not in mentions.by_head]
    if not pronouns:
        return
    sent_of = {}
    for n, sent in enumerate(doc.sents):
        for t in sent:
            sent_of[t.i] = n
    for tok in pronouns:
        plural = tok.lower_ in PLURAL_PRONOUNS
        if not plural and is_pleonastic(tok):
            continue
        found = _antecedent(doc, tok, mentions, plural, sent_of)
        if found is None:
            continue
        k, actors, first = found
        here = [replace(a, text=tok.text, start=tok.idx, end=tok.idx + len(tok),
                        how="pronoun:" + ("plural" if plural else "it")) for a in actors]
        mentions.referents[tok.i] = here
        if len(here) > 1:
            mentions.groups[tok.i] = here
        elif tok.dep_ != "poss" and (BY_HEAD_PRONOUNS == "all" or BY_HEAD_PRONOUNS == "earlier-sentence"
                                     and sent_of[k] < sent_of[tok.i]):
            mentions.by_head[tok.i] = here[0]
        if tok.dep_ == "poss":
            _recode_owned_role(tok, mentions)


def is_pleonastic(tok: Token) -> bool:
    """'it' that refers to nothing: weather, raising verbs, extraposed clauses, clefts, 'make it clear that'."""
    if tok.lower_ != "it":
        return False
    head = tok.head
    kids = list(head.children)
    deps = {c.dep_ for c in kids}
    if tok.dep_ == "expl":
        return True
    if tok.dep_ in _SUBJECTS:
        if head.lemma_ in _WEATHER or head.lemma_ in _RAISING:
            return True
        if tok.dep_ == "nsubjpass" and deps & set(_CLAUSES):
            return True  # "it was reported that ...", "it is expected that ..."
        if head.lemma_ in ("be", "become", "remain", "look", "sound", "feel", "matter", "take"):
            if deps & set(_CLAUSES):
                return True  # "it is clear that", "it takes years before"
            for c in kids:
                if c.dep_ in ("acomp", "attr") and (c.lemma_.lower() in _EXTRAPOSING_ADJ or c.lower_ in _EXTRAPOSING_ADJ):
                    return True  # "it is important to", "it was the first time"
                if c.dep_ == "attr" and any(g.dep_ == "relcl" for g in c.children):
                    return True  # cleft: "it was Russia that ..."
    if tok.dep_ == "nsubj" and head.pos_ == "ADJ" and head.head.lemma_ in ("make", "find", "consider", "deem", "leave"):
        return True  # "made it clear that" parsed with 'it' as the adjective's subject
    if tok.dep_ == "dobj" and head.lemma_ in ("make", "find", "consider", "deem", "take", "leave"):
        if any(c.i > tok.i and c.dep_ in ("oprd", "ccomp", "xcomp", "acomp") for c in kids):
            return True  # "made it clear that", "found it difficult to"
    return False


def _antecedent(doc: Doc, tok: Token, mentions: Mentions, plural: bool,
                sent_of: dict[int, int]) -> tuple[int, list[Actor], Actor] | None:
    """(the antecedent's head index, its actors, the one for ``by_head``) the pronoun refers to, or None when there is none or it is ambiguous."""
    here = sent_of[tok.i]
    cands: list[tuple[int, list[Actor], Actor | None]] = []  # (head index, actors, one actor or None if uncoded)
    seen: set[int] = set()
    for k in sorted(mentions.by_head, reverse=True):
        if k >= tok.i:
            continue
        if sent_of.get(k, -1) < here - _WINDOW:
            break
        if k in seen or _bound(tok, doc[k]):
            continue
        cand = _candidate(doc, k, mentions, plural)
        if cand is None:
            if not cands and _competes(doc, k, mentions, plural):
                return None  # a nearer actor of the other number: "The US said they ..." is not about NATO before
            continue
        actors, first = cand
        seen.update(c.i for c in doc[k].conjuncts)
        cands.append((k, actors, first))
    if not cands:
        return None
    nearest_sent = sent_of[cands[0][0]]
    same = [c for c in cands if sent_of[c[0]] == nearest_sent]
    keys = {_key(c) for c in same}
    if len(keys) > 1:
        subjects = [c for c in same if doc[c[0]].dep_ in _SUBJECTS]
        if len({_key(c) for c in subjects}) != 1:
            return None  # two candidates, neither (or both) the subject: ambiguous
        same = subjects
    k, actors, first = same[0]
    if first is None or _blocked(doc, k, tok, plural, mentions):
        return None
    return k, actors, first


def _key(cand: tuple[int, list[Actor], Actor | None]) -> tuple:
    _, actors, first = cand
    if first is None:
        return ("uncoded", cand[0])
    return tuple(a.entity_id or a.code for a in actors)


def _candidate(doc: Doc, k: int, mentions: Mentions, plural: bool) -> tuple[list[Actor], Actor | None] | None:
    """What the mention headed at ``k`` offers to a plural or singular pronoun, or None if it does not fit."""
    actor = mentions.by_head[k]
    tok = doc[k]
    how = actor.how
    if how.startswith(_PLACES) or (tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "near", "inside", "outside",
                                                                               "across", "around", "within", "into")):
        return None  # "in Sochi", "in Russia": where something happens
    if tok.dep_ in ("poss", "compound", "amod") and tok.head.i in mentions.by_head:
        return None  # "Ukraine's army": the phrase's own head answers
    group = mentions.groups.get(k)
    if how.startswith("ner:org") and not actor.code and not group:
        return [actor], None  # an organisation the dictionaries do not know: it competes, but cannot be coded
    named = how.startswith(_COUNTRY_HOW + _ORGANISATION_HOW)  # "the United States", "United Nations": NNPS heads
    if plural:
        if group:
            return group, actor
        conj = [mentions.by_head[c.i] for c in [tok, *tok.conjuncts]
                if c.i in mentions.by_head and mentions.by_head[c.i].code] if tok.conjuncts else []
        if len(conj) > 1 and tok.dep_ != "conj":
            return conj, conj[0]
        if tok.conjuncts or how.startswith(_PEOPLE + _COUNTRY_HOW):
            return None
        if how.startswith(("dictionary:armed-group", "dictionary:igo")) or (tok.tag_ in ("NNS", "NNPS") and not named):
            return [actor], actor if actor.code else None
        return None
    if group or tok.tag_ == "NNS" or (tok.tag_ == "NNPS" and not named) or how.startswith(_PEOPLE) or tok.conjuncts:
        return None
    if named or tok.lemma_.lower() in INSTITUTIONS:
        return ([actor], actor) if actor.code else None
    return None


def _competes(doc: Doc, k: int, mentions: Mentions, plural: bool) -> bool:
    """A nearer actor that does not fit the pronoun's number but makes an earlier candidate doubtful: a country
    for 'they'; coordinated actors, a plural description or a plural actor noun ("the rebels") for 'it'."""
    tok, actor = doc[k], mentions.by_head[k]
    if not actor.code or actor.how.startswith(_PLACES) or tok.dep_ in ("poss", "compound", "amod"):
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "near", "inside", "outside", "across", "around",
                                                   "within", "into"):
        return False
    if plural:
        return actor.how.startswith(_COUNTRY_HOW) and not tok.conjuncts  # "A and B": a group, seen at A
    return k in mentions.groups or any(c.i in mentions.by_head for c in tok.conjuncts) or tok.tag_ == "NNS"


def _bound(pron: Token, cand: Token) -> bool:
    """The candidate is the subject of the verb whose object the pronoun is ("the rebels attacked them")."""
    return pron.dep_ in ("dobj", "dative") and cand.dep_ in _SUBJECTS and cand.head.i == pron.head.i


def _blocked(doc: Doc, k: int, pron: Token, plural: bool, mentions: Mentions) -> bool:
    """A subject or object noun of the pronoun's number that is not an actor stands between the candidate
    and the pronoun ("Russia rejected the plan, saying it ..."): the pronoun may well be that noun."""
    tags = ("NNS", "NNPS") if plural else ("NN", "NNP")
    for t in doc[k + 1:pron.i]:
        if t.dep_ not in _CORE or t.tag_ not in tags or t.pos_ not in ("NOUN", "PROPN"):
            continue
        if t.i in mentions.by_head or t.ent_type_ in ("DATE", "TIME", "PERSON"):
            continue
        if t.pos_ == "PRON":
            continue
        return True
    return False


def _recode_owned_role(pron: Token, mentions: Mentions) -> None:
    """'its forces' → the country 'its' refers to, with the role's sector (the role pass guessed from the last
    country before it)."""
    owner = (mentions.referents.get(pron.i) or [None])[0]
    owned = mentions.by_head.get(pron.head.i)
    if owner is None or owned is None or not owner.country or not owned.how.startswith("role") or not owned.sector:
        return
    if pron.i in mentions.groups or owned.country == owner.country:
        return
    mentions.by_head[pron.head.i] = replace(owned, code=owner.country + owned.sector, country=owner.country,
                                            how="role+pronoun-owner")
