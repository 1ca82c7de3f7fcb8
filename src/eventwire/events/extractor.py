"""Event candidates from a parsed sentence: predicate, source, target, code, modality.

Dependency-parse based. For each verb or event noun that the lexicon knows, the
source comes from the subject (or the passive agent, or the controlling verb's
subject for "wants to meet"), the target from the object, the pattern's
preposition, "with X", or the passive subject. Coordination yields one event per
actor ("A and B met" → A→B and B→A).
"""

from __future__ import annotations

import csv
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import numpy as np

from ..actors.codes import is_state_country
from ..actors.reflexives import self_directed
from ..actors.resolver import Mentions
from ..model import Actor
from .background import time_anchor
from .consequences import toll_of_attack
from .coordination import listed_appositions, one_sided, split_list
from .inference import country_only_from_target
from .lexicon import Lexicon, Pattern, default_lexicon, synsets, word_fits
from .name_lists import subject_list
from .negation import refusals
from .negative_subjects import negative_subject
from .fronting import fronted_subject, is_fronted
from .implied import implied_doer, needs_no_recipient
from .distributive import each_own_pairs
from .modifiers import coordinated_members, phrase_actor
from .partitives import partitive_of
from .reciprocity import object_not_in_pattern, shared_object, target_preposition_present
from .passives import launched_from, reduced_relative, shared_passive_subject
from .places_as_source import PLACE_SOURCE_ROOTS, place_source
from .passives import temporal as _temporal
from .redundancy import already_coded, names_complement_verb
from .relevance import political_statements
from .senses import actor_senses
from .speaker_objects import pronoun_object
from .statements import attitude_pattern, message_addressee, statement_speaker, statement_topic
from .threats import threat_code
from .transformations import claimed_target, transformed
from .unknown import unknown_object, unknown_target

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SPEECH_VERBS = {"say", "tell", "announce", "state", "add", "note", "claim", "report", "insist", "stress", "warn",
                "write", "declare", "confirm", "deny", "argue", "explain", "suggest", "indicate", "acknowledge",
                "quote", "admit"}
# Neutral reporting verbs: what they report never names their addressee (a warning's or a claim's clause may).
REPORTING_VERBS = {"say", "report", "add", "note", "state"}
INTENT_HEADS = {"want", "plan", "intend", "hope", "seek", "agree", "prepare", "aim", "offer", "promise", "pledge",
                "expect", "try", "wish", "vow", "propose", "ready", "willing", "prepared", "set", "arrange", "schedule"}
DEMAND_HEADS = {"demand", "urge", "call", "insist", "ask", "press", "push", "request", "appeal"}
HYPOTHETICAL_AUX = {"could", "would", "might", "may", "should"}
# Statements that are events only with an addressee (or when statements are coded): the bare "X said" (010). The
# specific ones (011 decline comment, 012 pessimism, 013 optimism, 014 consider, 015 acknowledge, 016 deny, 017,
# 018 sympathy, 019 accord) say what kind of statement it was and are events without one.
UNADDRESSED = ("010",)
SPECIFIC_STATEMENTS = ("011", "012", "013", "014", "015", "016", "017", "018", "019")
# Verbs whose object event did not (or not yet) take place: "cancelled the meeting", "postponed a visit".
CANCEL_HEADS = {"cancel", "postpone", "delay", "scrap", "shelve", "abandon", "defer", "suspend", "scuttle"}
# "unable to arrest", "failed to stop": the act was not done ("not able to" is read through the negation of "able").
INABILITY_HEADS = {"unable", "fail"}
# "the law allows the police to arrest anyone": a permission, not the act itself.
PERMISSION_HEADS = {"allow", "permit", "authorize", "authorise", "empower", "enable", "entitle"}
FUTURE_AUX = {"will", "shall", "'ll"}
TARGET_PREPS = ("with", "against", "on", "to", "toward", "towards", "at", "from", "for", "into", "upon", "between")
# Verbs whose subject is also the agent of their event-noun object ("imposed sanctions", "held talks");
# for other verbs ("rejected the demand") the noun's agent is someone else.
LIGHT_VERBS = {"make", "issue", "impose", "hold", "have", "announce", "launch", "conduct", "carry", "stage", "renew",
               "extend", "repeat", "reiterate", "put", "level", "file", "deliver", "send", "lodge", "express",
               "escalate", "tighten", "expand", "slap", "approve", "adopt", "introduce", "unveil", "begin", "start",
               "continue", "resume", "open", "host", "pay", "mount", "wage", "step", "be",
               "undertake", "organize", "organise", "lead", "speed", "accelerate", "complete", "reimpose"}
# Time-like PPs never give a guessed target (places do: PLOVER codes the country where it happened).
LOCATIVE_PREPS = {"during", "throughout"}
# "X said/declared/insisted that Y must ...": a demand.
OBLIGATION_VERBS = {"declare", "announce", "insist", "stress", "say", "tell", "warn", "write", "state", "add"}
OBLIGATION_AUX = {"must", "should"}
# Roots whose complement clause is their content, not a separate event (demand, reject, threaten, appeal).
CONTENT_ROOTS = {"02", "10", "12", "13"}
# Passive forms whose subject acts ("were engaged in ethnic cleansing"): lemma → the preposition of the act.
STATIVE_PASSIVES = {"engage": "in", "involve": "in", "oppose": "to"}
# Taking part in a nominal event ("gathered for a rally", "joined the strike"): the verb's subject does it.
GATHERING_VERBS = {"gather", "converge", "assemble", "participate", "join", "flock", "mass", "march", "turn"}
GATHERING_PREPS = {"for", "in", "at"}
# Event types that, with no target in the text, are coded against the source's own country (statements too:
# "Obama expressed sorrow for the shootings" → USAGOV→USA, as PETRARCH codes them).
DOMESTIC_ROOTS = {"01", "08", "09", "10", "14", "15", "17", "18", "19", "20"}
VIOLENT_ROOTS = {"18", "19", "20"}
# Acts done to no one: a resignation (0831) leaves an office; it gets no domestic default target (PLOVER RETREAT,
# mode resign, "Requires recipient: No").
NO_RECIPIENT = ("0831",)
# Reactions to someone else's act: with "X's act" or "act by X" as object, X is the target ("condemned an attack
# by X"): approve/praise, investigate, demand, disapprove, reject.
RESPONSE_ROOTS = {"05", "09", "10", "11", "12"}
# Verbs whose object is the subject of their infinitive ("urged Kyiv to withdraw"); elsewhere the infinitive is a
# purpose ("summoned the ambassador to complain": the summoner complains).
OBJECT_CONTROL = {"urge", "ask", "force", "persuade", "order", "tell", "allow", "invite", "encourage", "call", "press",
                  "compel", "convince", "require", "request", "help", "enable", "permit", "pressure", "push", "warn",
                  "advise", "instruct", "authorize", "authorise", "oblige", "get", "lead", "cause", "expect", "want",
                  "need", "prompt", "inspire", "challenge", "appeal", "beg", "implore", "empower", "mandate"}
# Objects that hold between the coordinated subjects themselves ("A and B renewed ties").
RELATIONAL_OBJECTS = {"tie", "relation", "relationship", "talk", "agreement", "accord", "deal", "treaty", "pact",
                      "cooperation", "contact", "dialogue", "negotiation", "partnership", "alliance", "truce",
                      "ceasefire", "exchange", "link", "meeting", "summit", "consultation"}
# "A and B agreed to ...": the controlled event is a joint one.
JOINT_HEADS = {"agree", "decide", "arrange"}
INTENT_CODE = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}


@dataclass
class Candidate:
    """An event found in one sentence, before dates, places and attribution are added."""

    trigger: "Token"
    pattern: Pattern
    source: Actor | None
    target: Actor | None
    cameo: str
    modality: str = "asserted"
    negated: bool = False
    attributed_to: Actor | None = None
    evidence: dict[str, Any] = field(default_factory=dict)


