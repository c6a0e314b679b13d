"""Regulatory events of an article: ratings, special measures, inspections, enforcement."""
from __future__ import annotations


def extract_events(doc):
    from .ratings import find_ratings
    from .regulation import find_enforcement, find_inspections
    from .special_measures import find_special_measures

    return find_ratings(doc), find_special_measures(doc), find_inspections(doc), find_enforcement(doc)
