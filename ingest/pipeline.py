"""Article -> Facts. (Placeholder until the extractor lands: returns no facts.)"""
from __future__ import annotations

from .model import Article, Facts


def extract(article: Article) -> Facts:
    return Facts(article)