@lru_cache(maxsize=1)
def refinements() -> dict[str, list[tuple[str, str]]]:
    text = (resources.files("eventwire") / "data" / "lexicon" / "refine.tsv").read_text(encoding="utf-8")
    table: dict[str, list[tuple[str, str]]] = {}
    for row in csv.DictReader(text.splitlines(), delimiter="\t"):
        table.setdefault(row["root"], []).append((row["keyword"], row["cameo"]))
    return table


class EventExtractor:
    """Finds event candidates in sentences, given the doc's actor mentions."""

    def __init__(self, lexicon: Lexicon | None = None, code_statements: bool = False,
                 infer_countries: bool = True, require_source: bool = True, unknown_targets: bool = False,
                 announced_threats: bool = True, implied_agents: bool = False) -> None:
        self.lexicon = lexicon or default_lexicon()
        # "fifty people were arrested": an arrest by police of unknown country (events/implied.py); off by default
        self.implied_agents = implied_agents
        self.unknown_targets = unknown_targets  # a patient no dictionary knows is an actor of unknown country
        self.require_source = require_source
        self.code_statements = code_statements
        self.infer_countries = infer_countries
        # "will impose sanctions" → a threat (events/threats.py); off for PETRARCH's own suites, which code the act
        self.announced_threats = announced_threats
        # (kind, lemma hash, form hash) → has lexicon patterns; cleared when the lexicon is replaced
        self._key_cache: dict[tuple[str, int, int], bool] = {}
        self._cache_lexicon: Lexicon | None = None
        self._index_cache: dict[tuple[str, str], _PatternIndex] = {}
        self._speech_cache: dict[int, bool] = {}  # lemma hash → speech/obligation verb
        self._masks: tuple[Any, Any, tuple[list[int], list[int]]] = (None, None, ([], []))  # doc, lexicon, index

    # ---- pattern matching ---------------------------------------------------
    def match(self, tok: "Token") -> Pattern | None:
        """The most specific lexicon pattern that fits the token and its dependents (may be a blocking one)."""
        pos = tok.pos_
        if pos == "VERB" or (pos == "AUX" and tok.dep_ == "ROOT"):
            keys: tuple[tuple[str, str], ...] = ((tok.lemma_.lower(), "VERB"),)
        elif pos in ("NOUN", "PROPN"):
            lower, lemma = tok.lower_, tok.lemma_.lower()
            keys = ((lower, "NOUN"),) if lower == lemma else ((lower, "NOUN"), (lemma, "NOUN"))
        else:
            return None
        indexes = [self._index(key) for key in keys]
        if not any(ix.patterns for ix in indexes):
            return None
        children = list(tok.children)
        preps = _preps(children)
        # a target preposition (role "prep") may hang on the object in the parse when the object is the subject's
        # own ("warned their populations about Y": Y, as PETRARCH's "* THEIR ^ ABOUT +"; not "warned X's people")
        on_object = {c.lower_ for o in children if o.dep_ == "dobj" and _own_object(o)
                     for c in o.children if c.dep_ == "prep"} - preps
        objects: dict[str, set[str]] | None = None  # preposition ("" for direct) → words of those objects
        subject: set[str] | None = None
        to_verb = _to_infinitive(children) if "to" not in preps else set()
        for ix in indexes:
            if ix.by_obj and objects is None:
                objects = {}
                for o in _objects(tok, deep=True, children=children):
                    objects.setdefault(_via(o, tok), set()).update(_words(o))
            for p in ix.select(preps | on_object | ({"to"} if to_verb else set()), objects):
                if p.form and tok.lower_ not in p.form.split("|"):
                    continue  # a pattern of an inflected form ("left" 032, not "leave" 012)
                if p.prep == "to" and to_verb and "to" not in preps and not (p.obj and word_fits(p.obj, to_verb)):
                    continue  # "to" of an infinitive only for a pattern naming its verb ("* (TO QUESTION)")
                if p.prep in on_object and p.role != "prep":
                    continue
                if p.obj:
                    if objects is None:
                        objects = {}
                        for o in _objects(tok, deep=True, children=children):
                            objects.setdefault(_via(o, tok), set()).update(_words(o))
                    # without a preposition in the pattern the object must be a direct one ("condemn the attack",
                    # not "condemn Israel over the attack"); with one, the object of that preposition or a direct one
                    if not (word_fits(p.obj, objects.get("", _NONE))
                            or (p.prep and word_fits(p.obj, objects.get(p.prep, _NONE)))):
                        continue
                if p.subject:
                    if subject is None:
                        subj = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
                        subject = _words(subj) if subj is not None else set()
                        if tok.dep_ == "xcomp" and tok.head.pos_ == "VERB":  # PETRARCH's "BEGUN * [212]": the verb
                            subject = subject | {tok.head.lower_, tok.head.lemma_.lower()}  # before "to question"
                    if not word_fits(p.subject, subject):
                        continue
                return p
        return None

    def _index(self, key: tuple[str, str]) -> "_PatternIndex":
        """The lexicon's patterns for (lemma, pos), indexed by literal object word (cached per lexicon)."""
        if self._cache_lexicon is not self.lexicon:  # the lexicon may be swapped (PETRARCH's own dictionaries)
            self._reset_caches()
        ix = self._index_cache.get(key)
        if ix is None:
            ix = self._index_cache[key] = _PatternIndex(self.lexicon.candidates(*key))
        return ix

    def _reset_caches(self) -> None:
        self._key_cache, self._index_cache, self._cache_lexicon = {}, {}, self.lexicon

    def triggers(self, sent: "Span") -> dict[int, Pattern]:
        """Doc index → matched pattern (blocking ones included) for the sentence's tokens, in order.

        ``match`` runs only on the few tokens whose lemma or form has lexicon patterns (see ``_scan``)."""
        found: dict[int, Pattern] = {}
        doc = sent.doc
        for offset in self._scan(sent)[0]:
            pattern = self.match(doc[sent.start + offset])
            if pattern is not None:
                found[sent.start + offset] = pattern
        return found

    def _scan(self, sent: "Span") -> tuple[list[int], list[int]]:
        """Offsets in ``sent`` of (1) the tokens whose lemma/form, for their part of speech, has lexicon patterns
        and (2) the speech/obligation verbs (see ``_doc_masks``)."""
        start, end = sent.start, sent.end
        return tuple([i - start for i in index[bisect_left(index, start):bisect_left(index, end)]]  # type: ignore
                     for index in self._doc_index(sent.doc))

    def _doc_index(self, doc: "Doc") -> tuple[list[int], list[int]]:
        """Indices in ``doc`` of the tokens that have lexicon patterns for their part of speech, and of the
        speech/obligation verbs.

        Decided once per doc on the attribute array (string hashes), each distinct lemma or (lemma, form) looked up
        once and cached per extractor, so no spaCy Token object or string is made for the other tokens. Kept for the
        last doc (``extract`` is called sentence by sentence)."""
        if self._masks[0] is doc and self._masks[1] is self.lexicon:
            return self._masks[2]
        if self._cache_lexicon is not self.lexicon:
            self._reset_caches()
        strings = doc.vocab.strings
        attrs, verb, aux, noun, propn, root = _symbol_ids()
        arr = doc.to_array(attrs).reshape(len(doc), 4)
        pos, dep, lemma, lower = arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3]
        speech = self._speech_cache
        uniq, inv = np.unique(lemma, return_inverse=True)
        flags = []
        for h in uniq.tolist():
            said = speech.get(h)
            if said is None:
                said = speech[h] = strings[h].lower() in SPEECH_VERBS | OBLIGATION_VERBS
            flags.append(said)
        speakers = np.array(flags, dtype=bool)[inv.reshape(-1)] if len(doc) else np.zeros(0, dtype=bool)
        triggers = np.zeros(len(doc), dtype=bool)
        verbs = np.flatnonzero((pos == verb) | ((pos == aux) & (dep == root)))
        nouns = np.flatnonzero((pos == noun) | (pos == propn))
        cache = self._key_cache
        for kind, index in (("VERB", verbs), ("NOUN", nouns)):
            for i, lem, low in zip(index.tolist(), lemma[index].tolist(), lower[index].tolist()):
                hit = cache.get((kind, lem, low))
                if hit is None:
                    hit = bool(self.lexicon.candidates(strings[lem].lower(), kind)) or (
                        kind == "NOUN" and bool(self.lexicon.candidates(strings[low], kind)))
                    cache[(kind, lem, low)] = hit
                triggers[i] = hit
        index = (np.flatnonzero(triggers).tolist(), np.flatnonzero(speakers).tolist())
        self._masks = (doc, self.lexicon, index)
        return index

    # ---- arguments ----------------------------------------------------------
    @staticmethod
    def actors_at(tok: "Token | None", mentions: Mentions) -> list[Actor]:
        """Actors denoted by an argument token, following coordination and 'leaders of X'."""
        if tok is None:
            return []
        found = []
        for t in [tok, *tok.conjuncts]:
            actor = mentions.get(t)
            holder = t  # the token whose coordinated modifiers are the actor's ("scores of A and B refugees")
            if actor is None:
                for c in t.children:
                    if c.dep_ == "prep" and c.lower_ == "of":
                        holder = next((p for p in c.children if mentions.get(p)), t)
                        actor = mentions.get(holder) if holder is not t else None
                    if c.dep_ == "appos" and mentions.get(c):
                        actor = mentions.get(c)
                    if c.dep_ in ("amod", "compound", "poss", "nmod") and mentions.get(c):
                        actor = mentions.get(c)  # "Ukrainian positions" → Ukraine
                    if actor:
                        break
            if actor is not None:
                if found and t is not tok:
                    actor = _shares_first_conjunct(tok, t, found[0], actor, mentions)
                found.append(actor)
                found += EventExtractor._coordinated_modifiers(holder, actor, mentions)
                if holder is not t:  # "hundreds of Malian and Nigerien migrants": each of the 'of' list
                    found += [a for a in (mentions.get(cj) for cj in holder.conjuncts) if a is not None]
                found += [a for _, a in listed_appositions(t, actor, mentions)]  # "A, B, and C" as an apposition
        return found

    @staticmethod
    def _coordinated_modifiers(head: "Token", actor: Actor, mentions: Mentions) -> list[Actor]:
        """ "Hungarian and Romanian officials", "the ambassadors of A and B": one mention on the head; each
        coordinated modifier (or coordinated object of its 'of/from/in' complement) is an actor too."""
        out: list[Actor] = []
        modifiers = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod")]
        # "the ambassadors of A, B and C", "lawmakers in A and B": the complement's coordinated countries
        modifiers += [p for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "in")
                      for p in c.children if p.dep_ == "pobj"]
        for c in modifiers:
            for cc in coordinated_members(c, modifiers):  # also "UK and EU negotiators" parsed apart (modifiers.py)
                entry = next((e for s, end, e in mentions.spans if s <= cc.i < end), None)
                if entry is None or entry.country == actor.country:
                    continue
                sector = actor.sector if actor.country and actor.code and actor.code.startswith(actor.country) else None
                out.append(Actor(entry.country + (sector or ""), cc.text, entry.country, sector,
                                 start=cc.idx, end=cc.idx + len(cc.text), how="coordinated modifier"))
        return out

    def sources_of(self, tok: "Token", mentions: Mentions) -> tuple[list[Actor], str]:
        if tok.pos_ in ("NOUN", "PROPN"):
            for c in tok.children:
                if c.dep_ in ("poss", "compound", "amod", "nmod") and self.actors_at(c, mentions):
                    return self.actors_at(c, mentions), "possessor/modifier"
            by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            if by is not None:
                return self.actors_at(next((c for c in by.children if c.dep_ == "pobj"), None), mentions), "by X"
            if (tok.dep_ in ("dobj", "attr", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX")
                    and tok.head.lemma_.lower() in LIGHT_VERBS):
                srcs, how = self.sources_of(tok.head, mentions)
                return srcs, f"subject of '{tok.head.text}'" if srcs else how
            verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in GATHERING_PREPS else tok.head
            if (tok.dep_ in ("pobj", "dobj") and verb.pos_ == "VERB" and verb.lemma_.lower() in GATHERING_VERBS):
                srcs, how = self.sources_of(verb, mentions)  # "converged on the capital for a rally", "joined the strike"
                return srcs, f"subject of '{verb.text}' (taking part)" if srcs else how
            return [], "none"
        if _stative_passive(tok):  # "the troops were engaged in looting": the passive subject acts
            subj = next(c for c in tok.children if c.dep_ == "nsubjpass")
            return self.actors_at(subj, mentions), "subject (stative passive)"
        if reduced_relative(tok):  # "The journalists detained in X were freed": not their act
            return [], "none (a reduced passive relative parsed as the main verb)"
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
        if len(subjects) > 1 and split_list(subjects):  # "A, B, and C met" with C parsed as a second subject
            return [a for c in subjects for a in self.actors_at(c, mentions)], "subject (coordinated list)"
        if len(subjects) > 1:  # "Old foes Gondor and Osgiliath have ...": an apposition parsed as a second subject
            found = next((a for a in (self.actors_at(c, mentions) for c in subjects) if a), [])
            return found, "subject"
        for c in tok.children:
            if c.dep_ in ("nsubj", "csubj"):
                found, listed = self.actors_at(c, mentions), subject_list(c, mentions)
                if len({a.code for a in listed}) > len({a.code for a in found}):  # a list the parse cut up
                    return listed, "subject (list read from the words)"
                return found, "subject"
            if c.dep_ == "agent":
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                return self.actors_at(pobj, mentions), "passive agent"
        fronted = fronted_subject(tok)  # "With the signing of X, A and B have agreed ...": B parsed as X's conjunct
        if fronted is not None:
            start = fronted.left_edge.idx
            listed = [a for a in self.actors_at(fronted, mentions) if a.start is None or a.start >= start]
            if listed:
                return listed, "subject (parse repaired: the fronted phrase had taken it as a conjunct)"
        origin = launched_from(tok, mentions, self.actors_at)
        if origin:
            return origin, "'from X' (a projectile fired from X, passive without an agent)"
        head = tok.head
        if any(c.dep_ == "nsubjpass" for c in tok.children):
            return [], "none (a passive clause of its own, without an agent: not its head's subject)"
        if tok.dep_ in ("xcomp", "conj", "advcl", "acomp", "pcomp") and head.i != tok.i:
            if tok.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
                obj = next((c for c in head.children if c.dep_ in ("dobj",)), None)
                if obj is not None and self.actors_at(obj, mentions):
                    return self.actors_at(obj, mentions), f"object of '{head.text}' (control)"
            srcs, _ = self.sources_of(head, mentions)
            return srcs, f"subject of '{head.text}'"
        if tok.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
            if _passive_modifier(tok):
                return [], "none (passive relative clause: the noun modified is the patient)"
            found = self.actors_at(head, mentions)
            if not found and head.dep_ == "dobj" and head.head.lemma_.lower() in LIGHT_VERBS:
                # "issued a statement condemning X": the statement's author, the light verb's subject
                srcs, _ = self.sources_of(head.head, mentions)
                if srcs:
                    return srcs, f"subject of '{head.head.text}' (its object '{head.text}' does it)"
            return found, "noun modified (relative clause)"
        if tok.dep_ in ("pcomp", "pobj", "ccomp") and head.i != tok.i and head.lemma_.lower() not in SPEECH_VERBS:
            anchor = head.head if head.dep_ == "prep" else head
            if anchor.pos_ in ("VERB", "AUX") and anchor.i != tok.i:
                srcs, _ = self.sources_of(anchor, mentions)
                if srcs:
                    return srcs, f"subject of '{anchor.text}'"
        return [], "none"

    def targets_of(self, tok: "Token", pattern: Pattern, mentions: Mentions) -> tuple[list[Actor], str]:
        kids = list(tok.children)
        shared = self.actors_at(shared_passive_subject(tok), mentions)
        if shared:  # "The journalists detained in X were freed by Y": the journalists
            return shared, "passive subject (of a misparsed reduced relative)"
        for c in kids if not _stative_passive(tok) else ():
            if c.dep_ == "nsubjpass":
                found = self.actors_at(c, mentions)
                if found:
                    return found, "passive subject"
        if pattern.role == "prep":  # PETRARCH's "* ABOUT +": the target is that preposition's object, not the object
            for c in (c for holder in (tok, *[k for k in kids if k.dep_ == "dobj"]) for c in holder.children):
                if c.dep_ == "prep" and c.lower_ == pattern.prep:
                    found = self.actors_at(next((p for p in c.children if p.dep_ == "pobj"), None), mentions)
                    if found:
                        return found, f"'{pattern.prep} X' (the pattern's target)"
        if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON") and _passive_modifier(tok):
            found = self.actors_at(tok.head, mentions)
            if found:  # "two Australians arrested in Bali", "a priest who was accused of ..."
                return found, "noun modified (passive relative clause)"
        preps = [pattern.prep] if pattern.prep else []
        preps += [p for p in TARGET_PREPS if p not in preps]
        if tok.pos_ in ("NOUN", "PROPN") and "of" not in preps:
            preps.append("of")  # "the invasion of Lebanon", "the bombing of Gaza"
        objects = _objects(tok, children=kids)
        deferred: list[Actor] = []
        for obj in objects:
            if obj.dep_ in ("dobj", "dative", "attr") and self.actors_at(obj, mentions):
                if _names_pattern_object(obj, pattern):
                    deferred = deferred or self.actors_at(obj, mentions)  # "fired artillery shells at X": X first
                    continue
                return self.actors_at(obj, mentions), "object"
        dobjs = [o for o in objects if o.dep_ == "dobj"]
        for obj in dobjs if pattern.cameo[:2] in RESPONSE_ROOTS else []:
            # "condemned an attack by X", "rejected calls by X": the object's author is on the receiving end
            by = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            found = self.actors_at(next((p for p in by.children if p.dep_ == "pobj"), None), mentions) \
                if by is not None else []
            if found:
                return found, f"'by X' on the object '{obj.text}'"
        # prepositions on the predicate, then on its direct objects, then (not for statements, whose object is
        # another event) on the nouns their 'of' complements name ("welcomed the resumption of ties with X")
        holders = [tok, *dobjs]
        if pattern.cameo[:2] != "01":
            holders += _of_chain(holders[1:] if tok.pos_ in ("VERB", "AUX") else holders)
        attached = [(c.lower_, c) for holder in holders for c in holder.children if c.dep_ in ("prep", "dative")]
        for prep in preps:
            for word, c in attached:
                if word == prep:
                    pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                    found = self.actors_at(pobj, mentions)
                    if found:
                        return found, f"'{prep} X'"
        if deferred:
            return deferred, "object (the pattern's own object word)"
        # "the demands that Kyiv rejected": the relative clause's head noun is the object; its proposer the target
        if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
            noun = tok.head
            found = self.actors_at(noun, mentions)
            if found:
                return found, f"relative clause head '{noun.text}'"
            srcs, how = self.sources_of(noun, mentions)
            if not srcs and noun.head.pos_ in ("VERB", "AUX"):
                agent = next((c for c in noun.head.children if c.dep_ == "agent"), None)
                pobj = next((p for p in agent.children if p.dep_ == "pobj"), None) if agent is not None else None
                srcs, how = self.actors_at(pobj, mentions), f"agent of '{noun.head.text}'"
            if srcs:
                return srcs, f"author of '{noun.text}' (relative clause; {how})"
        # "urged Ukraine to withdraw" parsed with Ukraine as subject of the complement
        for c in kids:
            if c.dep_ in ("ccomp", "xcomp", "advcl"):
                subj = next((s for s in c.children if s.dep_ == "nsubj"), None)
                found = self.actors_at(subj, mentions)
                if found and pattern.cameo[:2] in ("02", "10", "12") and not _reported(tok):
                    return found, f"subject of '{c.text}'"
        # "threatened to break off relations with A and B": a demand's, rejection's or threat's content names it
        if pattern.cameo[:2] in CONTENT_ROOTS:
            for c in kids:
                if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") and not any(
                        s.dep_ in ("nsubj", "nsubjpass") for s in c.children):  # the source's own act
                    found, how = self.targets_of(c, _NO_PATTERN, mentions)
                    if found:
                        return found, f"{how} in the content '{c.text}'"
        return [], "none"

    def obligations(self, sent: "Span", mentions: Mentions) -> list[Candidate]:
        """ "X said/declared that Y must (should) do Z": X demands Z of Y (CAMEO 10, refined by Z's words).

        The obligation clause is the demand's content, not an event of its own."""
        out: list[Candidate] = []
        doc = sent.doc
        for offset in self._scan(sent)[1]:
            verb = doc[sent.start + offset]
            for clause in verb.children:
                if clause.dep_ != "ccomp" or not any(
                        c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in clause.children):
                    continue
                speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                sources = self.actors_at(speaker, mentions)
                subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                targets = self.actors_at(subj, mentions)
                if not sources or not targets:
                    continue
                pattern = Pattern(verb.lemma_.lower(), "VERB", "", "", "100",
                                  "reported obligation: 'X said Y must ...' is a demand", origin="eventwire rule")
                cameo = self.refine("100", clause, "demanded")
                modality, negated = self.modality_of(verb)
                for src in sources:
                    for tgt in targets:
                        if src.code and src.code == tgt.code:
                            continue
                        out.append(Candidate(verb, pattern, src, tgt, cameo, modality, negated, None, {
                            "pattern": "rule:obligation", "pattern_comment": pattern.comment,
                            "pattern_origin": "eventwire rule", "trigger": verb.text,
                            "trigger_index": verb.i - sent.start, "source_rule": "subject (speaker)",
                            "target_rule": f"subject of '{clause.text}' (must/should)",
                            "content": clause.text, "content_index": clause.i}))
        return out

    @staticmethod
    def _with_country(actors: list[Actor], how: str, sent: "Span", mentions: Mentions) -> tuple[list[Actor], str]:
        """Agent-only actors ("workers", "riot police") take the sentence's country when exactly one country
        is mentioned in it ("workers in Serbia stopped work" → SRBLAB), as human PLOVER/CAMEO coders do."""
        if not actors or all(_has_country(a) for a in actors):
            return actors, how
        countries = {a.country for i, a in mentions.by_head.items()
                     if sent.start <= i < sent.end and _has_country(a) and a.country and len(a.country) == 3
                     and a.country not in ("IGO", "NGO", "MNC", "IMG")}
        if len(countries) != 1:
            return actors, how
        (country,) = countries
        out = []
        for a in actors:
            if _has_country(a):
                out.append(a)
                continue
            sector = a.sector or ((a.code or "")[3:6] if (a.code or "").startswith("---") else None) or None
            out.append(Actor(country + (sector or ""), a.text, country, sector, a.name, a.start, a.end,
                             how=f"{a.how}; country from the sentence", entity_id=a.entity_id))
        return out, f"{how}; country inferred from the sentence"

    @staticmethod
    def _is_content(tok: "Token", found: dict[int, Pattern | None]) -> bool:
        """The complement of a demand, rejection, threat or appeal ("called for Y to withdraw", "refused to
        meet", "threatened to attack") is that event's content, not an event of its own."""
        head = tok.head
        if tok.dep_ in ("pobj", "pcomp") and head.dep_ == "prep":
            head = head.head
        elif tok.dep_ not in ("xcomp", "ccomp", "advcl", "acl"):
            return False
        hp = found.get(head.i)
        if hp is not None and not hp.specificity and tok.i in _reported(head):
            return False  # a bare speech verb reports its clause ("said [X will attack]"); it is not its content
        return hp is not None and not hp.blocking and hp.cameo[:2] in CONTENT_ROOTS and head.i != tok.i \
            and not (head.lemma_.lower() in INTENT_HEADS and names_complement_verb(head, hp))  # "wants to help"

    @staticmethod
    def _is_intent_head(tok: "Token", found: dict[int, Pattern | None]) -> bool:
        """ "wants to meet", "plans to visit": the complement is the (intended) event, not the head verb."""
        if tok.lemma_.lower() not in INTENT_HEADS:
            return False
        own = found.get(tok.i)
        if own is not None and own.specificity > 0 and not names_complement_verb(tok, own):
            return False  # a specific pattern on the head ("want * attack" → 138) carries the event itself
        comps = [c for c in tok.children if c.dep_ == "xcomp"]
        comps += [cc for c in comps for cc in c.conjuncts]
        return any(found.get(c.i) is not None and not found[c.i].blocking for c in comps)  # type: ignore[union-attr]

    def fallback_target(self, tok: "Token", sent: "Span", sources: list[Actor], cameo: str,
                        mentions: Mentions, domestic: bool = True) -> tuple[list[Actor], str]:
        """No target in the parse: the nearest other actor in the trigger's clause, else (for domestic
        event types) the source's own country, as PLOVER/CAMEO coders do ("protesters marched" → X→X)."""
        clause = tok
        while (clause.dep_ in ("xcomp", "conj", "dobj", "pobj", "prep", "acomp", "advmod") or _purpose(clause)) \
                and clause.head.i != clause.i:
            clause = clause.head  # a purpose infinitive ("sent a team to Bosnia to investigate") shares its clause
        lo, hi = clause.left_edge.i, clause.right_edge.i  # the subtree's bounds (cheap test before the subtree)
        scope: set[int] | None = None
        own = {a.country for a in sources} | {a.code for a in sources}
        best: tuple[int, Actor, int] | None = None
        for i, actor in mentions.by_head.items():
            if not (lo <= i <= hi and sent.start <= i < sent.end) or not _has_country(actor) \
                    or actor.country in own or actor.code in own:
                continue
            if scope is None:
                scope = {t.i for t in clause.subtree} - _reported(tok, REPORTING_VERBS)
            if i not in scope:
                continue
            t = sent.doc[i]
            if not (t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPS):
                d = abs(i - tok.i)
                if best is None or d < best[0]:
                    best = (d, actor, i)
        if best is not None:  # with the actors coordinated with it ("relations with Congo and Costa Rica")
            near_tok, near_actor = phrase_actor(sent.doc[best[2]], best[1], mentions)  # "Russian soldiers": RUSMIL
            near = [a for a in self.actors_at(near_tok, mentions)
                    if _has_country(a) and a.country not in own and a.code not in own]
            return near or [near_actor], "nearest actor in the clause (fallback)"
        if domestic and cameo[:2] in DOMESTIC_ROOTS and not cameo.startswith(NO_RECIPIENT) \
                and _has_country(sources[0]) and _is_state(sources[0]):
            src = sources[0]
            return [Actor(src.country, src.text, src.country, None, src.name, src.start, src.end,
                          how="domestic default")], \
                "source's own country (domestic event default)"
        return [], "none"

    def _from_actor(self, tok: "Token", mentions: Mentions) -> tuple[list[Actor], str]:
        """Source of a target-role pattern: "from X" or "by X" on the verb or its object."""
        for holder in [tok, *[o for o in _objects(tok) if o.dep_ == "dobj"]]:
            for c in holder.children:
                if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by"):
                    found = self.actors_at(next((p for p in c.children if p.dep_ == "pobj"), None), mentions)
                    if found:
                        return found, f"'{c.lower_} X'"
        return [], "none"

    # ---- modality -----------------------------------------------------------
    @staticmethod
    def modality_of(tok: "Token") -> tuple[str, bool]:
        negated = any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children) \
            or negative_subject(tok)  # "nobody was arrested" (negative_subjects.py)
        auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        head = tok.head
        if (tok.dep_ == "xcomp" or _purpose(tok)) and any(c.dep_ == "neg" for c in head.children):
            negated = True  # "would not send troops [to help]": the purpose of an act not done is not done
        if tok.dep_ in ("dobj", "nsubjpass") and (head.lemma_.lower() in CANCEL_HEADS or (
                head.lemma_.lower() == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in head.children))):
            negated = True  # "called off the talks": the talks are not held
        if tok.dep_ == "xcomp" and (head.lemma_.lower() in INABILITY_HEADS or (head.lemma_.lower() == "able" and any(
                c.dep_ == "neg" for c in (*head.children, *head.head.children)))):
            negated = True  # "unable to arrest", "failed to stop", "have not been able to arrest"
        if negated:
            return "negated", True
        if tok.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in PERMISSION_HEADS:
            return "hypothetical", False  # "the law allows the police to arrest": permitted, not done
        if "would" in auxes and _reported_clause(tok) and not any(
                c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                for c in tok.children):
            auxes = (auxes - {"would"}) | {"will"}  # "announced it would free": future in the past, not a hypothesis
        elif "would" in auxes and _reported_clause(tok) and _pronoun_subject(tok):
            return "intended", False  # "X said it would meet Y if ...": the speaker's conditional offer (or threat)
        if auxes & HYPOTHETICAL_AUX or any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
            return "hypothetical", False
        if tok.dep_ in ("xcomp", "ccomp", "pobj", "dobj") and head.lemma_.lower() in DEMAND_HEADS:
            return "demanded", False
        if tok.dep_ == "pobj" and head.head.lemma_.lower() in DEMAND_HEADS:
            return "demanded", False
        if auxes & FUTURE_AUX or (tok.dep_ in ("xcomp", "dobj") and head.lemma_.lower() in INTENT_HEADS):
            return "intended", False
        if _under_intent(tok):
            return "intended", False  # "willing to send troops [to help defend X]": the purpose is intended too
        if tok.dep_ == "nsubjpass" and head.lemma_.lower() in INTENT_HEADS:
            return "intended", False
        if tok.dep_ == "ccomp" and head.lemma_.lower() in SPEECH_VERBS:
            return "reported", False
        return "asserted", False

    @staticmethod
    def speaker_of(tok: "Token", mentions: Mentions, sent: "Span | None" = None) -> Actor | None:
        """The actor whose speech verb governs tok ('Peskov said [Putin wants to meet]'); ``sent`` is tok's sentence
        when the caller has it (``Token.sent`` searches for the sentence start on every call)."""
        t = tok
        while t.head.i != t.i:
            if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in SPEECH_VERBS:
                subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
                found = EventExtractor.actors_at(subj, mentions)
                return found[0] if found else None
            t = t.head
        root = (sent if sent is not None else tok.sent).root
        if root.i == tok.i or root.lemma_.lower() not in SPEECH_VERBS:
            return None
        for c in root.children:
            if c.dep_ == "nsubj" and tok.i not in {x.i for x in c.subtree}:
                found = EventExtractor.actors_at(c, mentions)
                return found[0] if found else None
        return None

    @staticmethod
    def refine(cameo: str, tok: "Token", modality: str, announced_threats: bool = True) -> str:
        root = cameo[:2]
        if modality == "intended" and root in INTENT_CODE:
            return INTENT_CODE[root]
        if modality == "intended" and announced_threats and threat_code(cameo) and not _attempted(tok):
            return threat_code(cameo) or cameo  # "said it would impose sanctions": an announced hostile act, 1312
        rules = refinements().get(root)
        if rules and len(cameo) < 4:  # a 4-digit code ("call for sanctions" 1312) is already the most specific
            words = {t.lemma_.lower() for t in tok.subtree} | {t.lower_ for t in tok.subtree}
            for keyword, code in rules:
                if keyword in words:
                    return code
        return cameo

    # ---- main ---------------------------------------------------------------
    def extract(self, sent: "Span", mentions: Mentions) -> list[Candidate]:
        out: list[Candidate] = []
        found = self.triggers(sent)
        reverse_done: set[tuple[str, Actor, Actor]] = set()
        obligations = self.obligations(sent, mentions)
        out += obligations
        content = {c.evidence["content_index"] for c in obligations}
        doc = sent.doc
        for i, pattern in found.items():
            tok = doc[i]
            if pattern.blocking or i in content:
                continue
            if tok.pos_ in ("NOUN", "PROPN") and tok.head.pos_ == "VERB":
                head_pattern = found.get(tok.head.i)
                if head_pattern and head_pattern.obj and word_fits(head_pattern.obj, _words(tok)) and (
                        head_pattern.cameo[:2] == pattern.cameo[:2] or tok.head.lemma_.lower() in LIGHT_VERBS):
                    continue  # "imposed sanctions": coded once, on the verb
            if self._is_content(tok, found) or self._is_intent_head(tok, found) or already_coded(tok, pattern, found):
                continue
            if toll_of_attack(tok, pattern, found):
                continue  # "shelled the town, killing five": the toll of that attack (consequences.py)
            # "a mediation mission between X and Y": a compound event noun takes its head noun's arguments
            anchor = tok.head if tok.dep_ == "compound" and tok.pos_ == "NOUN" and tok.head.pos_ == "NOUN" else tok
            sources, s_how = self.sources_of(anchor, mentions)
            targets, t_how = self.targets_of(anchor, pattern, mentions)
            if pattern.role == "target":  # "X faced criticism (from Y)": the subject is on the receiving end
                targets, t_how = sources, f"{s_how} (pattern role: target)"
                sources, s_how = self._from_actor(tok, mentions)
            if pattern.cameo == "010" and tok.lemma_.lower() in REPORTING_VERBS:
                pattern = attitude_pattern(tok) or pattern  # "said it is skeptical": a pessimistic comment (012)
            if not targets and pattern.cameo.startswith("01") and tok.pos_ in ("VERB", "AUX"):
                targets, t_how = message_addressee(tok, mentions, self.actors_at, self.unknown_targets)
            if not targets and pattern.cameo[:3] in SPECIFIC_STATEMENTS:  # "expressed hope that Y will ..." → Y
                targets, t_how = statement_topic(tok, mentions, self.actors_at, self.unknown_targets)
            if self.code_statements and not sources and tok.lemma_.lower() in SPEECH_VERBS:
                sources, s_how = statement_speaker(tok, mentions)  # "sources said", "a new report says"
            if pattern.cameo.startswith("015") and sources and not targets:
                targets, t_how = claimed_target(tok, sources, mentions)  # "claimed responsibility for ... in X"
            if pattern.cameo.startswith(UNADDRESSED) and not targets and not (
                    self.code_statements and sources and (tok.lemma_.lower() in SPEECH_VERBS or pattern.obj)):
                continue  # statements without an addressee are events only when made by a known speaker
            own = sources and targets and all(_own(t, sources) for t in targets)
            if sources and targets and (own or not (self.unknown_targets or any(_has_country(t) for t in targets))) \
                    and tok.pos_ in ("VERB", "AUX"):
                better, b_how = self.fallback_target(tok, sent, sources, pattern.cameo, mentions, domestic=False)
                if better:  # "rejected its peacekeeping forces' report": prefer an actor with a country
                    targets, t_how = better, b_how
            light = s_how.startswith("subject of")  # an event noun that is the object of a light verb
            # not each other's targets: "warned ... about X", "criticized the deal" (reciprocity.py)
            reciprocal = len(sources) > 1 and not targets and _reciprocal(tok, pattern.cameo) and not (
                pattern.role == "prep" and target_preposition_present(tok, pattern.prep)) and not \
                object_not_in_pattern(tok, pattern.obj, pattern.cameo, _symmetric(pattern.cameo), RELATIONAL_OBJECTS)
            if self.unknown_targets and sources and not targets and not reciprocal:
                targets, t_how = unknown_target(tok, pattern, mentions)  # "detained several suspects"
            elif self.unknown_targets and targets and t_how.startswith("'") and tok.pos_ == "VERB":
                direct, d_how = unknown_object(tok, pattern, mentions)  # "killed [five people] in an attack on X"
                targets, t_how = (direct, d_how) if direct else (targets, t_how)
            if sources and not targets and not reciprocal and (tok.pos_ in ("VERB", "AUX") or light):
                targets, t_how = self.fallback_target(tok, sent, sources, pattern.cameo, mentions,
                                                      domestic=len(sources) == 1)
            modality, negated = self.modality_of(tok)
            cameo = self.refine(pattern.cameo, tok, modality, self.announced_threats)
            speaker = self.speaker_of(tok, mentions, sent) if pattern.cameo[:2] != "01" else None
            # an event noun that is an argument of another coded act ("denied [accusations]", "wounded 40 in [an
            # attack]") is not the speaker's own event
            governor = tok.head.i if tok.dep_ == "dobj" else tok.head.head.i if tok.dep_ == "pobj" else None
            if not sources and speaker is not None and tok.pos_ in ("NOUN", "PROPN") \
                    and (governor is None or governor == tok.i or found.get(governor) is None):
                sources, s_how = [speaker], "speaker (nominal event)"
            if not sources and speaker is not None and _pronoun_subject(tok):
                sources, s_how = [speaker], "pronoun subject → the speaker ('X said it would ...')"
            weak_target = not targets or t_how.startswith("nearest") or all(t in sources for t in targets)
            if speaker is not None and weak_target and all(s.code != speaker.code for s in sources) \
                    and pronoun_object(tok, mentions) is not None:  # "X said Y fired at it" (speaker_objects.py)
                targets, t_how = [speaker], "pronoun object → the speaker ('X said Y fired at it')"
            if not sources and pattern.cameo[:2] in PLACE_SOURCE_ROOTS and pattern.role != "target":
                sources = place_source(tok, mentions, self.actors_at)  # "were arrested in Bolivia": Bolivia arrests
                s_how = "the country where it happened (no doer named)" if sources else s_how
            if self.implied_agents and modality in ("asserted", "reported", "historical") and (
                    not sources or s_how.startswith("the country where")):
                implied = implied_doer(tok, cameo, sources)  # "were arrested": by police (implied.py)
                sources, s_how = (implied, "implied by the act (no doer named)") if implied else (sources, s_how)
            if self.infer_countries and not country_only_from_target(pattern.cameo, targets, sent, mentions):
                sources, s_how = self._with_country(sources, s_how, sent, mentions)
            if self.infer_countries:
                targets, t_how = self._with_country(targets, t_how, sent, mentions)
            pairs = each_own_pairs(sources, targets, mentions, doc) or _pairs(  # "A and B sent their troops"
                sources, targets, reciprocal or len(sources) < 2)
            for src, tgt, reciprocal in pairs:
                if (src is None or src.code is None) and (tgt is None or tgt.code is None):
                    continue
                if src is None and self.require_source:
                    continue  # nobody found doing it ("six people were killed"): not coded, as PETRARCH's require_dyad
                if tgt is None and self.require_source and not s_how.startswith(("trailing", "implied")) \
                        and not pattern.cameo.startswith(NO_RECIPIENT) and not needs_no_recipient(cameo, tok) \
                        and not any(
                        c.dep_ in ("dobj", "obj") or (c.dep_ == "prep" and tok.pos_ not in ("VERB", "AUX"))
                        or (pattern.prep and c.dep_ in ("prep", "prt") and c.lower_ == pattern.prep)
                        or ((self.code_statements or cameo[:3] in SPECIFIC_STATEMENTS) and cameo.startswith("01")
                            and c.dep_ in ("ccomp", "parataxis"))
                        for c in tok.children):
                    continue  # "police failed to act", "Congress convenes": no one on the receiving end, not an event
                if src is not None and tgt is not None and src.code and src.code == tgt.code \
                        and src.text == tgt.text and (tgt.how != "domestic default" or cameo[:2] in VIOLENT_ROOTS):
                    continue  # one mention on both sides; the domestic default (X acts on its own country) stays,
                    # except for violence ("crowds burned down its embassy": the damaged thing's owner is unknown)
                evidence = {"pattern": pattern.name, "pattern_comment": pattern.comment,
                            "pattern_origin": pattern.origin, "trigger": tok.text,
                            "trigger_index": tok.i - sent.start, "source_rule": "coordination (reciprocal)"
                            if reciprocal else s_how, "target_rule": "coordination (reciprocal)" if reciprocal
                            else t_how}
                if cameo != pattern.cameo:
                    evidence["refined_from"] = pattern.cameo
                out.append(Candidate(tok, pattern, src, tgt, cameo, modality, negated,
                                     speaker if speaker is not src else None, evidence))
                # a converted PETRARCH pattern states its reverse itself ("[040:040]"); the CAMEO joint-act default
                # is for the curated patterns (PETRARCH's validation suites use other, WEIS, codes)
                reverse = pattern.reverse or (cameo if _joint_reverse(cameo) and not negated and not one_sided(tok)
                                              and pattern.origin != "petrarch2" else "")
                if reverse and src is not None and tgt is not None and not reciprocal \
                        and (reverse, tgt, src) not in reverse_done:
                    reverse_done.add((reverse, tgt, src))
                    out.append(Candidate(tok, pattern, tgt, src, reverse, modality, negated,
                                         speaker if speaker is not tgt else None,
                                         {**evidence, "source_rule": f"reverse of {cameo}: {evidence['target_rule']}",
                                          "target_rule": f"reverse of {cameo}: {evidence['source_rule']}"}))
        out = transformed(out, mentions, self.actors_at)  # reported attacks: claims, accusations (CAMEO.2.0)
        out = [c for c in out if not self_directed(c.source, c.target)]  # "defended itself": no dyad
        out = [c for c in out if not time_anchor(c.trigger)]  # "two weeks after X kidnapped Y": dates the news
        out = refusals(out)  # "would not provide support": a refusal (12x)
        out = actor_senses(out)  # a boycott by a group is a protest (143), a suicide bomber's attack a bombing (1831)
        return political_statements(out, sent, mentions) if self.code_statements else out


