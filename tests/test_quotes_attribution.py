"""Quotes and attribution: direct, partial, indirect, sourcing chains, multi-sentence and broken quotes."""

from __future__ import annotations

import pytest

from eventwire.quotes import quote_at, quote_spans


@pytest.mark.parametrize("text, quoted", [
    ('He said "we will win" today.', ['"we will win"']),
    ("He said \u201cwe will win\u201d today.", ["\u201cwe will win\u201d"]),
    ("\u201cFirst part,\u201d he said, \u201csecond part.\u201d",
     ["\u201cFirst part,\u201d", "\u201csecond part.\u201d"]),
    ('No marks here.', []),
    ('"Unclosed quote runs on\nNext paragraph.', ['"Unclosed quote runs on']),
])
def test_quote_spans(text, quoted):
    assert [text[s.start:s.end] for s in quote_spans(text)] == quoted


@pytest.mark.parametrize("text, fragment, speaker, direct", [
    # direct quote, speaker after
    ("\u201cWe are ready for talks,\u201d Dmitry Peskov said on Friday.", "ready for talks", "Peskov", True),
    # straight quotes, speaker before with a colon
    ('Zelensky said: "We will not give up our land."', "give up our land", "Zelensky", True),
    # quote broken by "he said"
    ("\u201cWe are ready,\u201d Peskov said, \u201cbut there are no specifics yet.\u201d", "no specifics",
     "Peskov", True),
    # partial quote
    ('Ushakov said Putin "wants to meet" the American leader soon.', "wants to meet", "Ushakov", True),
    # indirect speech
    ("Peskov said that there were no specifics about a meeting.", "there were no specifics", "Peskov", False),
    # according to
    ("Russian forces shelled the city overnight, according to the Ukrainian military.", "shelled the city",
     "military", False),
    # anonymous officials
    ("Officials said on condition of anonymity that the talks had stalled.", "the talks had stalled", "Officials",
     False),
    # state media
    ("State media reported that the leader had arrived in Beijing.", "the leader had arrived", "media", False),
    # pronoun speaker resolved to the person named before
    ("Vladimir Putin spoke in Moscow. He said the West was to blame.", "the West was to blame", "He", False),
])
def test_speaker(quotes_of, text, fragment, speaker, direct):
    quotes = quotes_of(text)
    q = next(q for q in quotes if fragment in q.text)
    assert q.direct is direct
    assert q.speaker is not None and speaker in q.speaker.text


def test_quote_spanning_three_sentences(quotes_of):
    text = ("\u201cThe offensive has stalled. Our troops are holding the line. We need more shells,\u201d "
            "the commander told reporters.")
    quotes = [q for q in quotes_of(text) if q.direct]
    assert len(quotes) == 1
    assert len(quotes[0].sentence_indices) >= 2
    assert "commander" in quotes[0].speaker.text


def test_paragraph_continuation_keeps_speaker(quotes_of):
    text = ("\u201cWe are ready,\u201d Peskov said.\n\n\u201cThe ball is in their court.\u201d\n\n"
            "Scare \u201cquotes\u201d alone are no quote.")
    quotes = [q for q in quotes_of(text) if q.direct]
    assert [q.speaker.text for q in quotes] == ["Peskov", "Peskov"]


@pytest.mark.parametrize("text, speaker, channel", [
    ("Peskov said the meeting was possible, according to the Interfax news agency.", "Peskov", "Interfax"),
    ("\u201cWe will respond,\u201d Lavrov told CNN.", "Lavrov", "CNN"),
    ("\u201cWe will respond,\u201d Lavrov said in an interview with Fox News.", "Lavrov", "Fox News"),
])
def test_nested_attribution_channel(quotes_of, text, speaker, channel):
    quotes = quotes_of(text)
    q = next(q for q in quotes if q.speaker is not None and speaker in q.speaker.text)
    assert q.channel is not None and channel in q.channel


def test_speaker_is_resolved_actor(quotes_of):
    quotes = quotes_of("\u201cNATO is provoking us,\u201d Russian President Vladimir Putin said.")
    assert quotes[0].speaker.code is not None


def test_quote_at(quotes_of):
    text = "\u201cWe will attack the bridge,\u201d the general said."
    quotes = quotes_of(text)
    assert quote_at(quotes, text.index("attack")) is quotes[0]
    assert quote_at(quotes, text.index("general")) is None
