"""Title-case colon datelines ("Guwahati: ..."): cut when the gazetteer knows the city, kept for headlines."""

from __future__ import annotations

import pytest

from eventwire.clean import clean_text, strip_prefix


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Guwahati: The former chief minister has said the alliance is intact.",
         "The former chief minister has said the alliance is intact."),
        ("New Delhi: The government said on Monday it would hold talks.",
         "The government said on Monday it would hold talks."),
        ("Lahore: Opposition leaders met on Friday to plan a protest.", "Opposition leaders met on Friday to plan a protest."),
    ],
)
def test_city_colon_dateline_is_cut(line, expected):
    assert strip_prefix(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Putin: We will win.",  # a person, not a place
        "Obama: The party must change.",  # a small town of that name is no dateline
        "Hassan: I will run again.",  # first-person speech after the colon
        "Lahore: \"We are ready,\" the mayor said.",  # a quote after the colon
        "Tsunami Report: Moving from search to recovery.",  # a headline
        "Pakistan: Army says it killed militants.",  # a country before a colon is a topic, not a dateline
    ],
)
def test_colon_headlines_are_kept(line):
    assert strip_prefix(line) == line


def test_colon_dateline_only_at_line_start():
    text = "The minister said: Guwahati: is not the capital."
    assert clean_text(text) == text


@pytest.mark.parametrize(
    "line",
    [
        "Bergamo: He's going to regret it if they catch him again after all those years.",  # a transcript's speaker
        "Salerno: For nothing.",  # too short to be a news sentence
    ],
)
def test_transcript_speaker_labels_are_kept(line):
    assert strip_prefix(line) == line
