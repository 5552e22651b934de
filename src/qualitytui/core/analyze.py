"""Build-time analysis of ingested documents: each document's date, the timeline, the entities."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qualitytui.core.dates import extract_dates
from qualitytui.core.entities import extract_entities
from qualitytui.core.models import Document


@dataclass
class Analysis:
    entities: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    events: list[dict[str, Any]]


def analyze(docs: list[Document], passages: dict[str, list[dict[str, Any]]], tagger=None) -> Analysis:
    """Set each document's inferred date; return entity, mention and timeline rows for the store.

    ``passages`` holds each document's passage rows as the store keeps them (doc id → rows).
    """
    if tagger is None:
        from qualitytui.core.segment import get_segmenter

        tagger = get_segmenter().tag
    events: list[dict[str, Any]] = []
    for d in docs:
        doc_date, items = extract_dates(passages[d.id])
        d.date = doc_date.to_dict()
        events += [item.to_dict(d.id) for item in items]
    events.sort(key=lambda e: (e["start"] or "", e["doc"], e["offset"][0]))
    entities, mentions = extract_entities([(d.id, passages[d.id]) for d in docs], tagger)
    return Analysis([e.to_dict() for e in entities], mentions, events)
