"""Which entities a typed name means: the entity:NAME of a search or a timeline filter."""

from __future__ import annotations

from typing import Any, Iterable

from qualitytui.core.fold import fold


def entities_named(entities: Iterable[dict[str, Any]], value: str) -> set[str]:
    """Ids of the entities named ``value`` or known by it as an alias (in any character form: 青啤,
    靑啤); failing that, of those whose name holds it. Empty when none is."""
    want = fold(value)
    rows = list(entities)
    ids = {e["id"] for e in rows if want in {fold(a) for a in [e["name"], *e.get("aliases", [])]}}
    return ids or {e["id"] for e in rows if want in fold(e["name"])}
