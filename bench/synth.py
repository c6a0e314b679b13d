"""One synthetic news article about a CQC inspection, with the gold facts it plants (GUIDE.md format).

Every fact sentence is chosen from several phrasings and records exactly the gold entries it
states; filler and page noise state none. Entities are named in full the first time and by
alias later, the way news does, and every alias used is recorded in the gold.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from reference import Trust
from wording import (ACUTE_SERVICES, BYLINES, CAPTIONS, COURTESY, CQC, ENFORCEMENT, EXEC_QUOTES,
                     EXECUTIVE_ROLES, FEMALE, FILLER, HONORIFIC_WEIGHTS, INSPECTOR_QUOTES, INSPECTOR_ROLES, LAST,
                     LEVELS, MALE, MONTHS, OTHER_QUOTES, OTHER_ROLES, OTHER_SERVICES, PUBLISHERS, QUESTION_WORDS,
                     QUESTIONS, RANK, WEEKDAYS)

FIRST_DAY, LAST_DAY = date(2013, 6, 1), date(2025, 12, 31)
SPECIAL_MEASURES_UNTIL = 2021  # replaced by the Recovery Support Programme afterwards
# Slots for an organisation's name in a template: plain, at a sentence start, possessive, both.
S, Sc, Sp, Spc = "\x00S\x00", "\x00Sc\x00", "\x00Sp\x00", "\x00Spc\x00"


def join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def lvl(level: str, rng: random.Random) -> str:
    word = level.lower()
    return rng.choice((word, word, f"'{word}'", f'"{word}"', level))


@dataclass
class Org:
    name: str
    kind: str  # "trust" | "hospital"
    gold: dict
    short: str | None = None  # "Foo Trust" for "Foo NHS Foundation Trust"

    def alias(self, used: str) -> None:
        if used != self.name and used not in self.gold["aliases"]:
            self.gold["aliases"].append(used)


@dataclass
class Builder:
    rng: random.Random
    published: date
    trust: Trust
    gold: dict
    body: list[str] = field(default_factory=list)
    orgs: list[Org] = field(default_factory=list)
    seen: set = field(default_factory=set)  # names already used in full
    rated: set = field(default_factory=set)  # (subject, service, question) already planted
    sole_trust: bool = True

    # naming -------------------------------------------------------------------------------------
    def say(self, org: Org, start: bool = False) -> str:
        """The org's name as this sentence uses it: full the first time, then an alias now and then."""
        if org.name not in self.seen:
            self.seen.add(org.name)
            text = org.name
        else:
            r = self.rng.random()
            if org.kind == "trust" and self.sole_trust and r < 0.4:
                text = "the trust"
            elif org.short and r < 0.6:
                text = org.short
            else:
                text = org.name
            org.alias(text)
        return cap(text) if start else text

    def possessive(self, org: Org, start: bool = False) -> str:
        name = self.say(org, start)
        return name + ("'" if name.endswith("s") else "'s")

    # dates --------------------------------------------------------------------------------------
    def before(self, months_lo: int, months_hi: int) -> date:
        d = self.published - timedelta(days=self.rng.randint(months_lo * 30, months_hi * 30))
        return max(d, date(2012, 1, 1))

    def when(self, d: date) -> tuple[str, str]:
        """A date as news words it, and its gold form (YYYY-MM-DD, YYYY-MM, --MM or YYYY)."""
        m = MONTHS[d.month - 1]
        return self.rng.choice((
            (f"in {m} {d.year}", f"{d.year}-{d.month:02d}"),
            (f"in {m} {d.year}", f"{d.year}-{d.month:02d}"),
            (f"on {d.day} {m} {d.year}", d.isoformat()),
            (f"in {m}", f"--{d.month:02d}"),
            (f"in {d.year}", str(d.year)),
        ))

    # people -------------------------------------------------------------------------------------
    def person(self, role: str, organisation: str | None, kind: str) -> tuple[str, dict]:
        female = self.rng.random() < 0.5
        first, last = self.rng.choice(FEMALE if female else MALE), self.rng.choice(LAST)
        honorific = self.rng.choices(*zip(*HONORIFIC_WEIGHTS))[0] if kind != "other" else None
        if honorific in ("Sir", "Dame"):
            honorific = "Dame" if female else "Sir"
        entry = {"name": f"{first} {last}", "aliases": [], "title": honorific, "role": role,
                 "organisation": organisation, "kind": kind}
        if any(p["name"] == entry["name"] for p in self.gold["people"]):
            return "", {}
        self.gold["people"].append(entry)
        full = f"{honorific} {first} {last}" if honorific else f"{first} {last}"
        return full, entry

    def later(self, entry: dict) -> str:
        """How a second mention names a person: "Dr Lomax", "Ms Lomax", "Sir John"."""
        first, last = entry["name"].split(" ", 1)
        title = entry["title"]
        if title in ("Sir", "Dame"):
            text = f"{title} {first}"
        else:
            if title is None:
                title = entry["title"] = self.rng.choice(COURTESY[1:] if first in FEMALE else COURTESY[:1])
            text = f"{'Prof' if title == 'Professor' and self.rng.random() < 0.5 else title} {last}"
        if text not in entry["aliases"]:
            entry["aliases"].append(text)
        return text

    # output -------------------------------------------------------------------------------------
    def add(self, sentence: str) -> None:
        self.body.append(sentence)

    def put(self, templates: tuple[str, ...], org: Org) -> None:
        """Add one of the templates, naming org only as the chosen one does ({S}, {Sc} at a sentence
        start, {Sp} possessive, {Spc}), so that unchosen wordings leave no trace in the gold."""
        t = self.rng.choice(templates)
        for slot, start, poss in ((Spc, True, True), (Sp, False, True), (Sc, True, False), (S, False, False)):
            if slot in t:
                t = t.replace(slot, self.possessive(org, start) if poss else self.say(org, start))
        self.add(t)

    def rate(self, org: Org, service: str | None, question: str | None, level: str, previous: str | None) -> bool:
        key = (org.name, service, question)
        if key in self.rated:
            return False
        self.rated.add(key)
        self.gold["ratings"].append({"subject": org.name, "subject_type": org.kind, "service": service,
                                     "key_question": question, "rating": level, "previous": previous})
        return True


