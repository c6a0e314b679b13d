"""Hostile input for the fuzz tests and scripts/fuzz.py, and the checks every input must pass.

Generators take a random.Random: the tests hand them one driven by hypothesis (so a failure
shrinks), scripts/fuzz.py a seeded one per input (fast, and any input can be made again).

Random text rarely makes the extractor find anything, so most generators build news sentences from
domain words (trusts, hospitals, people, ratings, special measures, enforcement, quotes) and break
them with junk: quotes, brackets, braces, backslashes, newlines, SPARQL and Turtle keywords, NUL and
other controls, lone surrogates, bidi and zero-width marks, combining marks. The junk goes inside the
names too, so hostile text reaches every literal the mapping writes, not only the sentences around it.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from random import Random

import pyoxigraph
from rdflib import Graph

from nhskg.ingest.model import Article
from nhskg.ingest.pipeline import extract
from nhskg.ingest.rdf import to_graph
from nhskg.ingest.readers import ReadError, read_paths
from nhskg.store import replace_graph
from nhskg.validation import PREFIXES, validate

ODD = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202a", "\u202b", "\u202e",
       "\u2066", "\u2069", "\u0301", "\u0308", "\u0327", "\x00", "\x01", "\x07", "\x1b", "\x7f", "\x85", "\x9f",
       "\ud800", "\udfff", "\ud83d", "\ufffe", "\uffff", "\u2028", "\u2029", "\r", "\t", "\x0b", "\x0c",
       "\U0001f600", "\U0010ffff", "\u00a0", "\u3000", "\u0130", "\u00df", "\ufb01", "\u2126", "\u212b"]
PUNCT = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "<", ">", "{", "}", "[", "]", "(", ")", "\\", "\\\\",
         "\\u0022", "\\n", "\\\"", "#", "@", ";", ".", ",", ":", "^^", "_:", "?", "$", "&", "&amp;", "%", "|",
         "`", "\n", "\n\n", "\r\n", " ", "  ", "-", "\u2013", "\u2014", "\u2026", "...", "/", "*"]
KEYWORDS = ["SELECT", "WHERE", "DROP ALL", "DROP GRAPH", "INSERT DATA", "DELETE WHERE", "CLEAR ALL", "UNION",
            "FILTER", "GRAPH", "PREFIX x: <http://evil/>", "@prefix x: <http://evil/> .", "} ; DROP ALL ; {",
            '" ; DROP ALL ; "', "<http://evil/x>", '"""', "'''", "<script>alert(1)</script>", "</p>", "-->",
            "\u0000", "NHS", "Trust", "Hospital", "CQC", "Dr", "Mr", "Professor", "Sir"]
JUNK = ODD + PUNCT + KEYWORDS

FIRST = ["Jane", "Sarah", "Ravi", "Siobhan", "Omar", "Agnieszka", "Kwame", "Declan", "Zoë", "Ngozi", "José"]
LAST = ["Ashworth", "O'Donnell", "McAllister", "Fitzgerald-Hughes", "Okafor", "Lindqvist", "Dunmore", "Núñez"]
PLACE = ["Kestrel Vale", "Fenwick and Marsh", "Harrowfield", "Coldbrook", "Ashby Park", "St Ives", "Upper Brook",
         "King's Lynn", "Weston-super-Mare", "Ørsted", "Llanfair"]
TRUST_SUFFIX = ["NHS Trust", "NHS Foundation Trust", "Hospitals NHS Trust", "University Hospitals NHS Foundation Trust",
                "Healthcare NHS Trust", "Teaching Hospitals NHS Foundation Trust", "hospital trust"]
HOSPITAL_SUFFIX = ["General Hospital", "County Hospital", "Infirmary", "Royal Infirmary", "Community Hospital"]
HONORIFIC = ["", "Dr ", "Mr ", "Mrs ", "Professor ", "Sir ", "Dame ", "Professor Sir ", "Ms "]
ROLE = ["chief executive", "chair", "medical director", "chief nurse", "interim chief executive",
        "acting chief executive", "chief inspector of hospitals", "deputy chief inspector of hospitals",
        "head of hospital inspection", "director of midwifery", "chief operating officer"]
LEVEL = ["outstanding", "good", "requires improvement", "inadequate", "'inadequate'", '"good"', "Requires Improvement"]
SERVICE = ["maternity", "urgent and emergency care", "A&E", "surgery", "critical care", "medical care",
           "end of life care", "outpatients", "children's services", "mental health crisis services", "dentistry"]
