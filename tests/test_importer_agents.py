"""PETRARCH agent files read as PETRARCH reads them: regular plurals generated, ``{}`` meaning none."""

from __future__ import annotations

import datetime as dt

AGENTS = "CONGRESS [~LEG]\nAUTHORITY [~GOV]\nPOLICE {} [~COP]\nGOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\n!P! = MAN, MEN\nTOLL!P! [~TOL]\n"


def test_regular_plurals_are_generated_on_request() -> None:
    from eventwire.actors.importer import read_agent_file

    plain = read_agent_file("x.agents.txt", text=AGENTS)
    assert "congresses" not in plain  # by default the resolver's own plural matching is relied on
    agents = read_agent_file("x.agents.txt", text=AGENTS, regular_plurals=True)
    assert agents["congresses"] == "LEG" and agents["authorities"] == "GOV"
    assert "polices" not in agents and agents["police"] == "COP"  # {}: no plural
    assert agents["golden geese"] == "GGS" and "golden gooses" not in agents  # listed plural only
    assert agents["tollmen"] == "TOL" and not any("!" in k for k in agents)


def test_regular_plural() -> None:
    from eventwire.actors.importer import regular_plural

    assert [regular_plural(w) for w in ("CONGRESS", "AUTHORITY", "DAY", "MAIN_OPPOSITION_GROUP", "church")] == \
        ["CONGRESSES", "AUTHORITIES", "DAYS", "MAIN_OPPOSITION_GROUPS", "churches"]


def test_a_role_without_plural_is_not_matched_in_the_plural(nlp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """With a suite's agent file, 'polices' is no police (POLICE {}), and 'Congresses' is a legislature."""
    from eventwire.coding import Coder
    from eventwire.evaluation.petrarch_dicts import with_petrarch_agents
    from eventwire.model import Article

    (tmp_path / "X.agents.txt").write_text(AGENTS)
    coder = with_petrarch_agents(Coder(nlp), tmp_path)
    date = dt.date(2020, 1, 1)

    def sources(text: str) -> list[str]:
        return [e.source.code for e in coder.code(Article(text=text, date=date)).events if e.source]

    assert sources("The Chilean Congresses condemned Peru.") == ["CHLLEG"]
    assert sources("The Chilean police condemned Peru.") == ["CHLCOP"]
    assert sources("The Chilean polices condemned Peru.") == ["CHL"]


def test_an_agent_phrase_with_of_is_found_right_of_its_head(nlp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """'MINISTRY_OF_SILLY_WALKS [~GOV]': the words after the head noun's 'of' are part of the role phrase."""
    from eventwire.coding import Coder
    from eventwire.evaluation.petrarch_dicts import with_petrarch_agents
    from eventwire.model import Article

    (tmp_path / "X.agents.txt").write_text("!MINST! = MINISTER, MINISTRY\n!MINST!_OF_SILLY_WALKS [~GOV]\n")
    coder = with_petrarch_agents(Coder(nlp), tmp_path)
    events = coder.code(Article(text="The Chilean Ministry of Silly Walks condemned Peru.", date=dt.date(2020, 1, 1)))
    assert [e.source.code for e in events.events if e.source] == ["CHLGOV"]


def test_prefix_agents_go_before_the_country(nlp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """'MSF [NGO~]': the agent code goes before the country ("MSF Chile" → NGOCHL), a suffix agent after it, and
    the suite's agent beats the shipped actor alias 'MSF'."""
    from eventwire.actors.importer import read_agent_file
    from eventwire.coding import Coder
    from eventwire.evaluation.petrarch_dicts import with_petrarch_agents
    from eventwire.model import Article

    text = "MSF {} [NGO~]\nDIPLOMAT [~GOV]\n"
    assert read_agent_file("x.agents.txt", text=text) == {"diplomat": "GOV"}  # dropped unless asked for
    assert read_agent_file("x.agents.txt", text=text, prefix_agents=True)["msf"] == "NGO~"
    (tmp_path / "X.agents.txt").write_text(text)
    coder = with_petrarch_agents(Coder(nlp), tmp_path)

    def sources(sentence: str) -> list[str]:
        return [e.source.code for e in coder.code(Article(text=sentence, date=dt.date(2020, 1, 1))).events if e.source]

    assert sources("MSF Chile condemned Peru.") == ["NGOCHL"]
    assert sources("An MSF Chile diplomat condemned Peru.") == ["NGOCHLGOV"]