class _PatternIndex:
    """One lemma's patterns (most specific first), indexed by preposition and object word (a synset object by each
    of its members), so matching tries only the patterns whose preposition the token has and whose object it can
    have."""

    __slots__ = ("patterns", "plain", "by_prep", "by_obj")

    def __init__(self, patterns: list[Pattern]) -> None:
        self.patterns = patterns
        self.plain: list[int] = []  # no preposition, no object
        self.by_prep: dict[str, list[int]] = {}  # a preposition, no object
        self.by_obj: dict[str, list[tuple[int, str]]] = {}  # object word → (index, preposition or "")
        for i, p in enumerate(patterns):
            if p.obj:  # a synset object is indexed by each of its member words
                for word in synsets().get(p.obj, ()) if p.obj.startswith("&") else (p.obj,):
                    self.by_obj.setdefault(word, []).append((i, p.prep))
            elif p.prep:
                self.by_prep.setdefault(p.prep, []).append(i)
            else:
                self.plain.append(i)

    def select(self, preps: set[str], objects: dict[str, set[str]] | None) -> list[Pattern]:
        """The patterns worth trying, in lexicon order, given the token's prepositions and object words."""
        chosen = list(self.plain)
        for prep in preps:
            chosen += self.by_prep.get(prep, ())
        if objects:
            for w in set().union(*objects.values()):
                chosen += [i for i, prep in self.by_obj.get(w, ()) if not prep or prep in preps]
        return [self.patterns[i] for i in sorted(set(chosen))]


