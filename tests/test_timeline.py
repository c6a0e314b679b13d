"""nhskg timeline: a trust's history in date order, each entry with its articles."""
from __future__ import annotations

import csv
import io

import pytest
from careers_kit import article, build_store, cqc, org, person

from nhskg.cli import main
from nhskg.ingest.model import Enforcement, Inspection, Rating, SpecialMeasures

A = lambda: org("a", "Alderley Vale NHS Trust", aliases=["Alderley Vale"])  # noqa: E731
SITE = lambda: org("h", "Alderley General Hospital", "hospital", trust_key="a")  # noqa: E731


@pytest.fixture
def store_dir(tmp_path):
    build_store(tmp_path / "s", [
        article("t1.txt", "2016-05-10", [A(), SITE(), cqc()], [person("j", "Jane Okafor", "chief executive", "a")],
                ratings=[Rating("a", "Inadequate", date="2016-04")],
                special_measures=[SpecialMeasures("a", "placed", date="2016-05")],
                inspections=[Inspection("h", start="2016-01")]),
        article("t2.txt", "2018-07-02", [A(), cqc()],
                [person("k", "Kofi Mensah", "chief executive", "a", qualifier="interim", start_date="2018-06")],
                ratings=[Rating("a", "Requires improvement", previous="Inadequate")],
                special_measures=[SpecialMeasures("a", "out")],
                enforcement=[Enforcement("a", "section 29A warning notice", date="2017-11-20")]),
        article("t3.txt", "2018-08-01", [org("b", "Brookmere NHS Trust")],  # another trust: not in the timeline
                [person("m", "Mo Ali", "chief executive", "b")], ratings=[Rating("b", "Good")]),
    ]).flush()
    return str(tmp_path / "s")


def rows(store_dir, capsys, trust):
    assert main(["timeline", trust, "--store", store_dir, "--format", "csv"]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_entries_in_date_order_with_their_articles(store_dir, capsys):
    got = [(r["date"], r["dated_by"], r["kind"], r["detail"], r["articles"].rsplit("/", 1)[-1])
           for r in rows(store_dir, capsys, "Alderley Vale NHS Trust")]
    assert got == [
        ("2016-01", "text", "inspection", "inspection", "t1.txt"),
        ("2016-04", "text", "rating", "Inadequate, overall", "t1.txt"),
        ("2016-05", "text", "special measures", "placed in special measures", "t1.txt"),
        ("2016-05-10", "article", "leader", "chief executive: Jane Okafor", "t1.txt"),
        ("2017-11-20", "text", "enforcement", "section 29A warning notice", "t2.txt"),
        ("2018-06", "text", "leader", "interim chief executive: Kofi Mensah", "t2.txt"),
        ("2018-07-02", "article", "rating", "Requires improvement, overall (was Inadequate)", "t2.txt"),
        ("2018-07-02", "article", "special measures", "taken out of special measures", "t2.txt"),
    ]


@pytest.mark.parametrize("name", ["alderley vale", "Alderley General Hospital", "Alderley Vale NHS Trst"])
def test_trust_found_by_alias_hospital_or_misspelling(store_dir, capsys, name):
    assert len(rows(store_dir, capsys, name)) == 8


def test_not_a_trust_is_one_clear_line(store_dir, capsys):
    assert main(["timeline", "Jane Okafor", "--store", store_dir]) == 2
    err = capsys.readouterr().err
    assert err == "nhskg timeline: Jane Okafor (executive) is not a trust\n"


def test_text_output_marks_dates_taken_from_the_article(store_dir, capsys):
    assert main(["timeline", "Alderley Vale NHS Trust", "--store", store_dir]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Alderley Vale NHS Trust: 8 entries from 2 articles"
    assert "2016-05-10*" in out and out.rstrip().endswith("* dated by the article reporting it")