QUESTION = ["safe", "effective", "caring", "responsive", "well-led", "well led"]
MONTH = ["January", "February", "March", "June", "September", "December", "Febtember"]
YEAR = ["2013", "2019", "2021", "2024", "1899", "2999", "0000"]
DAY = ["1", "12", "29", "30", "31", "32", "0"]
ENFORCE = ["a section 29A warning notice", "section 31 conditions", "a requirement notice", "a prosecution",
           "a warning notice"]
PUBLISHER = ["the Gazette", "BBC News", "HSJ"]
SENTENCES = [
    "{trust} has been rated {level} overall by the Care Quality Commission.",
    "{trust} was rated {level} by the CQC in {month} {year}, down from {level2}.",
    "The trust, which runs {hospital}, was previously rated {level2}.",
    "Inspectors visited {hospital} in {month} {year} and found that {service} was {level} for being {question}.",
    "{service} at {hospital} was rated {level}, while the {question} rating fell to {level2}.",
    "{trust} was placed in special measures in {month} {year}.",
    "{short} remains in special measures.",
    "{trust} has been taken out of special measures after {year}.",
    "The CQC recommended that {short} be placed in special measures.",
    "The CQC issued {enforce} to {trust} on {day} {month} {year}.",
    "{person}, {role} of {trust}, said: \"{quote}\"",
    "\u201c{quote},\u201d said {person}, the CQC's {role}.",
    "{person} was appointed {role} at {hospital} in {month} {year}.",
    "{person}, who became {role} in {year}, will step down in {month}.",
    "{hospital} in {place} is run by {trust}.",
    "{person} ({role}) told {publisher}: '{quote}'",
]
# Code points for arbitrary text: ASCII, Latin-1, the odd ones above, and anywhere in Unicode.
_PLANES = [(0x20, 0x7E), (0xA0, 0x17F), (0x300, 0x36F), (0x590, 0x6FF), (0x2000, 0x206F), (0x4E00, 0x4E80),
           (0xD800, 0xDFFF), (0xFFF0, 0xFFFF), (0x1F300, 0x1F64F), (0, 0x10FFFF)]


def any_text(rng: Random, size: int = 300) -> str:
    """Arbitrary text: any code point, lone surrogates and controls included."""
    out = []
    for _ in range(rng.randrange(size + 1)):
        if rng.random() < 0.2:
            out.append(rng.choice(JUNK))
        else:
            lo, hi = rng.choice(_PLANES)
            out.append(chr(rng.randint(lo, hi)))
    return "".join(out)


def _spoil(rng: Random, text: str, times: int) -> str:
    """The text with junk pushed in at random places, inside words too."""
    for _ in range(times):
        i = rng.randrange(len(text) + 1)
        text = text[:i] + (rng.choice(JUNK) if rng.random() < 0.8 else any_text(rng, 3)) + text[i:]
    return text


def word(rng: Random, words: list[str]) -> str:
    """A domain word, now and then with junk inside or around it."""
    w = rng.choice(words)
    return _spoil(rng, w, rng.randint(1, 2)) if rng.random() < 0.25 else w


def cast(rng: Random) -> dict:
    """The names one story uses: a trust, one of its hospitals, a person and their role."""
    place = word(rng, PLACE)
    return {"trust": f"{place} {word(rng, TRUST_SUFFIX)}", "short": f"{place} Trust",
            "hospital": f"{word(rng, PLACE)} {word(rng, HOSPITAL_SUFFIX)}",
            "person": f"{rng.choice(HONORIFIC)}{word(rng, FIRST)} {word(rng, LAST)}", "role": word(rng, ROLE)}


def sentence(rng: Random, names: dict) -> str:
    return rng.choice(SENTENCES).format(
        **names, level=word(rng, LEVEL), level2=word(rng, LEVEL), service=word(rng, SERVICE),
        question=word(rng, QUESTION), month=word(rng, MONTH), year=word(rng, YEAR), day=word(rng, DAY),
        enforce=word(rng, ENFORCE), place=word(rng, PLACE), publisher=word(rng, PUBLISHER),
        quote=_spoil(rng, "We are sorry and will improve", rng.randint(0, 3)))


