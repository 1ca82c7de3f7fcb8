"""Events with nobody found doing them are not coded (PETRARCH's require_dyad); the option turns that off."""

from eventwire.events.extractor import EventExtractor


def test_require_source_is_the_default() -> None:
    assert EventExtractor().require_source is True
    assert EventExtractor(require_source=False).require_source is False


def test_agentless_passive_is_not_coded(code_text) -> None:
    events = code_text("Six Ukrainian soldiers were killed on Tuesday.", "2024-11-08")
    assert all(e.source is not None for e in events)


def test_no_target_and_no_object_is_not_coded(code_text) -> None:
    events = code_text("The French government refused on Tuesday.", "2024-11-08")
    assert not [e for e in events if e.target is None]


def test_reduced_passive_noun_is_the_patient(code_text) -> None:
    events = code_text("Two Australian tourists arrested in Bali were questioned by Indonesian police on Tuesday.",
                       "2024-11-08")
    assert not [e for e in events if e.source is not None and e.source.code and e.source.code.startswith("AUS")]
