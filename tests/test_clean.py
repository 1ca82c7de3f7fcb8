"""Cleaning wire boilerplate: drops agency furniture, never real sentences."""

from __future__ import annotations

import pytest

from eventwire.clean import clean_text, is_boilerplate, strip_prefix


@pytest.mark.parametrize(
    "line, expected",
    [
        ("WASHINGTON (Reuters) - The U.S. imposed sanctions.", "The U.S. imposed sanctions."),
        ("(Bloomberg) -- Russia said talks were possible.", "Russia said talks were possible."),
        ("MOSCOW, Nov 8 (Reuters) - Peskov spoke.", "Peskov spoke."),
        ("KYIV, Ukraine (AP) \u2014 Ukraine's army said.", "Ukraine's army said."),
        ("BEIJING, Dec. 2 (Xinhua) -- China said.", "China said."),
        ("MOSCOW \u2014 The Kremlin said on Friday.", "The Kremlin said on Friday."),
        ("MOSCOW, March 3 - Russia demanded a ceasefire.", "Russia demanded a ceasefire."),
        ("GENEVA, Jan. 3, 2025 -- Iran said talks would resume.", "Iran said talks would resume."),
        ("KYIV, Ukraine \u2014 Ukraine said.", "Ukraine said."),
        ("The Kremlin said on Friday.", "The Kremlin said on Friday."),
        ("US President Joe Biden (left) met Xi.", "US President Joe Biden (left) met Xi."),
        ("NATO - the alliance - met.", "NATO - the alliance - met."),
        ("Kandahar, Afghanistan - Tribal elders met.", "Tribal elders met."),
        ("Israel - Hamas talks resumed.", "Israel - Hamas talks resumed."),
        ("Putin: We will win.", "Putin: We will win."),
    ],
)
def test_clean_strip_prefix(line, expected):
    assert strip_prefix(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Most Read from Bloomberg",
        "Read more: Putin says West is to blame",
        "Sign up for our daily newsletter",
        "\u00a9 2024 Bloomberg L.P.",
        "Copyright 2024 The Associated Press. All rights reserved.",
        "(Updates with Kremlin comment in third paragraph.)",
        "(Adds details, background)",
        "Photo: AFP",
        "Reporting by Guy Faulconbridge; Editing by Alex Richardson",
        "By John Smith and Jane Doe",
        "Editor's note: this story has been updated.",
    ],
)
def test_clean_drops_boilerplate_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Read the statement, the minister told reporters.",
        "Russia signed up for the talks in Geneva.",
        "By Friday, Ukraine had withdrawn its troops.",
        "Copying the plan, Iran said it would build more centrifuges.",
        "He said the photo showed the damage.",
        "Sign language interpreters joined the talks.",
    ],
)
def test_clean_keeps_real_sentences(line):
    assert not is_boilerplate(line)
    assert clean_text(line) == line


def test_clean_text_whole_story_keeps_paragraphs():
    story = (
        "MOSCOW, Nov 8 (Reuters) - Kremlin spokesman Dmitry Peskov said on Friday that no talks were planned.\r\n"
        "\r\n"
        "Most Read from Bloomberg\n"
        "Putin has called for Ukraine to withdraw.\n"
        "\n\n"
        "(Updates with Kremlin comment in third paragraph.)\n"
        "Copyright 2024 Reuters. All rights reserved.\n"
    )
    assert clean_text(story) == (
        "Kremlin spokesman Dmitry Peskov said on Friday that no talks were planned.\n\n"
        "Putin has called for Ukraine to withdraw."
    )


def test_clean_removes_control_characters_and_nbsp():
    assert clean_text("Russia\u00a0said\x07 no.") == "Russia said no."