# ratings ----------------------------------------------------------------------------------------

def pick_change(rng: random.Random) -> tuple[str, str | None]:
    level = rng.choices(LEVELS, weights=(1, 4, 4, 3))[0]
    r = rng.random()
    if r < 0.45:
        return level, None
    if r < 0.6:
        return level, level
    return level, rng.choice([x for x in LEVELS if x != level])


def change_words(level: str, previous: str, rng: random.Random) -> str:
    if previous == level:
        return rng.choice(("remains rated {L}", "is still rated {L}", "has kept its {L} rating",
                           "remains {L}")).replace("{L}", lvl(level, rng))
    verb = "improved" if RANK[level] < RANK[previous] else "dropped"
    up = "upgraded" if verb == "improved" else "downgraded"
    frm, to = lvl(previous, rng), lvl(level, rng)
    return rng.choice((f"has {verb} from {frm} to {to}", f"has been {up} from {frm} to {to}",
                       f"has moved from {frm} to {to}", f"has gone from {frm} to {to}"))


def overall(b: Builder, org: Org) -> None:
    level, previous = pick_change(b.rng)
    if not b.rate(org, None, None, level, previous):
        return
    rng, L = b.rng, lvl(level, b.rng)
    if previous is None:
        b.put((
            f"{Sc} has been rated {L} by the Care Quality Commission.",
            f"The Care Quality Commission (CQC) rated {S} {L} overall.",
            f"{Sc} was rated {L} overall following the inspection.",
            f"Inspectors gave {S} an overall rating of {L}.",
            f"{Sc} received a rating of {L} from the health watchdog.",
            f"The health regulator has rated {S} as {L}.",
        ), org)
    elif rng.random() < 0.5:
        b.put((f"{Sc} {change_words(level, previous, rng)}, the CQC said.",), org)
    else:
        P = lvl(previous, rng)
        if previous == level:
            b.put((f"{Sc} was again rated {L} overall, the same rating as at its last inspection.",), org)
        else:
            b.put((
                f"{Sc}, previously rated {P}, is now rated {L}.",
                f"{Spc} overall rating has changed from {P} to {L}.",
                f"{Sc} was rated {L} overall, {'up' if RANK[level] < RANK[previous] else 'down'} "
                f"from {P} at its last inspection.",
            ), org)


def question_phrase(questions: list[str], rng: random.Random) -> str:
    style = rng.randrange(4)
    adjectives = [rng.choice(QUESTION_WORDS[q][0]) for q in questions]
    if style == 0:
        return f"for whether services are {join(adjectives)}"
    if style == 1:
        return "for " + join([rng.choice(QUESTION_WORDS[q][1]) for q in questions])
    if style == 2:
        return f"in the {join(adjectives)} {'category' if len(questions) == 1 else 'categories'}"
    return f"for being {join(adjectives)}"