@lru_cache(maxsize=1)
def _symbol_ids() -> tuple[list[int], int, int, int, int, int]:
    """The attribute ids read by ``Doc.to_array`` (POS, DEP, LEMMA, LOWER); spaCy's integer values of the parts
    of speech VERB, AUX, NOUN, PROPN and of the dependency label ROOT."""
    from spacy import attrs, symbols
    from spacy.strings import hash_string

    return ([attrs.POS, attrs.DEP, attrs.LEMMA, attrs.LOWER], symbols.VERB, symbols.AUX, symbols.NOUN,
            symbols.PROPN, hash_string("ROOT"))


def _to_infinitive(children: list["Token"]) -> set[str]:
    """The words of a "to"-infinitive complement among ``children`` ("began to question" → question), else empty."""
    for c in children:
        if c.dep_ == "xcomp" and any(m.dep_ == "aux" and m.tag_ == "TO" for m in c.children):
            return {c.lower_, c.lemma_.lower()}
    return set()


def _preps(children: list["Token"]) -> set[str]:
    """The particles/prepositions a token has among its ``children``, also as the marker of a clause
    ("called for X to go")."""
    out = set()
    for c in children:
        dep = c.dep_
        if dep in ("prep", "prt", "dative", "agent"):
            if dep == "prep" and (_temporal(c) or is_fronted(c)):
                continue  # "on Tuesday", "in March": a date, not the pattern's preposition ("fire on"); nor a
                # sentence-opening "With X, ..."
            out.add(c.lower_)
        elif dep in ("advcl", "xcomp", "ccomp"):
            out.update(m.lower_ for m in c.children if m.dep_ == "mark")
    return out


