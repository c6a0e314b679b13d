"""Article -> Facts: the whole extraction of one article."""
from __future__ import annotations

from .document import analyse, published_from_text
from .events import extract_events
from .model import Article, Facts
from .quotes import find_quotes


def extract(article: Article) -> Facts:
    if not article.published:
        article.published = published_from_text(article.text)
    doc = analyse(article)
    ratings, special_measures, inspections, enforcement = extract_events(doc)
    return Facts(article, organisations=doc.organisations, people=doc.people, ratings=ratings,
                 special_measures=special_measures, inspections=inspections, enforcement=enforcement,
                 quotes=find_quotes(doc))