def key_questions(b: Builder, org: Org) -> None:
    rng = b.rng
    questions = rng.sample(QUESTIONS, rng.choice((1, 1, 2, 2, 3)))
    level, previous = pick_change(rng)
    planted = [q for q in questions if b.rate(org, None, q, level, previous)]
    if not planted:
        return
    L, phrase = lvl(level, rng), question_phrase(planted, rng)
    if previous is None:
        b.put((f"{Sc} was rated {L} {phrase}.",
                          f"Inspectors rated {S} {L} {phrase}.",
                          f"The CQC found {S} {L} {phrase}."), org)
    elif previous == level:
        b.put((f"{Sc} remains {L} {phrase}.",), org)
    else:
        b.put((f"{Sc} went from {lvl(previous, rng)} to {L} {phrase}.",), org)


def service_choice(b: Builder, many: int) -> tuple[list[str], list[str]]:
    """(gold services, their wordings): acute trusts by CQC name, others by the text's words."""
    if b.trust.kind == "acute":
        gold = b.rng.sample(list(ACUTE_SERVICES), many)
        return gold, [b.rng.choice(ACUTE_SERVICES[s]) for s in gold]
    gold = [b.rng.choice(OTHER_SERVICES[b.trust.kind])]  # their names hold "and": one to a sentence
    return gold, list(gold)


def services(b: Builder, org: Org) -> None:
    rng = b.rng
    gold, words = service_choice(b, rng.choice((1, 1, 2, 3)))
    question = rng.choice((None, None, None, rng.choice(QUESTIONS)))
    level, previous = pick_change(rng)
    planted = [(g, w) for g, w in zip(gold, words) if b.rate(org, g, question, level, previous)]
    if not planted:
        return
    names = join([w for _, w in planted])
    were = "were" if len(planted) > 1 else "was"
    L = lvl(level, rng)
    tail = f" {question_phrase([question], rng)}" if question else ""
    at = rng.choice(("at", "at", "provided by")) if org.kind == "trust" else "at"
    if previous is None:
        b.put((
            f"{cap(names)} {at} {S} {were} rated {L}{tail}.",
            f"The CQC rated {names} {at} {S} as {L}{tail}.",
            f"At {S}, {names} {were} rated {L}{tail}.",
            f"Inspectors rated {Sp} {names} {L}{tail}.",
        ), org)
    elif previous == level:
        b.put((f"{cap(names)} {at} {S} {'remain' if len(planted) > 1 else 'remains'} {L}{tail}.",), org)
    else:
        b.put((
            f"{cap(names)} {at} {S} {'improved' if RANK[level] < RANK[previous] else 'fell'} "
            f"from {lvl(previous, rng)} to {L}{tail}.",
            f"The rating for {names} {at} {S} went from {lvl(previous, rng)} to {L}{tail}.",
        ), org)


# regulation events --------------------------------------------------------------------------------

def special_measures(b: Builder, org: Org) -> None:
    rng = b.rng
    status = rng.choice(("placed", "placed", "remains", "out", "recommended"))
    since = None
    if status == "placed":
        text, since = b.when(b.before(1, 30))
        b.put((f"{Sc} was placed in special measures {text}.",
                          f"{Sc} has been in special measures since {text[3:]}.",
                          f"{Sc} was put into special measures {text} after a damning report."), org)
        if since.startswith("--"):
            since = None  # a month without a year does not date the entry
    elif status == "remains":
        b.put((f"{Sc} remains in special measures.",
                          f"{Sc} will stay in special measures for now.",
                          f"The CQC said {S} should remain in special measures."), org)
    elif status == "out":
        b.put((f"{Sc} has been taken out of special measures.",
                          f"{Sc} has come out of special measures after {rng.randint(2, 4)} years.",
                          f"The chief inspector recommended that {S} exit special measures, "
                          f"and it has now done so."), org)
    else:
        b.put((f"The CQC has recommended that {S} be placed in special measures.",
                          f"England's chief inspector of hospitals has recommended {S} for special measures."), org)
    b.gold["special_measures"].append({"trust": org.name, "status": "in" if status in ("placed", "remains") else status,
                                       "since": since})


def inspection(b: Builder, org: Org) -> None:
    rng = b.rng
    d = b.before(1, 8)
    text, when = b.when(d)
    if rng.random() < 0.25 and d.day < 25:
        m = MONTHS[d.month - 1]
        text, when = f"between {d.day} and {d.day + rng.randint(1, 3)} {m} {d.year}", d.isoformat()
    b.put((f"Inspectors visited {S} {text}.",
                      f"The CQC carried out an unannounced inspection of {S} {text}.",
                      f"The findings follow an inspection of {S} {text}.",
                      f"{Sc} was inspected {text}."), org)
    b.gold["inspections"].append({"subject": org.name, "when": when})