def _has_prep(tok: "Token", prep: str) -> bool:
    """tok has the particle/preposition ``prep``, also as the marker of a clause ("called for X to go")."""
    return prep in _preps(list(tok.children))


def _objects(tok: "Token", deep: bool = False, children: list["Token"] | None = None) -> list["Token"]:
    """Objects of a predicate: direct/dative/attribute objects, passive subjects, objects of its prepositions.

    deep: also the heads of clausal complements and objects of prepositions attached to the object
    ("put [the plan] [to a vote]"), for pattern matching only. ``children``: tok's children, if already listed.
    """
    kids = list(tok.children) if children is None else children
    out = [c for c in kids if c.dep_ in ("dobj", "dative", "attr", "nsubjpass", "oprd")] + [
        p for c in kids if c.dep_ in ("prep", "agent") for p in c.children if p.dep_ == "pobj"]
    if deep:
        speech = tok.lemma_.lower() in SPEECH_VERBS
        out += [c for c in kids if c.dep_ in ("xcomp", "acomp", "advmod", "prt")
                or (c.dep_ == "ccomp" and not speech)]
        out += [p for o in list(out) if o.dep_ == "dobj" for c in o.children if c.dep_ == "prep"
                for p in c.children if p.dep_ == "pobj"]
    return out


