"""Coding conventions a user can switch: one set of options for the CLI, the Python API, ingest and batch runs.

Event data sets differ in what counts as an event. PETRARCH-style data (the default here) codes dyads: both
actors named, a threat announced for the future coded as a threat. ACLED-style data codes one-sided events too
("fifty people were arrested": an arrest by police, nobody named as arresting). ``CodingOptions`` names these
choices; ``Coder(options=...)``, ``eventwire.code(..., options=...)``, ``code_many(..., options=...)``,
``run_batch(..., options=...)`` and the CLI flags (``eventwire code --implied-agents`` ...) all take it.

The defaults are the extractor's (``EventExtractor()``); what each option does and why it is off or on by
default: docs/events.md, "Options".
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any

from .errors import InputError

if TYPE_CHECKING:
    from .events.extractor import EventExtractor
    from .events.lexicon import Lexicon


@dataclass(frozen=True)
class CodingOptions:
    """Which events the coder keeps and how it fills in missing participants.

    Every field is a bool; ``CodingOptions()`` codes exactly as ``EventExtractor()`` does.
    """

    implied_agents: bool = False
    """An agentless act gets the doer the act implies: "fifty people were arrested" → an arrest (173) by police
    (``---COP``); a bomb that went off, shells fired, a protest with no protester named → by an unnamed actor
    (``---``). Off by default: dyadic (PETRARCH-style) data counts these as false alarms."""

    code_statements: bool = False
    """A speaker's statement without an addressee ("X said that ...", CAMEO 010) is an event, and speakers no
    dictionary knows ("sources said") are actors of unknown country; only political news is kept. Off by
    default: dyadic data needs an addressee."""

    unknown_targets: bool = False
    """A patient no dictionary knows is kept as an actor of unknown country ("detained several suspects":
    target ``---``) instead of dropping the event. Off by default: dyadic data needs a known target."""

    announced_threats: bool = True
    """A hostile act announced for the future ("will impose sanctions") is a CAMEO 13 threat. On by default;
    off codes the act by its own code, as PETRARCH does."""

    infer_countries: bool = True
    """An agent-only actor ("workers", "the government") takes the sentence's country when exactly one country
    is named in it ("workers in Serbia protested against the government" → target SRBGOV). On by default; off
    gives an actor only the country its own phrase names (``---GOV``, PETRARCH's convention)."""

    require_source: bool = True
    """An event needs a source actor. On by default; off keeps events whose source was not found
    (PETRARCH's require_dyad off)."""

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, bool):
                raise InputError(f"CodingOptions.{f.name} must be True or False, not {value!r}")

    # ---- construction ---------------------------------------------------------
    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> CodingOptions:
        """Options from a mapping of field names (a config file, a JSON request); unknown names are refused."""
        if not isinstance(values, dict):
            raise InputError(f"coding options must be a dict of option names, not a {type(values).__name__}")
        unknown = sorted(set(values) - set(option_names()))
        if unknown:
            raise InputError(f"unknown coding option(s) {', '.join(unknown)}; known: {', '.join(option_names())}")
        return cls(**values)

    @classmethod
    def of(cls, extractor: EventExtractor) -> CodingOptions:
        """The options an existing extractor was built with (the default for an option it does not have)."""
        default = cls()
        return cls(**{name: bool(getattr(extractor, name, getattr(default, name))) for name in option_names()})

    def extractor(self, lexicon: Lexicon | None = None) -> EventExtractor:
        """A new EventExtractor coding by these options."""
        from .events.extractor import EventExtractor

        return EventExtractor(lexicon=lexicon, **asdict(self))

    # ---- description ----------------------------------------------------------
    def changed(self) -> dict[str, bool]:
        """The options that differ from the defaults (what a run record or a manifest needs to say)."""
        default = CodingOptions()
        return {name: value for name, value in asdict(self).items() if getattr(default, name) != value}

    def describe(self) -> str:
        """A short text: "defaults", or the changed options ("implied_agents, no infer_countries")."""
        changed = self.changed()
        if not changed:
            return "defaults"
        return ", ".join(name if value else f"no {name}" for name, value in changed.items())


def option_names() -> list[str]:
    """The names of the coding options, in declaration order."""
    return [f.name for f in fields(CodingOptions)]


def checked_options(options: object) -> CodingOptions:
    """``options`` as CodingOptions: None → defaults; a dict → from_dict; anything else refused."""
    if options is None:
        return CodingOptions()
    if isinstance(options, CodingOptions):
        return options
    if isinstance(options, dict):
        return CodingOptions.from_dict(options)
    raise InputError(f"options must be an eventwire.CodingOptions (or a dict of option names), "
                     f"not a {type(options).__name__}")
