"""A family cut from a larger tree says where the tree goes on, drawn or written to a file."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import systeemkaart as sk
from systeemkaart.cli import main
from systeemkaart.io.pseudonymise import pseudonymise
from systeemkaart.io.yaml_json import dumps, loads
from systeemkaart.layout.genogram_around import around, marked
from systeemkaart.model import Case

ROOT = Path(__file__).resolve().parents[2]

# grandparents g1+g2 with children p1 and p3; p1+p2 with child c1, who has a child gc1
# with her partner q; p3 has a child c3 with r
_TREE = """
schema: systeemkaart/1
case: {id: tree, as_of: 2024}
people:
  - {id: g1, name: Opa, sex: male, born: 1930}
  - {id: g2, name: Oma, sex: female, born: 1932}
  - {id: p1, name: Vader, sex: male, born: 1955}
  - {id: p2, name: Moeder, sex: female, born: 1957}
  - {id: p3, name: Oom, sex: male, born: 1958}
  - {id: r, name: Tante, sex: female, born: 1960}
  - {id: c1, name: Lotte, sex: female, born: 1985}
  - {id: q, name: Sem, sex: male, born: 1984}
  - {id: gc1, name: Mila, sex: female, born: 2010}
  - {id: c3, name: Neef, sex: male, born: 1990}
partnerships:
  - {partners: [g1, g2], kind: married, start: 1954}
  - {partners: [p1, p2], kind: married, start: 1983}
  - {partners: [p3, r], kind: cohabiting, start: 1988}
  - {partners: [c1, q], kind: cohabiting, start: 2008}
children:
  - {parents: [g1, g2], child: p1}
  - {parents: [g1, g2], child: p3}
  - {parents: [p1, p2], child: c1}
  - {parents: [p3, r], child: c3}
  - {parents: [c1, q], child: gc1}