def news_text(rng: Random) -> str:
    """A few news sentences about one or two stories, with junk between and inside them."""
    stories = [cast(rng) for _ in range(rng.randint(1, 2))]
    pieces = []
    for _ in range(rng.randint(1, 8)):
        pieces.append(sentence(rng, rng.choice(stories)))
        if rng.random() < 0.3:
            pieces.append(rng.choice(JUNK) if rng.random() < 0.5 else any_text(rng, 20))
    return rng.choice([" ", "\n", "\n\n", "\r\n"]).join(pieces)


def some_text(rng: Random) -> str:
    """Mostly news (so the extractor finds facts), sometimes anything at all."""
    return news_text(rng) if rng.random() < 0.7 else any_text(rng)


def _maybe(rng: Random, make, p: float = 0.5):
    return make() if rng.random() < p else None


PUBLISHED = ["2024-02-30", "2023-02-29", "2024-02-29", "2023-11", "2021", "--05", "--13", "junk", "2024-13-01",
             "99999-01-01", "", " 2022-04-20 ", "2022-04-20T10:00:00Z", "20 April 2022"]
URLS = ["https://example.org/a b", 'https://x/"><script>', "https://x/\n", "https://example.org/ok", "http://[::1",
        "https://x/{}|^`\\", "javascript:alert(1)", "https://x/\ud800", "ftp://x/", " https://example.org/pad "]


def article(rng: Random) -> Article:
    # A source is what a reader makes: an absolute path or an http(s) URL, never empty once cleaned.
    source = rng.choice(["/news/article.txt", "/news/" + any_text(rng, 30), "https://example.org/" + any_text(rng, 30)])
    return Article(source=source, text=some_text(rng),
                   title=_maybe(rng, lambda: some_text(rng)), publisher=_maybe(rng, lambda: word(rng, PUBLISHER)),
                   published=_maybe(rng, lambda: rng.choice(PUBLISHED) if rng.random() < 0.8 else any_text(rng, 12)),
                   url=_maybe(rng, lambda: rng.choice(URLS) if rng.random() < 0.7 else
                              "https://example.org/" + any_text(rng, 20)))


# --- Files for the readers ---

ENCODINGS = ["utf-8", "utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"]


def _encode(rng: Random, text: str) -> bytes:
    encoding = rng.choice(ENCODINGS)
    return text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")


def random_bytes(rng: Random, size: int = 400) -> bytes:
    return bytes(rng.randrange(256) for _ in range(rng.randrange(size + 1)))


def text_file(rng: Random) -> bytes:
    return _encode(rng, some_text(rng)) if rng.random() < 0.85 else random_bytes(rng)


HTML_NOISE = ["<script>document.write('<p>injected</p>')</script>", "<iframe src='https://evil/'></iframe>",
              "<style>p{}</style>", "<!-- comment -->", "<![CDATA[ x ]]>", "<svg onload=alert(1)>", "</div></div>",
              "<meta property='og:title' content='\"} DROP ALL'>", "<link rel='canonical' href='javascript:x'>",
              "<meta name='date' content='2024-02-30'>", "&#0;&#xD800;&bogus;", "<html><head>", "<body>",
              "<script>" + "var x = 1;" * 50 + "</script>", "<iframe srcdoc='<p>Trust rated inadequate</p>'>"]


def html_page(rng: Random) -> bytes:
    noise = [rng.choice(HTML_NOISE) for _ in range(rng.randint(0, 8))]
    body = "".join(f"<p>{news_text(rng)}</p>" for _ in range(rng.randint(1, 4)))
    title = f"<title>{news_text(rng)}</title>" if rng.random() < 0.5 else ""
    page = "".join(noise[::2]) + title + f"<article><h1>{some_text(rng)}</h1>{body}</article>" + "".join(noise[1::2])
    data = _encode(rng, page)
    return data + random_bytes(rng, 50) if rng.random() < 0.1 else data


