"""Dates in running text, resolved against the article's date when the year is left out."""
from __future__ import annotations

from nhskg.ingest.when import find_dates


def dates(text, published=None):
    return [(first, last) for _s, _e, first, last in find_dates(text, published)]


def test_month_and_year():
    assert dates("placed into special measures in December 2015") == [("2015-12", None)]


def test_day_range_takes_the_year_of_the_article():
    assert dates("following the inspection on 5 to 7 December", "2018-03-21") == [("2017-12-05", "2017-12-07")]
    assert dates("inspected on 5 to 7 February", "2018-03-21") == [("2018-02-05", "2018-02-07")]


def test_month_alone_before_the_article_month_is_this_year_after_it_last_year():
    assert dates("a visit in December", "2018-03") == [("2017-12", None)]
    assert dates("a visit in January", "2018-03") == [("2018-01", None)]


def test_month_without_any_known_year():
    assert dates("inspectors visited in November") == [("--11", None)]


def test_year_alone_and_may_the_verb():
    assert dates("It was first rated in 2014 and may improve.") == [("2014", None)]


def test_day_month_year():
    assert dates("on 8 November 2018 and on the 3rd of May, 2019") == [("2018-11-08", None), ("2019-05-03", None)]
