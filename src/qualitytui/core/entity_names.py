"""Which entities a typed name means: the entity:NAME of a search or a timeline filter."""

from __future__ import annotations

from typing import Any, Iterable

from qualitytui.core import pinyin
from qualitytui.core.fold import fold


class EntityNames:
    """The entities' names and aliases in search form (fold.py), made once for many lookups."""

    def __init__(self, entities: Iterable[dict[str, Any]]) -> None:
        self._by_form: dict[str, set[str]] = {}
        self._names: list[tuple[str, str]] = []  # (name's form, id)
        for e in entities:
            for a in (e["name"], *e.get("aliases", [])):
                self._by_form.setdefault(fold(a), set()).add(e["id"])
            self._names.append((fold(e["name"]), e["id"]))

    def named(self, value: str) -> set[str]:
        """Ids of the entities named ``value`` or known by it as an alias (in any character form: 青啤,
        靑啤); failing that, of those whose name holds it; failing that, of those with a name or alias
        that ``value`` reads as whole in pinyin (laoshanqu: 崂山区, qingpi: 青啤). Empty when none is."""
        want = fold(value)
        found = set(self._by_form.get(want, ())) or {eid for name, eid in self._names if want in name}
        if found or not pinyin.is_pinyin_word(want):
            return found
        reads = pinyin.pattern(want, finished=True)
        if reads is None:
            return set()
        return {eid for form, ids in self._by_form.items() if reads.fullmatch(form) for eid in ids}