def enforcement(b: Builder, org: Org) -> None:
    rng = b.rng
    kind = rng.choice(ENFORCEMENT)
    if kind in {e["kind"] for e in b.gold["enforcement"]}:
        return
    if kind == "section 29A warning notice":
        b.put((f"The CQC issued {S} with a warning notice requiring rapid improvements.",
                          f"{Sc} was served with a section 29A warning notice.",
                          f"A warning notice under section 29A of the Health and Social Care Act was issued "
                          f"to {S}."), org)
    elif kind == "section 31 conditions":
        b.put((f"The regulator imposed urgent conditions on {Sp} registration.",
                          f"The CQC used its powers under section 31 of the Health and Social Care Act to impose "
                          f"conditions on {S}."), org)
    elif kind == "requirement notice":
        b.put((f"The CQC issued {rng.randint(2, 30)} requirement notices to {S}.",
                          f"Requirement notices were issued to {S} over staffing and training."), org)
    else:
        b.put((f"{Sc} has been prosecuted by the CQC after a patient came to harm.",
                          f"{Sc} was fined £{rng.randint(2, 90) * 10},000 after pleading guilty "
                          f"to a charge brought by the CQC.",
                          f"The CQC brought a prosecution against {S} over failures in care."), org)
    b.gold["enforcement"].append({"trust": org.name, "kind": kind})


# people -----------------------------------------------------------------------------------------

def executive(b: Builder, org: Org) -> None:
    rng = b.rng
    role = rng.choice(EXECUTIVE_ROLES)
    if any(p["role"] == role and p["kind"] == "executive" for p in b.gold["people"]):
        return
    full, entry = b.person(role, org.name, "executive")
    if not entry:
        return
    q = rng.choice(EXEC_QUOTES)
    b.put((
        f'{cap(role)} {full} said: "{q}."',
        f'{full}, {role} of {S}, said: "{q}."',
        f'"{q}," said {full}, {Sp} {role}.',
        f'{Spc} {role}, {full}, said: "{q}."',
    ), org)
    if rng.random() < 0.5:
        b.add(f'{b.later(entry)} added: "{rng.choice([x for x in EXEC_QUOTES if x != q])}."')


def inspector(b: Builder) -> None:
    rng = b.rng
    role = rng.choice(INSPECTOR_ROLES)
    if any(p["kind"] == "inspector" for p in b.gold["people"]):
        return
    full, entry = b.person(role, CQC, "inspector")
    if not entry:
        return
    q = rng.choice(INSPECTOR_QUOTES)
    if role == "chief executive":
        b.add(rng.choice((f'{full}, chief executive of the CQC, said: "{q}."',
                          f'"{q}," said {full}, the Care Quality Commission\'s chief executive.')))
    else:
        b.add(rng.choice((
            f'{full}, the CQC\'s {role}, said: "{q}."',
            f'England\'s {role}, {full}, said: "{q}."' if role == "chief inspector of hospitals"
            else f'CQC {role} {full} said: "{q}."',
            f'"{q}," said {full}, {role} at the Care Quality Commission.',
        )))
    if rng.random() < 0.4:
        b.add(f'{b.later(entry)} said the trust had "a lot of work to do".')


def other_person(b: Builder) -> None:
    rng = b.rng
    role, organisation = rng.choice(OTHER_ROLES)
    full, entry = b.person(role.lower(), organisation, "other")
    if not entry:
        return
    q = rng.choice(OTHER_QUOTES)
    town = rng.choice([h.town for h in b.trust.hospitals if h.town] or ["the area"])
    if role == "MP":
        b.add(f'{full}, the MP for {town}, said: "{q}."')
    elif role == "patient":
        b.add(f'Patient {full}, {rng.randint(19, 90)}, from {town}, said: "{q}."')
    elif organisation:
        b.add(f'{full}, {role} for {organisation}, said: "{q}."')
    else:
        b.add(f'{cap(role)} {full} said: "{q}."')


# the article --------------------------------------------------------------------------------------

def trust_org(name: str) -> Org:
    short = None
    for tail in (" NHS Foundation Trust", " NHS Trust"):
        if name.endswith(tail):
            short = name[: -len(tail)] + (" Foundation Trust" if "Foundation" in tail else " Trust")
    return Org(name, "trust", {"name": name, "aliases": []}, short)


def filler(b: Builder, sentence: str) -> str:
    return sentence.format(n=b.rng.randint(2, 9), m=b.rng.randint(1, 9))


