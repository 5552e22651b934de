"""Derive the shipped place gazetteer from China's administrative divisions.

    python scripts/build_gazetteer.py [../shared/data/divisions] > src/qualitytui/data/places.tsv

Source: National Bureau of Statistics division codes (2023-06-30) as collected in
modood/Administrative-divisions-of-China (pca-code.json, HK-MO-TW.json), WTFPL.
Output: one place a line — full name, level (province/prefecture/county), province, prefecture.
"""

import json
import sys
from pathlib import Path

SKIP = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def main(src: Path) -> None:
    tree = json.loads((src / "pca-code.json").read_text(encoding="utf-8"))
    rows = []
    for prov in tree:
        p = prov["name"]
        rows.append((p, "province", p, ""))
        for city in prov.get("children", []):
            c = city["name"]
            prefecture = c if c not in SKIP else p  # municipalities: districts sit under the province
            if c not in SKIP:
                rows.append((c, "prefecture", p, c))
            for county in city.get("children", []):
                if county["name"] not in SKIP:
                    rows.append((county["name"], "county", p, prefecture))
    extra = json.loads((src / "HK-MO-TW.json").read_text(encoding="utf-8"))
    for region, parts in extra.items():
        rows.append((region, "province", region, ""))
        for part, subs in (parts.items() if isinstance(parts, dict) else []):
            for sub in subs if isinstance(subs, list) else []:
                rows.append((sub, "county", region, part))
    out = sys.stdout
    out.write("# name\tlevel\tprovince\tprefecture — from NBS division codes 2023-06-30 via modood/Administrative-divisions-of-China (WTFPL)\n")
    seen = set()
    for r in rows:
        if r not in seen:
            seen.add(r)
            out.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/divisions"))
