"""Misspelt names of known people: "Angela Merkell" is Angela Merkel.

News copy and hand-edited examples misspell well-known surnames by a letter. A PERSON name that the dictionaries do
not know is read as a dictionary person when the first names are equal and the surname is one edit (a letter
added, dropped, changed or two swapped) from the person's, the surname is long enough for that to be a slip
(6 letters or more), and exactly one known person fits.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections import defaultdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .dictionary import ActorDictionary, Entry

MIN_SURNAME = 6
# dictionary → (first name, number of words) → full names; dropped with the dictionary
_INDEX: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _people(dictionary: ActorDictionary) -> dict[tuple[str, int], list[str]]:
    index = _INDEX.get(dictionary)
    if index is None:
        grouped: dict[tuple[str, int], set[str]] = defaultdict(set)
        for entry in dictionary.entries():
            words = entry.name.split()
            if entry.kind == "person" and len(words) >= 2 and entry.alias == entry.name:
                grouped[(words[0].lower(), len(words))].add(entry.name)
        index = {k: sorted(v) for k, v in grouped.items()}
        _INDEX[dictionary] = index
    return index


def misspelt_person(dictionary: ActorDictionary, name: str, date: dt.date | None,
                    one_edit) -> Entry | None:  # type: ignore[no-untyped-def]
    """The dictionary entry of the one known person ``name`` misspells, or None."""
    words = name.split()
    if len(words) < 2 or len(words[-1]) < MIN_SURNAME or dictionary.lookup(name, date) is not None:
        return None
    surname = words[-1].lower()
    fits = [full for full in _people(dictionary).get((words[0].lower(), len(words)), [])
            if [w.lower() for w in full.split()[1:-1]] == [w.lower() for w in words[1:-1]]
            and one_edit(surname, full.split()[-1].lower())]
    if len(fits) != 1:
        return None
    return dictionary.lookup(fits[0], date) or dictionary.out_of_office(fits[0], date)
