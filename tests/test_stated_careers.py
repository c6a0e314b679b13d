"""Careers stated in the text join one person across articles: articles written for the test, through the real
extractor, store, resolution, network and careers query. Trusts and people are invented."""
from __future__ import annotations

import csv
import io

import pytest

from nhskg.cli import main

T = "Northshire Valley Hospitals NHS Trust"
U = "Alder Park Hospitals NHS Foundation Trust"
V = "Eastwick Fenby Hospitals NHS Trust"

APPOINTED = (f"{T} names new chief executive\n\nJane Marsh, who was previously chief executive of {U}, has been "
             f"appointed chief executive of {T}. She takes up the post in June.\n")
QUOTED_AT_U = (f"{U} rated good\n\n{U} has been rated good by the Care Quality Commission. Chief executive "
               "Jane Marsh said staff should be proud.\n")
QUOTED_AT_T = (f"{T} told to improve\n\n{T} has been rated requires improvement. {T} chief executive Jane Marsh said "
               "the trust would act quickly.\n")


def _ingest(tmp_path, capsys, articles: dict[str, tuple[str, str]]) -> str:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, (published, text) in articles.items():
        (folder / f"{name}.txt").write_text(f"date {published}\n{text}", encoding="utf-8")
    store = str(tmp_path / "store")
    assert main(["ingest", str(folder), "--store", store, "--no-progress"]) == 0
    capsys.readouterr()
    return store


def _network(store, capsys) -> list[str]:
    assert main(["network", "--store", store]) == 0
    out = capsys.readouterr().out
    return out.split("Executives linked to more than one trust: ")[1].split("\n\n")[0].splitlines()


def _query(store, capsys, name) -> list[dict]:
    assert main(["query", name, "--store", store, "--format", "csv"]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_a_stated_former_post_makes_one_person_of_two_articles(tmp_path, capsys):
    store = _ingest(tmp_path, capsys, {"u-2020": ("2020-03-02", QUOTED_AT_U), "t-2021": ("2021-05-10", APPOINTED)})
    movers = _network(store, capsys)
    assert movers[0] == "1" and movers[1].strip() == "Jane Marsh"
    assert movers[2].strip().startswith(f"chief executive, {U} (reported 2020-03-02; former by 2021-05-10;")
    assert movers[3].strip().startswith(f"chief executive, {T} (reported 2021-05-10;")


def test_three_articles_one_career(tmp_path, capsys):
    store = _ingest(tmp_path, capsys, {"u-2020": ("2020-03-02", QUOTED_AT_U), "t-2021": ("2021-05-10", APPOINTED),
                                       "t-2022": ("2022-01-20", QUOTED_AT_T)})
    movers = _network(store, capsys)
    assert movers[:2] == ["1", "  Jane Marsh"] and len(movers) == 4
    rows = _query(store, capsys, "careers")
    assert [(r["person"], r["role"], r["organisation"], r["first_seen"], r["last_seen"], r["former_by"], r["articles"])
            for r in rows] == [
        ("Jane Marsh", "chief executive", U, "2020-03-02", "2020-03-02", "2021-05-10", "2"),
        ("Jane Marsh", "chief executive", T, "2021-05-10", "2022-01-20", "", "2"),
    ]


def test_the_people_query_has_one_row_per_post_with_its_status(tmp_path, capsys):
    store = _ingest(tmp_path, capsys, {"t-2021": ("2021-05-10", APPOINTED)})
    rows = _query(store, capsys, "people")
    assert sorted((r["person"], r["kind"], r["role"], r["organisation"], r["status"], r["board_post"]) for r in rows) == [
        ("Jane Marsh", "executive", "chief executive", U, "former", "chief executive"),
        ("Jane Marsh", "executive", "chief executive", T, "current", "chief executive"),
    ]
    assert [r["trust"] for r in _query(store, capsys, "executives")] == [T]  # held posts only


def test_namesakes_at_two_trusts_with_nothing_linking_them_stay_two(tmp_path, capsys):
    """Posts held at the same time: the rule that keeps namesakes apart holds with stated careers about."""
    store = _ingest(tmp_path, capsys, {
        "u": ("2021-03-08", f"{U} rated good\n\n{U} was rated good. Medical director Dr Tom Reed said staff were proud.\n"),
        "t": ("2021-03-08", f"{T} rated good\n\n{T} was rated good. Medical director Dr Tom Reed said staff were proud.\n"),
        "t2": ("2021-05-10", APPOINTED),  # a career stated for someone else does not join them
    })
    assert _network(store, capsys)[:2] == ["1", "  Jane Marsh"]
    assert sorted(r["organisation"] for r in _query(store, capsys, "careers") if r["person"] == "Tom Reed") == [U, T]
    assert main(["network", "--store", store, "--format", "json"]) == 0
    assert capsys.readouterr().out.count('"label": "Tom Reed"') == 2


def test_a_namesake_elsewhere_does_not_join_a_stated_career(tmp_path, capsys):
    """A chief executive of that name at a third trust at the same time is someone else."""
    store = _ingest(tmp_path, capsys, {
        "t": ("2021-05-10", APPOINTED),
        "v": ("2021-05-10", f"{V} rated good\n\n{V} was rated good. Chief executive Jane Marsh said staff were proud.\n"),
    })
    assert main(["network", "--store", store, "--format", "json"]) == 0
    assert capsys.readouterr().out.count('"label": "Jane Marsh"') == 2


@pytest.mark.parametrize("stated", [
    f"Jane Marsh, formerly chief executive of {U}, has been appointed chief executive of {T}.",
    f"Jane Marsh has been appointed chief executive of {T}. She was previously chief executive of {U}.",
    f"Jane Marsh has been appointed chief executive of {T}. She joins from {U}.",
])
def test_every_phrasing_of_a_stated_career_joins_the_two_articles(tmp_path, capsys, stated):
    store = _ingest(tmp_path, capsys, {"u-2020": ("2020-03-02", QUOTED_AT_U),
                                       "t-2021": ("2021-05-10", f"{T} names new chief executive\n\n{stated}\n")})
    assert _network(store, capsys)[:2] == ["1", "  Jane Marsh"]