_NONE: frozenset[str] = frozenset()
_NO_PATTERN = Pattern("", "VERB", "", "", "", "no pattern: arguments of a content clause")
PRONOUNS = {"he", "she", "it", "they", "we", "i"}
# Codes that describe a joint act: "A met B" is also "B met A" (PETRARCH and PLOVER code both directions).
SYMMETRIC_PREFIXES = ("040", "041", "044", "046", "057", "0356", "0311", "0312")
ONE_WAY_CONSULT = "040"


def _symmetric(cameo: str) -> bool:
    return cameo.startswith(SYMMETRIC_PREFIXES)


def _joint_reverse(cameo: str) -> bool:
    """Code the reverse of a single-subject act ("A met with B" → also B → A)? Not for the base consultation
    (040): as CAMEO.2.0's ``MEET [040]``, "A met (with) B" is A's act; both directions come from coordinated
    subjects ("A and B met") or a pattern that states its reverse ("held talks with" [046:046])."""
    return _symmetric(cameo) and not cameo.startswith(ONE_WAY_CONSULT)


def _reported_clause(tok: "Token") -> bool:
    """tok heads (or is controlled by) a clause reported by a speech verb ("X said [it would ...]")."""
    t = tok
    while t.dep_ in ("xcomp", "conj") and t.head.i != t.i:
        t = t.head
    return t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in SPEECH_VERBS | {"announce", "promise"}