def json_value(rng: Random, depth: int = 0):
    """Any JSON value, nested a little; strings as hostile as the rest."""
    kind = rng.randrange(8 if depth < 3 else 6)
    if kind == 6:
        return [json_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    if kind == 7:
        return {any_text(rng, 8): json_value(rng, depth + 1) for _ in range(rng.randint(0, 3))}
    if kind >= 4:
        return any_text(rng, 30) if kind == 4 else some_text(rng)
    return [None, rng.random() < 0.5, rng.randint(-10**6, 10**6), rng.random() * 1e300][kind]


def json_object(rng: Random) -> dict:
    obj = {"text": some_text(rng) if rng.random() < 0.85 else json_value(rng)}
    for key, choices in (("title", None), ("url", URLS), ("published", PUBLISHED), ("publisher", PUBLISHER)):
        if rng.random() < 0.5:
            obj[key] = rng.choice(choices) if choices and rng.random() < 0.6 else json_value(rng)
    return obj


def jsonl_file(rng: Random) -> bytes:
    lines = []
    for _ in range(rng.randint(0, 5)):
        line = json.dumps(json_object(rng), ensure_ascii=rng.random() < 0.5)
        if rng.random() < 0.15:
            line = line[: rng.randrange(len(line) + 1)]  # truncated, as by a crash or a full disk
        lines.append(line)
    text = rng.choice(["\n", "\r\n"]).join(lines)
    return text.encode("utf-8", "surrogatepass") if rng.random() < 0.8 else text.encode("cp1252", "replace")


def sidecar(rng: Random) -> bytes:
    r = rng.random()
    if r < 0.7:
        return json.dumps(json_object(rng)).encode("utf-8", "surrogatepass")
    return random_bytes(rng, 60) if r < 0.85 else json.dumps(json_value(rng)).encode("utf-8", "surrogatepass")


def file_set(rng: Random) -> dict[str, bytes]:
    """A folder of article files: text with or without a sidecar, HTML, JSON Lines."""
    files = {}
    for i in range(rng.randint(1, 3)):
        kind = rng.choice(["txt", "txt", "html", "jsonl"])
        if kind == "txt":
            files[f"a{i}.txt"] = text_file(rng)
            if rng.random() < 0.5:
                files[f"a{i}.meta.json"] = sidecar(rng)
        elif kind == "html":
            files[f"a{i}.html"] = html_page(rng)
        else:
            files[f"a{i}.jsonl"] = jsonl_file(rng)
    return files


# --- The checks ---

class Broken(AssertionError):
    """An input nhskg mishandled; the message says how."""


def check_article(article: Article) -> Graph:
    """Extract and map one article: no exception, a conforming graph that every syntax and the store
    carry unchanged. Returns the graph."""
    name, graph = to_graph(extract(article))
    problems = [v for v in validate(graph).violations if v.severity == "Violation"]
    if problems:
        raise Broken(f"invalid graph: {problems[0]}")
    # N-Triples as ingest writes it (rdflib); Turtle as export writes it (pyoxigraph). rdflib's own
    # Turtle writer is not used: it ends a long literal ending in '"' with '""""', which is not Turtle.
    nt = graph.serialize(format="nt").encode("utf-8")
    from_nt = {q.triple for q in pyoxigraph.parse(nt, format=pyoxigraph.RdfFormat.N_TRIPLES)}
    ttl = pyoxigraph.serialize(from_nt, format=pyoxigraph.RdfFormat.TURTLE, prefixes=PREFIXES)
    from_ttl = {q.triple for q in pyoxigraph.parse(ttl, format=pyoxigraph.RdfFormat.TURTLE)}
    if len(from_nt) != len(graph) or from_ttl != from_nt:
        raise Broken(f"round trip: {len(graph)} triples, {len(from_nt)} from N-Triples, {len(from_ttl)} from Turtle")
    for data, fmt in ((nt, "nt"), (ttl, "turtle")):
        if len(Graph().parse(data=data, format=fmt)) != len(graph):
            raise Broken(f"rdflib reads back a different number of triples from {fmt}")
    store = pyoxigraph.Store()
    replace_graph(store, str(name), nt.decode("utf-8"))
    held = {q.triple for q in store.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(str(name)))}
    if held != from_nt:
        raise Broken(f"the store holds {len(held)} of the graph's {len(from_nt)} triples")
    return graph


def check_files(files: dict[str, bytes]) -> tuple[list[Graph], list[ReadError]]:
    """Read each of these files as `nhskg ingest` would: it gives articles that pass check_article,
    or one-line ReadErrors naming it, never nothing. Returns the graphs and the errors."""
    graphs, errors = [], []
    with tempfile.TemporaryDirectory() as d:
        for name, data in files.items():
            Path(d, name).write_bytes(data)
        for name in files:
            if name.endswith(".meta.json"):
                continue  # read with its article
            items = list(read_paths([os.path.join(d, name)]))
            if not items:
                raise Broken(f"{name}: neither read nor reported")
            for item in items:
                if not isinstance(item, ReadError):
                    graphs.append(check_article(item))
                elif "\n" in str(item) or "\r" in str(item) or not item.path.startswith(d):
                    raise Broken(f"read error not one line naming the file: {item!r}")
                else:
                    errors.append(item)
    return graphs, errors