"""


def _marks(svg: str) -> list[str]:
    return re.findall(r"⋯ \+(\d+) niet getekend", svg)


def test_marked_writes_what_the_cut_left_out_into_the_people() -> None:
    """Around p1 within one generation: his parents, partner, child, brother and the
    partners of all of them stay; the brother's son is counted on the brother and his
    partner, the child's daughter on the child and hers; :func:`marked` writes those counts
    as ``left_out``."""
    case = loads(_TREE)
    cut = around(case, "p1", 1)
    assert {p.id for p in cut.case.people} == {"g1", "g2", "p1", "p2", "p3", "r", "c1", "q"}
    assert cut.hidden == {"p3": 1, "r": 1, "c1": 1, "q": 1}
    people = {p.id: p for p in marked(cut).people}
    assert {pid: p.left_out for pid, p in people.items() if p.left_out} == cut.hidden
    assert all(p.left_out == 0 for p in cut.case.people)  # the cut itself is left alone


def test_a_file_cut_twice_counts_both_cuts() -> None:
    """Cut around p1 and written with the counts, then cut again around c1 with no
    generations: c1 keeps her own 1 (her daughter) and gains the two parents the second cut
    leaves out; her partner keeps his 1."""
    first = marked(around(loads(_TREE), "p1", 1))
    again = loads(dumps(first))
    second = marked(around(again, "c1", 0))
    people = {p.id: p.left_out for p in second.people}
    assert people == {"c1": 1 + 2, "q": 1}


def test_import_around_writes_left_out_and_draws_like_draw_around(tmp_path: Path) -> None:
    """``import --around`` writes ``left_out``; drawing that file marks the same people with
    the same counts as ``draw --around`` on the whole tree, and the genogram is the same."""
    source = tmp_path / "tree.ged"
    source.write_bytes(
        b"0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8\n"
        b"0 @I1@ INDI\n1 NAME Jan /Smit/\n1 SEX M\n1 BIRT\n2 DATE 1930\n"
        b"0 @I2@ INDI\n1 NAME Els /Vos/\n1 SEX F\n1 BIRT\n2 DATE 1932\n"
        b"0 @I3@ INDI\n1 NAME Piet /Smit/\n1 SEX M\n1 BIRT\n2 DATE 1955\n"
        b"0 @I4@ INDI\n1 NAME Ria /Berg/\n1 SEX F\n1 BIRT\n2 DATE 1957\n"
        b"0 @I5@ INDI\n1 NAME Kees /Smit/\n1 SEX M\n1 BIRT\n2 DATE 1958\n"
        b"0 @I6@ INDI\n1 NAME Lotte /Smit/\n1 SEX F\n1 BIRT\n2 DATE 1985\n"
        b"0 @I7@ INDI\n1 NAME Mila /Smit/\n1 SEX F\n1 BIRT\n2 DATE 2010\n"
        b"0 @F1@ FAM\n1 HUSB @I1@\n1 WIFE @I2@\n1 CHIL @I3@\n1 CHIL @I5@\n"
        b"0 @F2@ FAM\n1 HUSB @I3@\n1 WIFE @I4@\n1 CHIL @I6@\n"
        b"0 @F3@ FAM\n1 WIFE @I6@\n1 CHIL @I7@\n"
        b"0 TRLR\n")
    runner = CliRunner()
    whole, cut = tmp_path / "whole.yaml", tmp_path / "cut.yaml"
    for args in (["import", str(source), "-q", "-o", str(whole)],
                 ["import", str(source), "--around", "@I5@", "--generations", "1", "-q",
                  "-o", str(cut)]):
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
    assert "left out 2 (marked under 2 of the people kept: left_out)" in result.output
    left = {p.id: p.left_out for p in sk.load(cut).people if p.left_out}
    assert left == {"i3": 1, "i4": 1}  # Lotte, the daughter of Piet and Ria
    drawn = runner.invoke(main, ["draw", str(whole), "--around", "i5", "--generations", "1",
                                 "-o", "-"])
    from_file = runner.invoke(main, ["draw", str(cut), "-o", "-"])
    assert drawn.exit_code == 0 and from_file.exit_code == 0
    assert _marks(from_file.output) == _marks(drawn.output) == ["1", "1"]
    assert from_file.output.replace("cut.yaml", "whole.yaml") == drawn.output


def test_left_out_survives_a_round_trip_and_pseudonymising() -> None:
    """A count, not a name, date or free text: YAML and JSON keep it, and so does the
    pseudonymised export (it says how far the tree goes on, not who is there)."""
    case = marked(around(loads(_TREE), "p1", 1))
    for fmt in ("yaml", "json"):
        assert loads(dumps(case, format=fmt)) == case
    safe = pseudonymise(case)
    assert sorted(p.left_out for p in safe.people) == sorted(p.left_out for p in case.people)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 3), st.sampled_from(["g1", "p1", "p3", "c1", "gc1", "q"]))
def test_every_relative_left_out_is_counted_once(generations: int, person: str) -> None:
    """Whoever the cut is around: the marks on the people kept add up to the links (parent,
    child, partner) from a kept person to one left out, each counted once per kept end."""
    case = loads(_TREE)
    kept = marked(around(case, person, generations))
    ids = {p.id for p in kept.people}
    links = [(link.child, p) for link in case.children for p in link.parents]
    links += [tuple(ps.partners) for ps in case.partnerships]
    expected = sum((a in ids) != (b in ids) for a, b in links)
    assert sum(p.left_out for p in kept.people) == expected


def test_a_bad_left_out_is_refused_with_its_place(tmp_path: Path) -> None:
    """A negative, fractional, textual or absurd count is one clear message naming the
    file and the field, exit code 2, no traceback."""
    for bad in ("-1", "1.5", "veel", "true", "1000001"):
        path = tmp_path / "bad.yaml"
        path.write_text(f"people:\n  - {{id: a, left_out: {bad}}}\n", encoding="utf-8")
        result = CliRunner().invoke(main, ["validate", str(path)])
        assert result.exit_code == 2, (bad, result.output)
        assert "left_out" in result.output and "bad.yaml" in result.output
        assert any(w in result.output for w in ("whole number", "0 or more", "at most"))
        assert "Traceback" not in result.output


def test_the_schema_knows_left_out() -> None:
    """The checked-in JSON Schema describes the field with its bounds."""
    schema = json.loads((ROOT / "schemas" / "case.schema.json").read_text(encoding="utf-8"))
    field = schema["$defs"]["Person"]["properties"]["left_out"]
    assert field["minimum"] == 0 and field["type"] == "integer"


def test_a_case_without_left_out_draws_no_mark() -> None:
    """No count, no mark: the examples draw as before."""
    case: Case = sk.load(ROOT / "examples" / "stiefgezin.yaml")
    assert _marks(sk.draw(case, "genogram")) == []