def noise(b: Builder) -> str:
    return b.rng.choice(CAPTIONS).format(weekday=b.rng.choice(WEEKDAYS), n=b.rng.randint(1, 300))


def article(article_id: str, trusts: list[Trust], rng: random.Random) -> tuple[str, dict]:
    published = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    year = published.year
    open_trusts = [t for t in trusts if t.open_in(year)]
    trust = rng.choice(open_trusts)
    town = next((h.town for h in trust.hospitals if h.town), None)
    publisher = f"{town or 'County'} {rng.choice(PUBLISHERS)}"
    gold = {"id": article_id, "url": None, "publisher": publisher, "published": published.isoformat(),
            "trusts": [], "hospitals": [], "people": [], "ratings": [], "special_measures": [],
            "inspections": [], "enforcement": []}
    b = Builder(rng, published, trust, gold)
    main = trust_org(trust.name_in(year))
    gold["trusts"].append(main.gold)

    sites = rng.sample(trust.hospitals, min(len(trust.hospitals), rng.choice((0, 1, 1, 2, 3))))
    hospitals = []
    for site in sites:
        h = Org(site.name, "hospital", {"name": site.name, "aliases": [], "town": None, "trust": main.name})
        gold["hospitals"].append(h.gold)
        hospitals.append(h)

    # the lead paragraph names the trust in full and, when there are any, the hospitals it runs
    overall(b, main)
    if hospitals:
        parts = []
        for site, h in zip(sites, hospitals):
            b.seen.add(h.name)
            if site.town and rng.random() < 0.5:
                h.gold["town"] = site.town
                parts.append(f"{h.name} in {site.town}")
            else:
                parts.append(h.name)
        b.put((f"{Sc} runs {join(parts)}.", f"{cap(join(parts))} {'is' if len(parts) == 1 else 'are'} run by {S}."), main)

    steps = [lambda: key_questions(b, main), lambda: inspection(b, main)]
    for h in hospitals:
        steps += [lambda h=h: overall(b, h), lambda h=h: services(b, h), lambda h=h: key_questions(b, h)]
        if rng.random() < 0.3:
            steps.append(lambda h=h: inspection(b, h))
    if not hospitals or trust.kind != "acute":
        steps.append(lambda: services(b, main))
    if year <= SPECIAL_MEASURES_UNTIL and rng.random() < 0.35:
        steps.append(lambda: special_measures(b, main))
    for _ in range(rng.choice((0, 0, 1, 2))):
        steps.append(lambda: enforcement(b, main))
    steps += [lambda: executive(b, main) for _ in range(rng.choice((1, 1, 2, 3)))]
    steps += [lambda: inspector(b)] * rng.choice((0, 1, 1))
    steps += [lambda: other_person(b)] * rng.choice((0, 0, 1))
    steps += [lambda f=f: b.add(filler(b, f)) for f in rng.sample(FILLER, rng.randint(2, 8))]
    head, rest = steps[:1], steps[1:]
    rng.shuffle(rest)
    for step in head + rest:
        step()

    # another trust, last, so that "the trust" never points at it
    if rng.random() < 0.15:
        others = [t for t in open_trusts if t.code != trust.code]
        other = trust_org(rng.choice(others).name_in(year))
        gold["trusts"].append(other.gold)
        b.sole_trust = False
        level = rng.choice(LEVELS)
        b.rate(other, None, None, level, None)
        b.add(f"Neighbouring {other.name} was rated {lvl(level, rng)} at its most recent inspection.")

    return render(b, main), gold


def render(b: Builder, main: Org) -> str:
    rng, d = b.rng, b.published
    title_name = main.short or main.name
    main.alias(title_name)
    title = rng.choice((f"{title_name} told to improve by health watchdog",
                        f"Watchdog publishes report on {title_name}",
                        f"CQC inspection report: {title_name}",
                        f"{title_name}: inspectors publish findings"))
    dateline = rng.choice((f"Published {d.day} {MONTHS[d.month - 1]} {d.year}",
                           f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}",
                           f"Last updated {d.day:02d}/{d.month:02d}/{d.year}"))
    lines = [title, rng.choice(BYLINES), dateline, ""]
    paragraphs: list[str] = []
    i = 0
    while i < len(b.body):
        n = rng.choice((1, 1, 2))
        paragraphs.append(" ".join(b.body[i:i + n]))
        i += n
        if rng.random() < 0.12:
            paragraphs.append(noise(b))
    lines.append("\n\n".join(paragraphs))
    lines += ["", noise(b), f"Copyright {d.year} {b.gold['publisher']}"]
    return "\n".join(lines) + "\n"
