"""Bad files and bad arguments: each bad file is one line naming it, the good ones are ingested, the exit
status says whether anything failed, nothing already stored is lost, and no input gives a traceback."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pyoxigraph
import pytest

from cli_kit import build_store, facts_2021, run
from nhskg.ingest import htmlpage
from nhskg.ingest.model import Article
from nhskg.ingest.readers import ReadError, read_paths
from nhskg.store import article_graphs, graph_of_source, open_store

GOOD = "Kestrel Vale NHS Trust rated good\n\nKestrel Vale NHS Trust has been rated good overall by the Care Quality Commission.\n"
CP1252 = ("Harrowfield trust\u2019s \u00a33m deficit\n\nHarrowfield NHS Trust, which faces a \u00a33m deficit, "
          "has been rated \u201cinadequate\u201d by the Care Quality Commission.\n")
HTML = """<html><head><title>Coldbrook hospital rated inadequate</title>
<script>var story = "Ashby Park NHS Trust rated outstanding"; document.write(story);</script>
<script src="https://tracker.invalid/t.js"></script></head><body>
<iframe src="https://ads.invalid/"><p>Ashby Park NHS Trust rated outstanding</p></iframe>
<nav>Home | News</nav><article><h1>Coldbrook hospital rated inadequate</h1>
<p>Coldbrook NHS Foundation Trust has been rated inadequate by the Care Quality Commission after an inspection.</p>
<script>alert("Ashby Park NHS Trust")</script>
<p>Inspectors found that maternity services at Coldbrook General Hospital were not safe, and said the trust
must improve the way it manages risk on its wards and the way its board oversees patient safety.</p>
<iframe srcdoc="<p>Ashby Park NHS Trust rated outstanding</p>"></iframe></article></body></html>"""
# A news page with room for more markup after its story.
PAGE = ("<html><body><article><h1>Kestrel Vale NHS Trust rated good</h1><p>Kestrel Vale NHS Trust has been rated "
        "good overall by the Care Quality Commission.</p>{}</article></body></html>")


def write_mixed_folder(d: Path) -> dict[str, str]:
    """Every kind of bad file beside good ones; returns bad file name -> the problem its line must name."""
    d.mkdir()
    (d / "good.txt").write_text(GOOD)
    (d / "windows.txt").write_bytes(CP1252.encode("cp1252"))
    (d / "utf16.txt").write_bytes(GOOD.replace("Kestrel Vale", "Fenwick").encode("utf-16"))
    (d / "page.html").write_text(HTML)
    (d / "lines.jsonl").write_text(json.dumps({"text": "Upper Brook NHS Trust has been placed in special measures."})
                                   + "\n" + '{"text": "Truncated by a full di')
    (d / "empty.txt").write_text("")
    (d / "empty.jsonl").write_text("\n\n")
    (d / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with open(d / "huge.txt", "wb") as f:  # 50 MB, sparse: cheap to make, refused before it is read
        f.truncate(50 * 1024 * 1024)
    (d / "nothing.txt").symlink_to(d / "gone.txt")
    os.mkfifo(d / "pipe.txt")
    (d / "folder.meta.json").mkdir()
    (d / "folder.txt").write_text(GOOD.replace("Kestrel Vale", "Harrowfield"))
    (d / "deepmeta.txt").write_text(GOOD.replace("Kestrel Vale", "Ashby"))
    (d / "deepmeta.meta.json").write_text("[" * 50_000)
    (d / "deep.jsonl").write_text("[" * 50_000 + "\n" + '{"text": "x", "n": ' + "9" * 5000 + "}\n")
    (d / "elements.html").write_text(PAGE.format("<b>x</b>" * 100_000))
    return {"empty.txt": "empty article", "empty.jsonl": "empty file", "image.txt": "not a text file",
            "huge.txt": "too large for an article (50 MB", "nothing.txt": "a symbolic link to nothing",
            "pipe.txt": "not a regular file", "folder.meta.json": "unreadable metadata sidecar: a folder",
            "deepmeta.meta.json": "unreadable metadata sidecar: nested too deeply",
            "lines.jsonl#L2": "not valid JSON", "deep.jsonl#L1": "not valid JSON (nested too deeply)",
            "deep.jsonl#L2": "not valid JSON (Exceeds the limit",
            "elements.html": "too many HTML elements for an article (100,005; the limit is 50,000)"}


def test_a_folder_of_mixed_files(capsys, tmp_path):
    store = str(tmp_path / "kg")
    build_store(store, facts_2021())
    before = open_store(store, read_only=True)
    kept = {(g.value, len(list(before.quads_for_pattern(None, None, None, g)))) for g in article_graphs(before)}
    del before
    bad = write_mixed_folder(tmp_path / "in")
    code, _, err = run(capsys, "ingest", str(tmp_path / "in"), str(tmp_path / "missing.txt"), "/dev/zero",
                       "--store", store)
    assert code == 1 and "Traceback" not in err and "internal error" not in err
    problems = [l for l in err.splitlines() if l.startswith("unreadable: ")]
    named = {f"{tmp_path / 'in' / n}": p for n, p in bad.items()}
    named.update({str(tmp_path / "missing.txt"): "no such file or directory", "/dev/zero": "not a regular file"})
    for name, problem in named.items():
        lines = [l for l in problems if l.startswith(f"unreadable: {name}: ")]
        assert len(lines) == 1 and problem in lines[0], (name, problems)
    assert len(problems) == len(named)
    assert "5 articles stored" in err and f"{len(named)} unreadable" in err
    s = open_store(store, read_only=True)
    for name in ("good.txt", "windows.txt", "utf16.txt", "page.html"):
        assert graph_of_source(s, str(tmp_path / "in" / name)) is not None, name
    assert graph_of_source(s, f"{tmp_path / 'in' / 'lines.jsonl'}#L1") is not None
    assert kept <= {(g.value, len(list(s.quads_for_pattern(None, None, None, g)))) for g in article_graphs(s)}


def test_a_file_name_with_a_newline_or_a_terminal_escape_is_still_one_line(capsys, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "two\nlines.txt").write_bytes(b"\x00binary")
    (tmp_path / "in" / "red\x1b[31m.txt").write_text("")
    code, _, err = run(capsys, "ingest", str(tmp_path / "in"), "--store", str(tmp_path / "kg"))
    assert code == 1 and "\x1b" not in err
    assert [l.split("/in/")[1] for l in err.splitlines() if l.startswith("unreadable:")] == [
        "red\\x1b[31m.txt: empty article (no text)", "two\\nlines.txt: not a text file (binary content)"]


def test_windows_1252_news_keeps_its_curly_quotes_and_pound_signs(tmp_path):
    (tmp_path / "w.txt").write_bytes(CP1252.encode("cp1252"))
    [a] = read_paths([str(tmp_path / "w.txt")])
    assert a.title == "Harrowfield trust\u2019s \u00a33m deficit" and "\u201cinadequate\u201d" in a.text


def test_html_scripts_and_iframes_are_not_article_text(tmp_path):
    (tmp_path / "p.html").write_text(HTML)
    [a] = read_paths([str(tmp_path / "p.html")])
    assert "Coldbrook NHS Foundation Trust has been rated inadequate" in a.text
    assert "Ashby Park" not in a.text and "document.write" not in a.text and "tracker" not in a.text


def test_html_whose_metadata_trafilatura_cannot_read_still_gives_its_text(tmp_path):
    """Found by fuzzing: htmldate asserts on an <svg> opening the page, and the article was lost."""
    (tmp_path / "svg.html").write_text(
        "<svg onload=alert(1)><iframe src='https://evil/'></iframe><article><h1>Kestrel Vale NHS Trust rated good</h1>"
        "<p>Kestrel Vale NHS Trust has been rated good overall by the Care Quality Commission after an inspection.</p>"
        "<p>Inspectors praised the maternity unit and the emergency department for the way they look after patients."
        "</p></article>")
    [a] = read_paths([str(tmp_path / "svg.html")])
    assert isinstance(a, Article) and "rated good overall by the Care Quality Commission" in a.text


def test_a_tag_with_50000_attributes_is_read_at_once(tmp_path):
    """Issue 22.2: libxml2 is quadratic in the attributes of one tag: this page took 70 s to read, one
    with 200,000 attributes 846 s. Past the 100th they are dropped before the page is parsed."""
    attributes = " ".join(f'data-x{i}="{i}"' for i in range(50_000))
    (tmp_path / "flood.html").write_text(PAGE.format(f"<p {attributes}>Inspectors praised its maternity unit.</p>"))
    (tmp_path / "first.html").write_text(PAGE.format(""))
    list(read_paths([str(tmp_path / "first.html")]))  # starts the reading process: not what is timed
    started = time.monotonic()
    [a] = read_paths([str(tmp_path / "flood.html")])
    assert time.monotonic() - started < 3
    assert isinstance(a, Article) and "Inspectors praised its maternity unit." in a.text


def test_only_attributes_past_the_hundredth_are_dropped():
    attributes = [f'a{i}="x > y"' for i in range(150)]  # a ">" in a quoted value does not end the tag
    page = "<div><p {}>Text</p><br {}/></div>"  # the <br> holds exactly 100: untouched
    assert htmlpage.bounded(page.format(" ".join(attributes), " ".join(attributes[:100]))) == page.format(
        " ".join(attributes[:100]), " ".join(attributes[:100]))


def test_a_page_over_its_time_budget_is_reported_and_the_next_page_read(tmp_path, monkeypatch):
    """Issue 22.2: a page costing seconds however clean, 48,000 elements under the 50,000 limit."""
    monkeypatch.setattr(htmlpage, "BUDGET_SECONDS", 0.5)
    (tmp_path / "a-slow.html").write_text(PAGE.format("<div><p>Trust rated good.</p></div>" * 24_000))
    (tmp_path / "b-quick.html").write_text(PAGE.format(""))
    slow, quick = read_paths([str(tmp_path)])
    assert str(slow) == f"{tmp_path / 'a-slow.html'}: too costly to read (over 0.5 s)"
    assert isinstance(quick, Article) and "rated good overall" in quick.text


def test_a_json_lines_file_bigger_than_an_article_is_read_line_by_line(tmp_path):
    f = tmp_path / "big.jsonl"
    with open(f, "w") as out:
        out.write(json.dumps({"text": "x" * (11 * 1024 * 1024)}) + "\n")
        for i in range(3):
            out.write(json.dumps({"text": f"Article {i} about Upper Brook NHS Trust."}) + "\n")
    items = list(read_paths([str(f)]))
    assert isinstance(items[0], ReadError) and items[0].path == f"{f}#L1" and "line too long" in items[0].message
    assert [a.text for a in items[1:]] == [f"Article {i} about Upper Brook NHS Trust." for i in range(3)]


def test_a_json_string_holding_a_line_separator_stays_one_line(tmp_path):
    f = tmp_path / "ls.jsonl"
    f.write_text(json.dumps({"text": "one\u2028article\u2029still\x85one"}, ensure_ascii=False) + "\n", "utf-8")
    [a] = read_paths([str(f)])
    assert isinstance(a, Article) and a.text.startswith("one\u2028article")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_permission_denied(tmp_path):
    f = tmp_path / "secret.txt"
    f.write_text(GOOD)
    f.chmod(0)
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "inside.txt").write_text(GOOD)
    (tmp_path / "closed").chmod(0)
    try:
        errors = list(read_paths([str(f), str(tmp_path / "closed")]))
    finally:
        (tmp_path / "closed").chmod(0o755)
    assert [(Path(e.path).name, e.message) for e in errors] == [("secret.txt", "cannot read: Permission denied"),
                                                                ("closed", "cannot read: Permission denied")]


def test_metadata_that_is_not_text_is_not_a_title(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": {"x": 1}, "published": 2021, "publisher": ["p"]}))
    [a] = read_paths([str(tmp_path / "a.txt")])
    assert (a.title, a.published, a.publisher) == ("Kestrel Vale NHS Trust rated good", "2021", None)


# --- Arguments ---

@pytest.fixture(scope="module")
def store(tmp_path_factory):
    location = str(tmp_path_factory.mktemp("bad-args") / "kg")
    build_store(location, facts_2021())
    return location


@pytest.fixture
def files(tmp_path):
    (tmp_path / "a-file").write_text("not a store")
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "CURRENT").write_text("garbage\n")
    (tmp_path / "broken.rq").write_text("SELECT ?x WHERE { ?x")
    (tmp_path / "binary.rq").write_bytes(b"\xff\xfe\x00\x01")
    (tmp_path / "folder.rq").mkdir()
    (tmp_path / "article.txt").write_text(GOOD)
    return tmp_path


BAD_ARGUMENTS = [
    (["query", "ratings", "--store", "{tmp}/a-file"], "is a file, not a store folder"),
    (["query", "ratings", "--store", "{tmp}/nowhere/kg"], "no store at"),
    (["query", "ratings", "--store", "{tmp}/damaged"], "cannot open store"),
    (["stats", "--store", "{tmp}/damaged"], "cannot open store"),
    (["ingest", "{tmp}/article.txt", "--store", "{tmp}/a-file"], "is a file, not a store folder"),
    (["ingest", "{tmp}/article.txt", "--store", "{tmp}/damaged"], "cannot open store"),
    (["query", "no-such-query", "--store", "{store}"], "no canned query named"),
    (["query", "{tmp}/broken.rq", "--store", "{store}"], "the query is not valid SPARQL"),
    (["query", "{tmp}/binary.rq", "--store", "{store}"], "cannot read query file"),
    (["query", "{tmp}/folder.rq", "--store", "{store}"], "cannot read query file"),
    (["query", "{tmp}/missing.rq", "--store", "{store}"], "cannot read query file"),
    (["query", "ratings", "--param", "trust", "--store", "{store}"], "--param takes NAME=VALUE"),
    (["query", "ratings", "--param", "=x", "--store", "{store}"], "--param takes NAME=VALUE"),
    (["query", "trust-timeline", "--param", "trust=", "--store", "{store}"], "--param trust has no value"),
    (["query", "trust-timeline", "--param", "trust=", "--endpoint", "http://127.0.0.1:9/"], "--param trust has no value"),
    (["query", "ratings", "--param", "t=<not an iri>", "--store", "{store}"], "is not a valid IRI"),
    (["query", "trust-timeline", "--store", "{store}"], "this query needs --param trust=VALUE"),
    (["query", "ratings", "--endpoint", "not-a-url", "--store", "{store}"], "--endpoint must be an http(s) URL"),
    (["query", "ratings", "--endpoint", "http://[x/"], "--endpoint is not a valid URL"),
    (["query", "ratings", "--endpoint", "http://127.0.0.1:abc/"], "--endpoint is not a valid URL"),
    (["push", "--store", "{store}", "--endpoint", "http://[x/"], "--endpoint is not a valid URL"),
    (["push", "--store", "{store}", "--endpoint", "http://127.0.0.1:abc/"], "--endpoint is not a valid URL"),
    (["query", "ratings", "--param", "trust=\udcff", "--store", "{store}"], "--param: is not valid UTF-8: trust=\\xff"),
    (["export", "--store", "{store}", "--article", "\udcffx.txt"], "--article: is not valid UTF-8: \\xffx.txt"),
    (["query", "ratings", "--endpoint", "http://127.0.0.1:9/sparql"], "cannot reach"),
    (["query", "ratings", "--endpoint", "http://127.0.0.1:9/", "--password-env", "NHSKG_UNSET_VAR"], "is not set"),
    (["query", "ratings", "--format", "xml", "--store", "{store}"], "invalid choice: 'xml'"),
    (["query", "ratings", "--limit", "0", "--store", "{store}"], "--limit: must be 1 or more"),
    (["query", "ratings", "--endpoint", "http://127.0.0.1:9/", "--timeout", "soon"], "must be a whole number"),
    (["export", "--format", "rdfxml", "--store", "{store}"], "invalid choice: 'rdfxml'"),
    (["export", "--store", "{store}", "-o", "{tmp}/no/such/dir/out.ttl"], "cannot write"),
    (["export", "--store", "{store}", "-o", "{tmp}/folder.rq"], "is a folder"),
    (["export", "--store", "{store}", "--article", "nothing.txt"], "no article ingested from"),
    (["validate", "--store", "{tmp}/a-file"], "is a file, not a store folder"),
    (["push", "--store", "{store}", "--endpoint", "ftp://x/"], "--endpoint must be an http(s) URL"),
    (["push", "--store", "{store}", "--endpoint", "http://127.0.0.1:9", "--retries", "0"], "cannot reach"),
    (["push", "--store", "{store}", "--endpoint", "http://127.0.0.1:9", "--timeout", "soon"], "must be a whole number"),
    (["push", "--store", "{store}", "--endpoint", "http://127.0.0.1:9", "--batch-size", "0"], "must be 1 or more"),
    (["push", "--store", "{store}", "--endpoint", "http://u:p@127.0.0.1:9"], "not in the endpoint URL"),
    (["serve", "--store", "{tmp}/a-file"], "is a file, not a store folder"),
    (["serve", "--store", "{store}", "--port", "99999"], "could not start"),
    (["network", "--store", "{store}", "--format", "svg"], "invalid choice: 'svg'"),
    (["timeline", "Zzzqx", "--store", "{store}"], "no node named"),
    (["timeline", "X", "--store", "{tmp}/damaged"], "cannot open store"),
    (["no-such-command"], "invalid choice"),
    ([], "required: COMMAND"),
]


@pytest.mark.parametrize("args, message", BAD_ARGUMENTS, ids=[" ".join(a[:3]) for a, _ in BAD_ARGUMENTS])
def test_bad_arguments_are_one_line_without_traceback(capsys, store, files, args, message):
    argv = [a.format(tmp=files, store=store) for a in args]
    try:
        code, out, err = run(capsys, *argv)
    except SystemExit as e:  # argparse's own refusals
        code, err = e.code, capsys.readouterr().err
    assert code == 2 and message in err, err
    assert "Traceback" not in err and "internal error" not in err
    complaints = [l for l in err.splitlines() if l.startswith("nhskg")]
    assert len(complaints) == 1 and "\n" not in complaints[0], err


# --- Hostile names end to end: files in, store, export out ---

def test_hostile_metadata_and_names_in_files_stay_in_their_literals(capsys, tmp_path):
    evil = '" . <http://evil/s> <http://evil/p> "o" } } ; DROP ALL ; INSERT DATA { <x:a> <x:b> <x:c> } #\\\n'
    lines = [{"text": f'Kestrel{evil}Vale NHS Trust has been rated good overall by the Care Quality Commission. '
                      f'Dr Jane {evil} Doe, chief executive of Kestrel Vale NHS Trust, said: "{evil}"',
              "title": evil, "publisher": evil, "published": evil, "url": f"https://example.org/{evil}"},
             {"text": "Upper Brook NHS Trust has been placed in special measures.", "url": "https://example.org/ok"}]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(l) for l in lines))
    (tmp_path / "side.txt").write_text(GOOD)
    (tmp_path / "side.meta.json").write_text(json.dumps({"title": evil, "url": "https://example.org/" + evil}))
    store = str(tmp_path / "kg")
    build_store(store, facts_2021())
    code, _, err = run(capsys, "ingest", str(tmp_path / "in.jsonl"), str(tmp_path / "side.txt"), "--store", store)
    assert code == 0, err
    assert run(capsys, "validate", "--store", store)[0] == 0
    for fmt, syntax in (("nquads", "N_QUADS"), ("trig", "TRIG")):
        code, out, _ = run(capsys, "export", "--store", store, "--format", fmt)
        quads = list(pyoxigraph.parse(out.encode(), format=getattr(pyoxigraph.RdfFormat, syntax)))
        assert len({q.graph_name for q in quads}) == 4  # the earlier article, two lines and the text file
        iris = {t.value for q in quads for t in (q.subject, q.predicate, q.object, q.graph_name)
                if isinstance(t, pyoxigraph.NamedNode)}
        assert not any("://evil" in i or i.startswith("x:") for i in iris)


@pytest.mark.parametrize("value, traceback", [("0", False), ("false", False), ("off", False), ("", False),
                                              ("1", True), ("yes", True)])
def test_nhskg_debug_zero_keeps_tracebacks_off(capsys, monkeypatch, tmp_path, value, traceback):
    """A bug surfaces as one line unless NHSKG_DEBUG asks for more; "0" does not (issue 22, point 10)."""
    import nhskg.commands.stats as stats

    def broken(args):
        raise RuntimeError("a bug")

    monkeypatch.setattr(stats, "run", broken)
    monkeypatch.setenv("NHSKG_DEBUG", value)
    if traceback:
        with pytest.raises(RuntimeError):
            run(capsys, "stats", "--store", str(tmp_path))
        return
    code, _, err = run(capsys, "stats", "--store", str(tmp_path))
    assert code == 3 and err.strip() == "nhskg stats: internal error (RuntimeError: a bug); NHSKG_DEBUG=1 shows where"


def _three_lines_one_url(path: Path) -> None:
    path.write_text("".join(json.dumps({"url": "https://news.invalid/story", "title": f"{name} rated good",
                                        "text": f"{name} NHS Trust has been rated good overall by the Care Quality "
                                                "Commission."}) + "\n"
                            for name in ("Kestrel Vale", "Upper Brook", "Fenwick")))


def _titles(store: str) -> set[str]:
    s = open_store(store, read_only=True)
    return {q.object.value for q in s.quads_for_pattern(None, pyoxigraph.NamedNode("http://purl.org/dc/terms/title"),
                                                         None, None)}


def test_json_lines_sharing_a_url_are_kept_apart_and_reported(capsys, tmp_path):
    """Three lines with one url were "3 articles stored" and one graph (issue 22, point 8)."""
    _three_lines_one_url(tmp_path / "a.jsonl")
    store = str(tmp_path / "store")
    code, _, err = run(capsys, "ingest", str(tmp_path / "a.jsonl"), "--store", store, "--no-progress")
    assert code == 0 and "3 articles stored" in err, err
    assert [l for l in err.splitlines() if l.startswith("duplicate: ")] == [
        "duplicate: article 2 from https://news.invalid/story stored apart as https://news.invalid/story#2",
        "duplicate: article 3 from https://news.invalid/story stored apart as https://news.invalid/story#3"]
    s = open_store(store, read_only=True)
    assert len(article_graphs(s)) == 3
    assert all(graph_of_source(s, u) for u in ("https://news.invalid/story", "https://news.invalid/story#2",
                                               "https://news.invalid/story#3"))
    del s
    run(capsys, "ingest", str(tmp_path / "a.jsonl"), "--store", store, "--no-progress")  # a re-run replaces the same three
    assert len(article_graphs(open_store(store, read_only=True))) == 3
    assert _titles(store) == {"Kestrel Vale rated good", "Upper Brook rated good", "Fenwick rated good"}


def test_json_lines_sharing_a_url_keep_the_last_when_asked(capsys, tmp_path):
    _three_lines_one_url(tmp_path / "a.jsonl")
    store = str(tmp_path / "store")
    code, _, err = run(capsys, "ingest", str(tmp_path / "a.jsonl"), "--store", store, "--no-progress",
                       "--duplicates", "replace")
    assert code == 0 and len([l for l in err.splitlines() if l.startswith("duplicate: ")]) == 2, err
    assert _titles(store) == {"Fenwick rated good"}


@pytest.mark.parametrize("args", [["export", "--store", "{store}", "-o", "{tmp}/no\x1b[31m/x.nq"],
                                  ["query", "{tmp}/\x1b]0;title\x07.rq", "--store", "{store}"],
                                  ["timeline", "\x1b[2J", "--store", "{store}"]])
def test_terminal_escapes_in_names_are_shown_escaped_in_messages(capsys, store, files, args):
    """A name with a terminal escape reached the terminal raw in the error line (issue 22, point 10)."""
    code, _, err = run(capsys, *[a.format(tmp=files, store=store) for a in args])
    assert code == 2 and "\x1b" not in err and "\x07" not in err and "\\x1b" in err, err


def test_a_file_named_twice_is_read_once_not_reported_as_duplicates(capsys, tmp_path):
    """Naming a folder and a file in it gave the file's articles twice, the second time as duplicates."""
    _three_lines_one_url(tmp_path / "in" / "a.jsonl") if (tmp_path / "in").mkdir() is None else None
    store = str(tmp_path / "store")
    code, _, err = run(capsys, "ingest", str(tmp_path / "in"), str(tmp_path / "in" / "a.jsonl"), "--store", store,
                       "--no-progress")
    assert code == 0 and "3 articles stored" in err, err
    assert len([l for l in err.splitlines() if l.startswith("duplicate: ")]) == 2  # the url shared inside the file
    assert len(article_graphs(open_store(store, read_only=True))) == 3