def _reported(tok: "Token", verbs: set[str] = SPEECH_VERBS) -> set[int]:
    """The tokens of what a speech verb reports ("an official said [A will meet B]"): their actors are the reported
    event's, not the speaker's addressee."""
    if tok.lemma_.lower() not in verbs:
        return set()
    return {t.i for c in tok.children if c.dep_ in ("ccomp", "parataxis") for t in c.subtree}


def _pronoun_subject(tok: "Token") -> bool:
    """The predicate's (or its controlling verb's) subject is an unresolved personal pronoun."""
    t = tok
    while True:
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj.lower_ in PRONOUNS
        if t.dep_ not in ("xcomp", "conj", "acomp") or t.head.i == t.i:
            return False
        t = t.head


def _via(obj: "Token", pred: "Token") -> str:
    """The preposition through which ``obj`` hangs off ``pred`` ("" for a direct dependent)."""
    t = obj
    while t.head.i != t.i and t.head.i != pred.i:
        if t.dep_ == "pobj" and t.head.dep_ in ("prep", "agent", "dative") and not partitive_of(t):
            return t.head.lower_
        t = t.head
    return ""


def _shares_first_conjunct(first_tok: "Token", tok: "Token", first: Actor, actor: Actor, mentions: Mentions) -> Actor:
    """Coordinated actors that share what the first one names once:
    - "Danish media and government": a role noun without a country takes the country of the first conjunct's
      country modifier;
    - "lawmakers in A and B" parsed with B coordinated to "lawmakers": a bare country takes the first
      conjunct's role when the first conjunct's country comes from its in/of/from complement."""
    if not first.country or tok.i < first_tok.i:
        return actor
    if actor.country is None and actor.sector and not any(c.dep_ in ("poss", "amod", "compound") for c in tok.children):
        modifiers = [c for c in first_tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < first_tok.i]
        if any((m := mentions.get(c)) is not None and m.country == first.country for c in modifiers):
            # agents of the shared modifiers too, when the first conjunct's code composes several 3-letter agents
            # ("Danish Islamist media and government": DNK MUS MED, DNK MUS GOV)
            rest = first.code[len(first.country):] if first.code and first.code.startswith(first.country) else ""
            shared = rest[:-3] if len(rest) % 3 == 0 else ""
            return replace(actor, code=first.country + shared + actor.sector, country=first.country,
                           how=actor.how + "+coordinated country")
    if actor.sector is None and actor.country and first.sector and actor.country != first.country:
        complements = [p for c in first_tok.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "from")
                       for p in c.children if p.dep_ == "pobj" and p.i < tok.i]
        if any((m := mentions.get(p)) is not None and m.country == first.country and not m.sector for p in complements):
            return replace(actor, code=actor.country + first.sector, sector=first.sector,
                           how=actor.how + "+coordinated role")
    return actor


