"""The line-break segmenter: a line break starts a sentence, a comma never does."""

from __future__ import annotations

import pytest
import spacy

from conflictner.components.segment import LineBreakSegmenter


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.mark.parametrize("text,starts,not_starts", [
    ("Rebels Seize Town\n\nGOMA, Congo -- Rebels seized the town.", ["GOMA"], []),
    ("Headline here \nBody starts now.", ["Body"], []),
    ("Gunmen attacked a post, a source said.", [], ["a"]),
    ("Troops withdrew; residents fled.", [], ["residents"]),
])
def test_line_breaks_and_commas(blank, text, starts, not_starts):
    doc = LineBreakSegmenter()(blank.make_doc(text))
    for word in starts:
        tok = next(t for t in doc if t.text == word)
        assert tok.is_sent_start is True, word
    for word in not_starts:
        tok = next(t for t in doc if t.text == word and doc[t.i - 1].text in {",", ";"})
        assert tok.is_sent_start is False, word
    assert not any(t.is_space and t.is_sent_start for t in doc)


def test_min_newlines_two_ignores_single_breaks(blank):
    doc = LineBreakSegmenter(min_newlines=2)(blank.make_doc("A line\nwrapped here.\n\nNew para."))
    assert next(t for t in doc if t.text == "wrapped").is_sent_start is None
    assert next(t for t in doc if t.text == "New").is_sent_start is True
