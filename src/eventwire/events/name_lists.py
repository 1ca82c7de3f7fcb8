"""Lists of actor names read from the words, where the parse of the list is wrong.

A small parser often misreads a list of names it has not seen, and the more so when the names are rare or
made up (a user's own dictionary of armed groups, villages or the test countries of a dictionary's validation
suite): "Arland, Berio and the proud old Cadmia welcomed ..." can come out with "old" as a noun
coordinated to "Berio" and "Arland" as a modifier of "Cadmia"; "Arland, the Marches, Berio and Cadmia" with
"the Marches" as an apposition of "Arland" and the rest coordinated to it. The dictionary knows every name, and
the words show the list: members separated by commas, the last one after "and"/"or", each member a short noun
phrase (determiner, adjectives, name). ``listed_names`` reads such a list off the subject's words, members that
name no actor ("the lions") being skipped, and ``distributed_roles`` reads the shape "lawmakers and officials in
A and B" (each role in each country).

These readings only apply to a subject whose words are a plain list (nothing but determiners, adjectives,
nouns, names, commas and one coordinator); the extractor uses them only when they find more actors than the
parse does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..actors.resolver import Mentions

_COORDINATORS = frozenset(("and", "or"))
_MEMBER_POS = frozenset(("DET", "ADJ", "NOUN", "PROPN", "NUM"))
_ROLE_PREPS = frozenset(("in", "of", "from"))


def _words(subject: Token) -> list[Token]:
    """The subject's words left of its verb (its subtree, which a misparse may cut short: then nothing)."""
    verb = subject.head
    return [t for t in subject.subtree if t.i < verb.i] if subject.i < verb.i else []


def _members(tokens: list[Token]) -> list[list[Token]] | None:
    """The list members of ``tokens`` ("A, the B and C" → [A], [the B], [C]); None when the words are not a
    plain list of two or more noun phrases joined by commas and one final coordinator."""
    members: list[list[Token]] = [[]]
    coordinators = 0
    for t in tokens:
        if t.text == "," or t.lower_ in _COORDINATORS and t.pos_ == "CCONJ":
            coordinators += t.lower_ in _COORDINATORS
            if members[-1]:
                members.append([])
            continue
        if t.pos_ not in _MEMBER_POS and not (t.tag_ == "POS" or t.text == "-"):
            return None
        members[-1].append(t)
    members = [m for m in members if m]
    if coordinators != 1 or len(members) < 2:
        return None
    return members


def _entry_at_end(member: list[Token], mentions: Mentions):  # type: ignore[no-untyped-def]
    """The dictionary entry whose name ends the member ("the evil awful Gondor" → Gondor), or None."""
    first, last = member[0].i, member[-1].i
    return next((e for s, end, e in mentions.spans if end - 1 == last and s >= first), None)


def _member_actor(member: list[Token], mentions: Mentions) -> Actor | None:
    """The actor one list member names: a dictionary name at its end, or the mention of its last word."""
    entry = _entry_at_end(member, mentions)
    last = member[-1]
    if entry is not None and entry.country:
        text = " ".join(t.text for t in member if t.pos_ != "DET")
        return Actor(entry.code, text, entry.country, entry.sector, entry.name, member[0].idx,
                     last.idx + len(last.text), how="list member (read from the words)")
    actor = mentions.get(last)
    if actor is not None and actor.code and actor.start is not None and actor.start >= member[0].idx:
        return actor
    return None


def listed_names(subject: Token, mentions: Mentions) -> list[Actor]:
    """The actors of a subject that is a plain list of names ("Arland, Berio and the proud old Cadmia"),
    in text order; [] when the subject's words are no such list or name fewer than two actors."""
    members = _members(_words(subject))
    if members is None:
        return []
    actors = [a for m in members if (a := _member_actor(m, mentions)) is not None]
    return actors if len({a.code for a in actors}) >= 2 else []


def distributed_roles(subject: Token, mentions: Mentions) -> list[Actor]:
    """ "Lawmakers and officials in A and B": each role noun of the list before 'in/of/from' in each country of
    the list after it (A's lawmakers, A's officials, B's lawmakers, B's officials); [] for any other shape."""
    tokens = _words(subject)
    cut = next((k for k, t in enumerate(tokens) if t.lower_ in _ROLE_PREPS and t.pos_ == "ADP"), None)
    if cut is None:
        return []
    roles, places = tokens[:cut], tokens[cut + 1:]
    role_members = _members(roles) if len(roles) > 1 else ([roles] if roles else None)
    place_members = _members(places) if len(places) > 1 else ([places] if places else None)
    if not role_members or not place_members or len(role_members) * len(place_members) < 3:
        return []
    sectors = []
    for m in role_members:
        actor = mentions.get(m[-1])
        if actor is None or not actor.sector or _entry_at_end(m, mentions) is not None:
            return []
        sectors.append(actor.sector)
    countries = []
    for m in place_members:
        entry = _entry_at_end(m, mentions)
        if entry is None or not entry.country or entry.sector:
            return []
        countries.append((entry, m))
    out = []
    for entry, m in countries:
        for sector in dict.fromkeys(sectors):
            out.append(Actor(entry.country + sector, " ".join(t.text for t in m), entry.country, sector, entry.name,
                             m[0].idx, m[-1].idx + len(m[-1].text), how="role of a list in a list of countries"))
    return out


def subject_list(subject: Token, mentions: Mentions) -> list[Actor]:
    """The actors a list-shaped subject names when its words are read as a list (see the module docstring)."""
    return distributed_roles(subject, mentions) or listed_names(subject, mentions)
