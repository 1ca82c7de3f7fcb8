"""Quote forms of news copy: two-apostrophe marks, cues set off by commas, speakers the parser misplaces,
polls and studies as sources, 'it added', 'told his aides to ...', curly quotes nested in straight ones."""

from __future__ import annotations

import pytest

from eventwire.quotes import quote_spans


@pytest.mark.parametrize("text, quoted", [
    ("''We will win,'' he said.", ["''We will win,''"]),
    ("Not paying taxes ''makes me smart,'' Trump said.", ["''makes me smart,''"]),
    ("The players' union and the owners' group met.", []),  # possessives are not quotation marks
    # curly quotes nested in a straight-quoted transcript paragraph: one quote to the paragraph end
    ('"PENCE: Well, she thinks this is an episode of \u201cShark Tank.\u201d It is not.',
     ['"PENCE: Well, she thinks this is an episode of \u201cShark Tank.\u201d It is not.']),
])
def test_quote_marks(text, quoted):
    assert [text[s.start:s.end] for s in quote_spans(text)] == quoted


def _find(quotes, fragment):
    return next((q for q in quotes if fragment in q.text), None)


@pytest.mark.parametrize("text, fragment, speaker, direct", [
    ("''This plan has the great merit of being cheap to run,'' said Maria Lindqvist.",
     "cheap to run", "Lindqvist", True),
    # a cue set off by commas inside the reported clause
    ("The new library, Mr. Carter said, honoured many of his teachers.", "honoured many", "Carter", False),
    # the parser's subject is inside the quote; the speaker sits between the quote and the verb
    ("\u201cWe will find whoever did this,\u201d Dayton police Chief Maria Lopez said Tuesday.",
     "find whoever", "Lopez", True),
    # evidence as the source
    ("A new poll shows that Clinton leads Trump by five points in Ohio.", "Clinton leads", "poll", False),
    ("Footage of the arrest shows her with her arms raised above her head.", "arms raised", "Footage", False),
    # an instruction reported with 'told ... to'
    ("Obama told his advisers to find a way to cut emissions without Congress.", "find a way", "Obama", False),
])
def test_speakers(quotes_of, text, fragment, speaker, direct):
    quote = _find(quotes_of(text), fragment)
    assert quote is not None, f"no quote containing {fragment!r}"
    assert quote.direct is direct
    assert quote.speaker is not None and speaker in quote.speaker.text


def test_it_as_speaker_of_a_publication(quotes_of):
    text = ("The newspaper praised the developer. \u201cHe has managed to pay off most of his loans and is pressing "
            "ahead with new projects,\u201d it added.")
    quote = _find(quotes_of(text), "pay off most")
    assert quote is not None and quote.speaker is not None and quote.speaker.text == "it"


def test_told_reporters_is_not_content(quotes_of):
    quotes = quotes_of("The minister told reporters on Friday in Brussels.")
    assert not any("reporters" in q.text for q in quotes)


def test_showing_a_passport_is_not_attribution(quotes_of):
    quotes = quotes_of("The traveller showed his passport to the guard at the border.")
    assert quotes == []


def test_phrase_of_a_head_parsed_as_conj_or_punct_is_the_head():
    """A misparse can label a speaker's head "conj"/"punct" with nothing to its left: the phrase is still the head
    (this raised ValueError on a real news sentence)."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from eventwire.quotes import _phrase

    doc = Doc(Vocab(), words=["Kumar", "said", "it", "calmly"], heads=[1, 1, 1, 2],
              deps=["nsubj", "ROOT", "conj", "advmod"])
    assert _phrase(doc[2]).text == "it"
