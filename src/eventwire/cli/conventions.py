"""The coding-convention flags shared by every command that codes (code, batch, ingest, demo, serve).

Each command declares the same parameters with these Option objects (as store.py shares DB_OPTION) and turns them
into one ``conventions.CodingOptions`` with ``coding_options(...)``. What each option does: docs/events.md,
"Options".
"""

from __future__ import annotations

import typer

from ..conventions import CodingOptions

PANEL = "Coding conventions (default: dyads only, as PETRARCH)"

IMPLIED_AGENTS = typer.Option(
    False, "--implied-agents", rich_help_panel=PANEL,
    help="Give agentless acts the doer they imply: 'fifty people were arrested' → an arrest by police (---COP); "
         "a bomb that went off, shells fired, an unnamed protest → by an unnamed actor (---).")
ONE_SIDED = typer.Option(
    False, "--one-sided", rich_help_panel=PANEL,
    help="Keep events with one known side, as ACLED codes: --statements and --unknown-targets together.")
STATEMENTS = typer.Option(
    False, "--statements", rich_help_panel=PANEL,
    help="Code political statements without an addressee ('X said that ...', 010), unknown speakers as ---.")
UNKNOWN_TARGETS = typer.Option(
    False, "--unknown-targets", rich_help_panel=PANEL,
    help="Keep events whose patient no dictionary knows, with target --- ('detained several suspects').")
NO_INFER_COUNTRIES = typer.Option(
    False, "--no-infer-countries", rich_help_panel=PANEL,
    help="Give an actor only the country its own phrase names: 'the government' in a sentence about Serbia "
         "stays ---GOV, not SRBGOV.")
THREATS_AS_ACTS = typer.Option(
    False, "--threats-as-acts", rich_help_panel=PANEL,
    help="Code an act announced for the future ('will impose sanctions') by the act's own code, not as a "
         "threat (13), as PETRARCH does.")

FLAGS = ("--implied-agents", "--one-sided", "--statements", "--unknown-targets", "--no-infer-countries",
         "--threats-as-acts")


def coding_options(implied_agents: bool = False, one_sided: bool = False, statements: bool = False,
                   unknown_targets: bool = False, no_infer_countries: bool = False,
                   threats_as_acts: bool = False) -> CodingOptions:
    """The command's convention flags as one CodingOptions (every flag off: the defaults)."""
    return CodingOptions(implied_agents=implied_agents, code_statements=statements or one_sided,
                         unknown_targets=unknown_targets or one_sided, infer_countries=not no_infer_countries,
                         announced_threats=not threats_as_acts)


def command_flags(options: CodingOptions) -> list[str]:
    """The flags that give ``options`` (for a run record's command line)."""
    flags = []
    if options.implied_agents:
        flags.append("--implied-agents")
    if options.code_statements and options.unknown_targets:
        flags.append("--one-sided")
    elif options.code_statements:
        flags.append("--statements")
    elif options.unknown_targets:
        flags.append("--unknown-targets")
    if not options.infer_countries:
        flags.append("--no-infer-countries")
    if not options.announced_threats:
        flags.append("--threats-as-acts")
    return flags
