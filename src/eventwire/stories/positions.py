"""Positions: who demanded, offered, rejected or accepted what, by issue, over time.

For events of the CAMEO 02 (appeal), 03 (intent to cooperate: offers), 08 (yield), 10 (demand) and 12 (reject)
families, or PLOVER DEMAND / AGREE / REJECT / CONCEDE, :func:`extract_positions`:

1. **Issue phrase** — read off the event sentence's parse around the trigger: the clause it governs
   ("demanded that Ukraine *withdraw its forces from four regions*"), its object or "for" phrase ("called
   for *an immediate ceasefire*"), or — when the object is itself a demand ("rebuffed Trump's *call for a
   ceasefire*", "rejected Russia's *demand that …*") — what that demand asks for. Coordinated clauses give one
   position each ("withdraw … and give up its NATO bid").
2. **Issue key** — content lemmas with synonyms folded (troops → force, pull out → withdraw, truce →
   ceasefire); two issues group when their keys overlap by at least ``ISSUE_OVERLAP`` of the smaller key.
3. **Response link** — a rejection, acceptance or counter-offer answers (``responds_to``) the latest earlier
   position it names (the possessor of "Trump's call" → Trump's call), else the latest earlier demand or offer
   on the same issue by another actor, else the latest earlier demand or offer aimed at its actor.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Token

    from ..model import Event

STANCE_BY_ROOT = {"02": "demand", "10": "demand", "03": "offer", "08": "concede", "12": "reject"}
STANCE_BY_PLOVER = {"DEMAND": "demand", "REQUEST": "demand", "AGREE": "accept", "REJECT": "reject",
                    "CONCEDE": "concede"}
ACCEPT_WORDS = {"accept", "agree", "endorse", "welcome", "approve"}
DEMAND_NOUNS = {"demand", "call", "request", "proposal", "offer", "plan", "condition", "ultimatum", "appeal",
                "initiative", "terms", "bid", "suggestion", "idea", "push"}
POSITION_WORDS = {"demand", "call", "urge", "insist", "ask", "request", "appeal", "press", "offer", "propose",
                  "suggest", "reject", "rebuff", "dismiss", "refuse", "deny", "decline", "spurn", "accept",
                  "agree", "endorse", "welcome", "approve", "concede", "promise", "pledge", "vow", "want", "seek",
                  "give", "yield", "insist", "require", "condition", "say", "tell", "warn", "threaten"}
GENERIC = {"condition", "demand", "proposal", "offer", "plan", "term", "call", "request", "idea", "ultimatum"}
RESPONSES = {"reject", "accept", "concede", "offer"}
ISSUE_OVERLAP = 0.6
_FOLD = {"troop": "force", "troops": "force", "soldier": "force", "army": "force", "military": "force",
         "pull": "withdraw", "withdrawal": "withdraw", "retreat": "withdraw", "truce": "ceasefire",
         "cease-fire": "ceasefire", "armistice": "ceasefire", "halt": "stop", "end": "stop", "cease": "stop",
         "membership": "nato", "region": "region", "territory": "region", "province": "region",
         "oblast": "region", "talk": "negotiation", "negotiate": "negotiation", "sanction": "sanction"}
_SKIP = {"immediate", "full", "complete", "new", "all", "whole", "its", "their", "any", "out", "also", "still"}


@dataclass(frozen=True, slots=True)
class Position:
    """One stated position: ``actor`` (code) ``stance``s ``issue`` on ``date``; evidence is the sentence."""

    id: str
    actor: str | None
    actor_text: str | None
    stance: str
    issue: str
    issue_key: tuple[str, ...]
    date: str | None
    target: str | None
    article_id: str
    sentence: str
    trigger: str
    sentence_index: int = 0
    issue_head: str = ""  # the issue's core word(s): "ceasefire", "withdraw force"
    named_actor: str | None = None  # "Trump's call": the actor whose position this one answers
    responds_to: str | None = None
    issue_group: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["issue_key"] = list(self.issue_key)
        return d


def stance_of(event: "Event") -> str | None:
    """demand / offer / concede / accept / reject, or None if the event states no position."""
    if event.modality in ("hypothetical", "demanded", "historical"):
        return None  # "if Moscow stopped …", "demanded that Ukraine give up …": not the source's own position
    trig = event.trigger.lower()
    if (event.negated or event.modality == "negated") and event.cameo[:2] in ("03", "08"):
        return "reject"  # "Ukraine would never give up its territory"
    if any(trig.startswith(w) for w in ACCEPT_WORDS) and (event.cameo[:2] in ("03", "08") or event.plover == "AGREE"):
        return "accept"
    return STANCE_BY_ROOT.get(event.cameo[:2]) or STANCE_BY_PLOVER.get(event.plover or "")


def _trigger_token(sent, event: "Event") -> "Token | None":
    idx = event.evidence.get("trigger_index")
    if isinstance(idx, int) and 0 <= idx < len(sent) and sent[idx].text == event.trigger:
        return sent[idx]
    return next((t for t in sent if t.text == event.trigger), None)


def _phrase(tokens: Iterable["Token"], drop: set[int] = frozenset()) -> str:
    toks = sorted((t for t in tokens if t.i not in drop and t.ent_type_ not in ("DATE", "TIME")), key=lambda t: t.i)
    toks = [t for t in toks if not (t.dep_ == "prep" and t.head.ent_type_ in ("DATE", "TIME"))
            and not (t.dep_ == "prep" and all(g.ent_type_ in ("DATE", "TIME") for g in t.children if g.dep_ == "pobj")
                     and any(g.dep_ == "pobj" for g in t.children))]
    while toks and (toks[0].dep_ in ("mark", "aux", "cc", "punct") or toks[0].lower_ in ("that", "to", "for")):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    return "".join(t.text_with_ws for t in toks).strip()


def _clause_issues(verb: "Token") -> list[str]:
    """'Ukraine withdraw its forces … and give up its NATO bid' → one phrase per coordinated verb, no subject."""
    verbs = [verb] + [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    out = []
    for v in verbs:
        drop = set()
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass", "cc", "punct") or \
                    (c.dep_ == "conj" and c in verbs) or (c.dep_ == "advcl"):
                drop |= {t.i for t in c.subtree}
        phrase = _phrase(v.subtree, drop)
        if phrase:
            out.append(phrase)
    return out


def _noun_issue(noun: "Token") -> tuple[list[str], str | None]:
    """An object noun: its own phrase, or — for a demand noun — what it asks for and who made it."""
    named = next((c.text for c in noun.children if c.dep_ == "poss"), None)
    if noun.lemma_.lower() in DEMAND_NOUNS:
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "of", "on"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return [_phrase(obj.subtree)], named
            if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX"):
                return _clause_issues(c), named
    drop = {t.i for c in noun.children if c.dep_ in ("poss", "relcl", "punct") for t in c.subtree}
    return [_phrase(noun.subtree, drop)], named


def issues_for(trigger: "Token") -> tuple[list[str], str | None]:
    """Issue phrase(s) governed by the trigger, and the actor named as the owner of what it answers."""
    kids = list(trigger.children)
    if trigger.pos_ == "VERB" and trigger.lemma_.lower() not in POSITION_WORDS:
        return _clause_issues(trigger), None  # the trigger names the issue itself: "offered to *halt strikes …*"
    for c in kids:  # demanded that X …, offered to halt …, insisted that …
        if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX"):
            return _clause_issues(c), None
    for c in kids:
        if c.dep_ in ("dobj", "obj", "nsubjpass"):
            return _noun_issue(c)
    for c in kids:  # called for a ceasefire; the call for …
        if c.dep_ == "prep" and c.lower_ in ("for", "on", "to"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return ([_phrase(obj.subtree)], None) if c.lower_ == "for" else _noun_issue(obj)
        if c.dep_ in ("acl",) and c.pos_ == "VERB":
            return _clause_issues(c), None
    if trigger.dep_ in ("dobj", "pobj", "nsubjpass") and trigger.pos_ == "NOUN":
        issues, named = _noun_issue(trigger)
        return issues, named
    return [], None


def issue_key(phrase: str, nlp: "Language | None" = None) -> tuple[str, ...]:
    """Normalised content words of an issue phrase (sorted, synonyms folded)."""
    words = re.findall(r"[a-z][a-z-]*", phrase.lower())
    out = set()
    for w in words:
        lemma = (w[:-3] + "y" if w.endswith("ies") and len(w) > 4 else
                 w[:-1] if w.endswith("s") and len(w) > 4 and not w.endswith("ss") else w)
        lemma = _FOLD.get(w, _FOLD.get(lemma, lemma))
        if lemma in _SKIP or lemma in _STOP:
            continue
        out.add(lemma)
    return tuple(sorted(out))


_STOP = {"along", "over", "about", "a", "an", "the", "of", "to", "from", "in", "on", "at", "for", "and", "or",
         "its", "their", "his", "her",
         "by", "with", "that", "this", "be", "is", "are", "was", "were", "it", "up", "as", "into", "any"}


def issue_head(phrase: str, nlp: "Language") -> str:
    """The core of an issue: the head noun ("ceasefire"), or verb + object head ("withdraw force")."""
    if not phrase:
        return ""
    doc = nlp(phrase)
    root = next((t for t in doc if t.dep_ == "ROOT"), doc[0])
    words = [root]
    if root.pos_ in ("VERB", "AUX"):
        obj = next((c for c in root.children if c.dep_ in ("dobj", "obj")), None)
        if obj is not None:
            words.append(obj)
    return " ".join(k for w in words for k in issue_key(w.lemma_.lower()) or (w.lemma_.lower(),))


def same_issue(a: tuple[str, ...], b: tuple[str, ...], head_a: str = "", head_b: str = "") -> bool:
    """Same issue in other words: key overlap of at least ISSUE_OVERLAP of the smaller key, or the same core."""
    if head_a and head_a == head_b:
        return True
    if not a or not b:
        return False
    return len(set(a) & set(b)) / min(len(a), len(b)) >= ISSUE_OVERLAP


def extract_positions(events: Iterable["Event"], nlp: "Language") -> list[Position]:
    """Positions of the position-type events, issue phrases extracted, grouped and response-linked."""
    found: list[Position] = []
    events = [ev for ev in events if stance_of(ev) is not None]
    parsed: dict[tuple[str, int], Any] = {}
    for ev in events:
        key = (ev.article_id, ev.sentence_index)
        if key not in parsed:
            parsed[key] = nlp(ev.sentence)
    triggers: dict[tuple[str, int], list[int]] = {}
    for ev in events:
        t = _trigger_token(parsed[(ev.article_id, ev.sentence_index)], ev)
        if t is not None:
            triggers.setdefault((ev.article_id, ev.sentence_index), []).append(t.i)
    for ev in events:
        key = (ev.article_id, ev.sentence_index)
        trig = _trigger_token(parsed[key], ev)
        if trig is not None and any(a.i in triggers[key] for a in trig.ancestors):
            continue  # the content of another position ("demanded that Ukraine … give up its NATO bid")
        stance = stance_of(ev)
        assert stance is not None
        issues, named = issues_for(trig) if trig is not None else ([], None)
        for k, issue in enumerate(issues or [""]):
            found.append(Position(
                id=ev.id if k == 0 else f"{ev.id}.{k}", actor=ev.source.code if ev.source else None,
                actor_text=ev.source.text if ev.source else None, stance=stance, issue=issue,
                issue_key=issue_key(issue), date=ev.date, target=ev.target.code if ev.target else None,
                article_id=ev.article_id, sentence=ev.sentence, trigger=ev.trigger, named_actor=named,
                sentence_index=ev.sentence_index, issue_head=issue_head(issue, nlp)))
    return link_positions(found)


def _country(code: str | None) -> str | None:
    return code[:3] if code and code[:3].isalpha() else None


def link_positions(positions: list[Position]) -> list[Position]:
    """Group issues and set ``responds_to``; returns the positions in time order."""
    order = sorted(positions, key=lambda p: (p.date or "", p.article_id, p.sentence_index, p.id))
    groups: list[tuple[str, tuple[str, ...], str]] = []  # (label, key, head)
    out: list[Position] = []
    for p in order:
        group = next((label for label, key, head in groups if same_issue(key, p.issue_key, head, p.issue_head)),
                     None)
        if group is None and p.issue_key and not set(p.issue_key) <= GENERIC:
            group = p.issue
            groups.append((group, p.issue_key, p.issue_head))
        p = replace(p, issue_group=group or "")
        if p.stance in RESPONSES:
            answered = _answered(p, out)  # a multi-issue statement is answered as a whole: its first position
            p = replace(p, responds_to=answered.split(".")[0] if answered else None)
        out.append(p)
    return out  # a group is labelled by its first phrase


def _answered(p: Position, earlier: list[Position]) -> str | None:
    me = _country(p.actor)
    asks = [q for q in reversed(earlier) if q.stance in ("demand", "offer") and _country(q.actor) != me]
    if p.named_actor:  # "Trump's call": the named actor's latest demand/offer, on this issue if there is one
        named = [q for q in asks if q.actor_text and (p.named_actor in q.actor_text or q.actor_text in p.named_actor)]
        hit = next((q for q in named if same_issue(q.issue_key, p.issue_key, q.issue_head, p.issue_head)), None)
        hit = hit or (named[0] if named else None)
        if hit:
            return hit.id
    hit = next((q for q in asks if same_issue(q.issue_key, p.issue_key, q.issue_head, p.issue_head)), None)
    if hit:
        return hit.id
    # "dismissed the conditions", a counter-offer: the latest demand or offer aimed at this actor
    aimed = [q for q in asks if me and _country(q.target) == me]
    hit = next((q for q in aimed if q.stance == "demand"), None) or (aimed[0] if aimed else None)
    return hit.id if hit else None


def filter_positions(positions: Iterable[Position], *, actor: str | None = None, since: dt.date | None = None,
                     issue: str | None = None) -> list[Position]:
    """Positions of ``actor`` (code prefix), dated on/after ``since``, on issues like ``issue``."""
    out = []
    wanted = issue_key(issue) if issue else ()
    for p in positions:
        if actor and not (p.actor or "").upper().startswith(actor.upper()):
            continue
        if since and not (p.date and p.date >= since.isoformat()):
            continue
        if issue and not (issue.lower() in (p.issue + " " + p.issue_group).lower()
                          or same_issue(wanted, p.issue_key) or same_issue(wanted, issue_key(p.issue_group))):
            continue
        out.append(p)
    return out