def _own_object(obj: "Token") -> bool:
    """The object is possessed by a pronoun ("their populations", "its citizens")."""
    return any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in obj.children)


OWN_POSSESSIVES = frozenset(("their", "its", "his", "her", "our"))


def _names_pattern_object(obj: "Token", pattern: Pattern) -> bool:
    """The object noun phrase contains the pattern's object word ("fire * ARTILLERY": "two artillery shells"):
    it is what was done (the instrument or content), so a prepositional target ("at Seoul") comes first."""
    if not pattern.obj:
        return False
    words = {obj.lemma_.lower(), obj.lower_}
    words |= {c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod", "nmod")}
    return pattern.obj.lower() in words


def _own(target: Actor, sources: list[Actor]) -> bool:
    """ "offered its troops", "rejected their own forces": a target that is the source's own possession."""
    first = (target.text or "").split(" ", 1)[0].lower()
    return first in ("its", "their", "his", "her", "our") and any(
        s.country and s.country == target.country for s in sources)


def _under_intent(tok: "Token") -> bool:
    """tok is the purpose (or a complement of the purpose) of an intended act: "willing to send troops [to help]"."""
    t, hops = tok, 0
    while t.dep_ in ("xcomp", "advcl") and t.head.i != t.i and hops < 4:
        if t.dep_ == "advcl" and not _purpose(t):
            return False
        t, hops = t.head, hops + 1
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in INTENT_HEADS and hops > 0:
            return True
    return False


def _attempted(tok: "Token") -> bool:
    """ "tried to hack", "attempted to seize": an attempt at the act, not an announcement of it (no threat)."""
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("try", "attempt")


def _stative_passive(tok: "Token") -> bool:
    """ "were engaged in", "was involved in": a passive form without an agent whose subject is the one acting."""
    prep = STATIVE_PASSIVES.get(tok.lemma_.lower())
    return bool(prep) and any(c.dep_ == "nsubjpass" for c in tok.children) and any(
        c.dep_ == "prep" and c.lower_ == prep for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children)


def _purpose(tok: "Token") -> bool:
    """An infinitival purpose clause: "sent a team to Bosnia [to investigate]"."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _is_state(actor: Actor) -> bool:
    """An actor of a country (ISO3), not an organisation: only a country has its "own country" to act on."""
    return is_state_country(actor.country)


def _has_country(actor: Actor | None) -> bool:
    """An actor with a country or organisation code (not an agent-only "---MIL")."""
    return bool(actor and actor.code and actor.country and not actor.code.startswith("---"))


def _words(tok: "Token") -> set[str]:
    """The words a pattern slot can match on a token: its text and lemma, and those of its compound modifiers."""
    words = {tok.lower_, tok.lemma_.lower()}
    for c in tok.children:
        if c.dep_ == "compound" or c.dep_ == "amod" and c.i == tok.head.i + 1 and c.pos_ == "ADJ":
            words |= {c.lower_, c.lemma_.lower()}
    return words


def _passive_modifier(tok: "Token") -> bool:
    """A reduced passive ("clubbers arrested in Bali") or a passive relative clause ("who was accused")."""
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        # a mis-parsed main verb ("Doctors from X donated and delivered goods"): objects, a past-tense
        # conjunct, or a sentence whose root is a noun
        if tok.sent.root.pos_ in ("NOUN", "PROPN") or any(
                c.dep_ in ("dobj", "obj", "nsubj") or (c.dep_ == "conj" and c.tag_ == "VBD") for c in tok.children):
            return False
        return True
    return tok.dep_ == "relcl" and any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


def _pairs(sources: list[Actor], targets: list[Actor], reciprocal: bool = True
           ) -> list[tuple[Actor | None, Actor | None, bool]]:
    """(source, target, reciprocal) pairs; coordinated sources without a target act on each other only when
    ``reciprocal`` ("A and B met"), else each is coded without a target ("A and B welcomed the move")."""
    if sources and targets:
        return [(s, t, False) for s in sources for t in targets]
    if len(sources) > 1 and reciprocal:
        return [(s, t, True) for s in sources for t in sources if s is not t]
    if len(sources) > 1:
        return [(s, None, False) for s in sources]
    if sources:
        return [(sources[0], None, False)]
    return [(None, t, False) for t in targets]


def _reciprocal(tok: "Token", cameo: str) -> bool:
    """Coordinated subjects act on each other: a joint act ("A and B met", "signed a deal"), a predicate with
    no object ("A and B clashed", "agreed to share") or one whose object they share ("upgraded their ties");
    not "A and B welcomed the resumption of ties with C". Speakers of one statement are not each other's
    addressees ("A and B said ...")."""
    if cameo.startswith("01") and tok.lemma_.lower() in SPEECH_VERBS:
        return False
    if _symmetric(cameo) or tok.pos_ not in ("VERB", "AUX"):
        return True
    t = tok
    while t.dep_ in ("xcomp", "conj") and t.head.i != t.i:
        t = t.head
        if t.lemma_.lower() in JOINT_HEADS:
            return True
    objects = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    return not objects or any(o.lemma_.lower() in RELATIONAL_OBJECTS for o in objects) \
        or shared_object(objects, RELATIONAL_OBJECTS)  # "their ties", "a joint drill" (reciprocity.py)


def _of_chain(nouns: list["Token"], depth: int = 2) -> list["Token"]:
    """The nouns named by the 'of' complements of ``nouns``, up to ``depth`` levels ("the resumption of
    formal ties" → ties)."""
    out: list["Token"] = []
    layer = nouns
    for _ in range(depth):
        layer = [p for n in layer for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"]
        out += layer
    return out
