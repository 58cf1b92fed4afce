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


@pytest.mark.parametrize("text,lead", [
    ("PESHAWAR, Pakistan (Reuters) - A suicide bomber hit a convoy.", "A"),
    ("PORT-AU-PRINCE, Haiti (AP) — Gangs stormed a town.", "Gangs"),
    ("BOGOTA (AFP) - Six police officers were killed.", "Six"),
    ("KYIV, Ukraine, March 3 (Reuters) -- Russian missiles struck the city.", "Russian"),
    ("Drone hits base\nKHARTOUM, Sudan — The RSF shelled El Fasher.", "The"),
    ("GOMA, Democratic Republic of Congo (Reuters) - M23 rebels said they had captured Goma.", "M23"),
    ("PORT OF SPAIN, Trinidad and Tobago (AP) — Gunmen killed four people.", "Gunmen"),
    ("NEW DELHI/ISLAMABAD (Reuters) - India launched missile strikes on nine sites.", "India"),
])
def test_wire_dateline_is_not_part_of_the_lead(blank, text, lead):
    """The dash after a wire dateline starts the lead: glued to it, the dateline's town and
    agency would become the subject of the lead's first verb."""
    doc = LineBreakSegmenter()(blank.make_doc(text))
    tok = next(t for t in doc if t.text == lead)
    assert tok.is_sent_start is True


@pytest.mark.parametrize("text", [
    "A NATO spokesman - speaking in Brussels - said the strike was legal.",
    "Fighting in the north - where rebels hold Kidal - went on.",
    "The strike hit KYIV - and Lviv.",
])
def test_no_dateline_no_split(blank, text):
    doc = LineBreakSegmenter()(blank.make_doc(text))
    assert not any(t.is_sent_start for t in doc[1:])


def test_dateline_split_in_the_pipeline(nlp):
    """End to end: the dateline's country and agency are not attackers of the lead's attack."""
    import conflictner

    ex = conflictner.extract("PORT-AU-PRINCE, Haiti (AP) — Gang members stormed the town of Mirebalais "
                             "overnight, killing at least 25 people, officials said.", nlp=nlp)
    names = {a.id: a.name for a in ex.actors}
    assert len(ex.events) == 1
    assert [names[a] for a in ex.events[0].attacker_ids] == ["Gang members"]


@pytest.mark.parametrize("text,word", [
    ("Headline\r\n\r\nBody starts now.", "Body"),
    ("Headline \t\n  \n\tBody starts now.", "Body"),
    ("\n\nBody starts now.", "Body"),
    ("Drone strike  \n\nKHARTOUM, Sudan — The RSF shelled El Fasher.", "The"),
])
def test_line_breaks_inside_any_whitespace(blank, text, word):
    """A line break starts a sentence whatever whitespace surrounds it (the breaks are read
    from the whitespace tokens, not from the text)."""
    doc = LineBreakSegmenter()(blank.make_doc(text))
    assert next(t for t in doc if t.text == word).is_sent_start is True
