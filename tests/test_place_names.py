"""Words that are not the place the gazetteer knows by that word: dates ('in March'), the first
word of a longer unknown name ('near Ayn Isa' is not 'Ayn'), and a country name that modifies a noun
('a U.S. strike': a side, not a location)."""

from __future__ import annotations

import pytest

ROWS = [
    # text, a place that must NOT be found (name), a place that must be found (name or None)
    ("In March, government troops attacked the rebels near Goma.", "March", "Goma"),
    ("The militia was defeated in March 2016 after a long siege in Mali.", "March", "Mali"),
    ("Gunmen attacked a church in May in Burkina Faso, killing 15.", "May", "Burkina Faso"),
    ("Three strikes hit ISIL units near Ayn Isa in Syria.", "Al Ain City", "Syria"),
    ("Near Al Shadaddi, one strike engaged an ISIL unit in Syria.", "Al Ain City", "Syria"),
    ("Militants attacked a checkpoint near Mocimboa da Praia on Sunday.", None, "Mocímboa da Praia"),
    ("Troops clashed with rebels near Bunia Airport on Friday.", None, "Bunia Airport"),
    ("Russian troops shelled villages in Kharkiv Oblast on Monday.", None, "Kharkiv"),
    # a country name modifying a noun names a side, not a location
    ("A U.S. strike on Friday hit two al-Qaeda vehicles near Sarmada.", "United States", None),
    ("U.S. troops withdrew from the base on Sunday.", "United States", None),
    ("A Russia-made drone hit a house in Sumy region.", "Russia", "Sumy"),
    ("The United States carried out strikes in Yemen on Monday.", None, "Yemen"),
    ("U.S. troops left the embassy and flew back to the U.S. on Monday.", None, "United States"),
]


@pytest.mark.parametrize("text,absent,present", ROWS, ids=[r[0][:40] for r in ROWS])
def test_locative_names(extract, text, absent, present):
    names = [p.name for p in extract(text).places]
    if absent:
        assert absent not in names
    if present:
        assert present in names
