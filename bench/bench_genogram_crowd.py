"""How many generated families draw an emotional line close beside another line.

The families the property tests draw (``with_relations(one_of(genogram_families(),
families_with_relations()))``, :mod:`tests.strategies` and :mod:`tests.strategies_genogram`),
generated the same way every run and on every tree (hypothesis derandomized, without the
source's literals: :mod:`generated`; the duplicates left out), each
laid out and measured with ``crowded_lines(layout, 4.0)``
(:mod:`systeemkaart.layout.genogram_clear`): how many families have a crowded line, how
many (relation, other line) entries are found in all, how often the lines cross (family
and emotional, as drawn), and the CPU time of the layouts.

Run from the repository root: ``.venv/bin/python bench/bench_genogram_crowd.py [N]`` (N:
how many examples hypothesis draws, 600 when not given; the duplicates among them are
dropped). ``--list`` prints a line per family too (index, people, relations, crowded
entries, crossings), for comparing two trees.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the test strategies and the yardstick

from generated import examples as generated  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from tests.layout.genogram_yardstick import all_crossings  # noqa: E402
from tests.strategies import families_with_relations, with_relations  # noqa: E402
from tests.strategies_genogram import genogram_families  # noqa: E402

from systeemkaart.layout.genogram import GenogramOptions, layout_genogram  # noqa: E402
from systeemkaart.layout.genogram_clear import crowded_lines  # noqa: E402
from systeemkaart.model import Case  # noqa: E402


def families(examples: int) -> list[Case]:
    """The generated families with relations, in the order drawn, each once."""
    drawn = generated(with_relations(st.one_of(genogram_families(),
                                               families_with_relations())), examples)
    seen: set[str] = set()
    out: list[Case] = []
    for case in drawn:
        key = json.dumps(case.model_dump(mode="json", exclude_none=True), sort_keys=True)
        if key not in seen:
            seen.add(key)
            out.append(case)
    return out


def main() -> None:
    """Print the figures (and with ``--list`` one line per family)."""
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    examples = int(args[0]) if args else 600
    listed = "--list" in sys.argv[1:]
    print(f"command: .venv/bin/python bench/bench_genogram_crowd.py {examples}"
          f"{' --list' if listed else ''}\n")
    cases = families(examples)
    crowded = entries = crossed = 0
    cpu = 0.0
    for n, case in enumerate(cases):
        start = time.process_time()
        layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
        cpu += time.process_time() - start
        found = crowded_lines(layout, 4.0)
        crossings = all_crossings(layout, straight=False)
        crowded += bool(found)
        entries += len(found)
        crossed += crossings
        if listed:
            print(n, len(layout.people), len(layout.relations), len(found), crossings)
    print(f"families {len(cases)}, with a crowded line {crowded}, crowded entries {entries}, "
          f"crossings {crossed}, layout CPU {cpu:.1f} s")


if __name__ == "__main__":
    main()
