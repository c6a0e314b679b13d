"""Readers: plain text with sidecar metadata, HTML, JSON Lines and folders; bad input becomes a ReadError."""
from __future__ import annotations

from pathlib import Path

from nhskg.ingest.model import Article
from nhskg.ingest.readers import ReadError, read_paths

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def read(*paths) -> list[Article | ReadError]:
    return list(read_paths([str(p) for p in paths]))


def test_text_takes_its_title_from_the_first_line_and_metadata_from_the_sidecar():
    [a] = read(FIXTURES / "fenwick-2022.txt")
    assert a.title == "Fenwick hospital trust rated inadequate by CQC"
    assert (a.published, a.publisher, a.url) == ("2022-04-20", "Fixture Gazette", "https://example.org/fixture/fenwick-2022")
    assert a.source == str((FIXTURES / "fenwick-2022.txt").resolve())
    assert "Fenwick County Hospital in February 2022" in a.text


def test_text_without_sidecar(tmp_path):
    f = tmp_path / "plain.txt"
    f.write_text("A title line\r\n\r\nBody text.\r\n")
    [a] = read(f)
    assert (a.title, a.published, a.publisher, a.url) == ("A title line", None, None, None)
    assert "\r" not in a.text


def test_html_gives_main_text_title_date_and_site_name():
    [a] = read(FIXTURES / "more" / "ashby.html")
    assert a.title == "Ashby Park maternity services rated good"
    assert (a.published, a.publisher) == ("2024-01-09", "Fixture Herald")
    assert "run by Ashby and Drayton NHS Foundation Trust" in a.text
    assert "Home | News" not in a.text  # navigation is not article text


def test_json_lines_one_article_per_line_named_by_line_or_url():
    path = FIXTURES / "more" / "briefs.jsonl"
    first, second = read(path)
    assert first.source == f"{path.resolve()}#L1" and first.title == "Coldbrook trust leaves special measures"
    assert first.published == "2023-11-02" and first.publisher == "Fixture Gazette"
    assert second.source == "https://example.org/fixture/dunmore" and second.title is None


def test_a_folder_is_read_recursively_and_sidecars_are_not_articles():
    sources = sorted(Path(a.source.split("#")[0]).name if "://" not in a.source else a.source for a in read(FIXTURES))
    assert sources == ["ashby.html", "briefs.jsonl", "fenwick-2022.txt", "https://example.org/fixture/dunmore"]


def test_bad_input_is_reported_and_reading_goes_on(tmp_path):
    (tmp_path / "lines.jsonl").write_text('{"text": "Fine article."}\nnot json\n{"title": "no text"}\n\n[1, 2]\n')
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "meta.txt").write_text("Title\n\nText.")
    (tmp_path / "meta.meta.json").write_text("{not json")
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF")
    items = read(tmp_path, tmp_path / "missing.txt")
    articles = [i for i in items if isinstance(i, Article)]
    errors = {(Path(e.path).name, e.message.split(" (")[0].split(":")[0]) for e in items if isinstance(e, ReadError)}
    assert [a.text for a in articles] == ["Fine article."]
    assert errors == {
        ("binary.txt", "not a text file"),
        ("empty.txt", "empty article"),
        ("lines.jsonl#L2", "not valid JSON"),
        ("lines.jsonl#L3", 'each line must be a JSON object with a "text" string'),
        ("lines.jsonl#L5", 'each line must be a JSON object with a "text" string'),
        ("meta.meta.json", "unreadable metadata sidecar"),
        ("missing.txt", "no such file or directory"),
    }


def test_windows_1252_text_is_read(tmp_path):
    f = tmp_path / "old.txt"
    f.write_bytes("Trust\u2019s chief executive\n\nCaf\u00e9 closed.".encode("cp1252"))
    [a] = read(f)
    assert a.title == "Trust\u2019s chief executive" and "Caf\u00e9" in a.text
