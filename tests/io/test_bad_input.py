"""The bad-input corpus: every file in tests/data/bad is rejected with its one-line message.

Each message names the file and the place inside it, ends with the line when it is known,
and the command exits 2 without a traceback and without writing anything.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from systeemkaart.cli import main
from systeemkaart.io.reader import MAX_BYTES

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"

# What follows the file name on the one line each file produces: ``location: message`` or,
# for a problem with the whole file, `` message``.
EXPECTED: dict[str, str] = {
    "alias-bomb.yaml": " document expands to more than 10,000 elements through "
                       "YAML aliases (an alias bomb?)",
    "bad-id.yaml": "people[0].id: invalid id 'Opa Jansen': ids are lowercase slugs like "
                   "'opa-jansen' (letters a-z, digits, '-' and '_', starting with a letter or "
                   "digit) (line 4)",
    "binary.yaml": " not a text file (binary data); expected a YAML or JSON case",
    "child-before-parent.yaml": "children[0].parents[0]: child 'kind' (born 1985) is born before "
                                "parent 'moeder' (born 1990) (line 7)",
    "cycle.yaml": "children[2]: parentage cycle: a -> b -> c -> a (someone is their own "
                  "ancestor) (line 10)",
    "dangling-id.yaml": "children[0].parents[1]: unknown id 'mama': no person has this id "
                        "(line 8)",
    "deep-nesting.json": " nesting is too deep (limit 32 levels)",
    "deep-nesting.yaml": " nesting is too deep (limit 32 levels) (line 3)",
    "died-before-born.yaml": "people[0].died: died 1940 before being born 1950 (line 4)",
    "duplicate-id.yaml": "contexts[0].id: duplicate id 'kind' (first used at people[2].id) "
                         "(line 8)",
    "duplicate-key.json": " duplicate key 'id'",
    "duplicate-key.yaml": "people[0].born: duplicate key 'born' (line 4)",
    "empty.yaml": " file is empty; expected a case (schema: systeemkaart/1)",
    "end-before-start.yaml": "partnerships[0].end: end 2001 is before start 2005 (line 8)",
    "impossible-date.yaml": "people[0].born: impossible date 2021-02-30 (line 4)",
    "impossible-month.yaml": "people[0].born: month 13 does not exist (line 4)",
    "long-text.yaml": "people[0].notes: text is too long (limit 10000 characters) (line 4)",
    "malformed.json": " malformed JSON: Expecting property name enclosed in double "
                      "quotes (column 50) (line 1)",
    "malformed.yaml": " malformed YAML: did not find expected ',' or ']' in the "
                      "list [...] that starts on line 3 (line 4)",
    "merge-key.yaml": " merge keys (<<) are not supported (line 5)",
    "missing-case.yaml": "case: missing required key 'case'",
    "non-utf8.yaml": " not valid UTF-8 text (byte 72); save the file as UTF-8 "
                     "(line 4)",
    "not-a-date.yaml": "people[0].born: expected a date like 2021, 2021-06 or 2021-06-30 "
                       "(got 'gisteren') (line 4)",
    "only-comments.yaml": " file is empty; expected a case (schema: systeemkaart/1)",
    "own-parent.yaml": "children[0].child: a person cannot be their own parent (line 6)",
    "png-as-case.yaml": " not a text file (binary data); expected a YAML or JSON "
                        "case",
    "python-tag.yaml": "people: unsupported YAML tag '!!python/object/apply:os.system'; "
                       "write plain values (line 3)",
    "self-partner.yaml": "partnerships[0].partners: the two partners are the same person "
                         "(line 8)",
    "tabs.yaml": " tab character; indent with spaces, not tabs (line 4)",
    "third-parent.yaml": "children[1].parents: 'kind' would have three biological parents "
                         "(vader, moeder, buurman); mark the others adopted, foster or step "
                         "(line 10)",
    "three-partners.yaml": "partnerships[0].partners: needs exactly 2 entries (got 3) (line 8)",
    "top-list.yaml": " expected a case (a mapping with schema: systeemkaart/1), "
                     "got a list (line 1)",
    "top-scalar.yaml": " expected a case (a mapping with schema: systeemkaart/1), "
                       "got 'hallo' (line 1)",
    "twins-parents.yaml": "people[3].twin_of: twins 'tweeling' and 'kind' must share their "
                          "biological parents (moeder vs moeder, vader) (line 7)",
    "unknown-key.yaml": "people[0].geboren: unknown key 'geboren' (allowed: id, name, sex, "
                        "born, died, deceased, adopted, foster, pregnancy, miscarriage, "
                        "abortion, stillbirth, twin_of, identical, occupation, notes, "
                        "left_out) (line 4)",
    "unknown-kind.yaml": "relations[0].kind: unknown value 'love'; allowed: abuse, caregiving, "
                         "close, close_hostile, conflict, cutoff, distant, fused, hostile, "
                         "neglect (line 8)",
    "wrong-agent.yaml": "involvements[0].agent: 'vader' is a person, but a professional, "
                        "organisation, context or supporter is expected here (line 8)",
    "wrong-schema.yaml": "schema: unsupported schema 'systeemkaart/2'; this version reads "
                         "'systeemkaart/1' (line 1)",
    "wrong-target.yaml": "involvements[0].targets[1]: 'swt' is an organisation, but a person "
                         "is expected here (line 10)",
    "wrong-type-bool.yaml": "people[0].deceased: expected true or false, got 'misschien' "
                            "(line 4)",
    "wrong-type-list.yaml": "people: expected a list, got 'Vader en moeder' (line 3)",
}


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()}


def test_the_table_covers_the_corpus() -> None:
    assert sorted(p.name for p in BAD.iterdir()) == sorted(EXPECTED)
    assert len(EXPECTED) >= 25


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_is_rejected(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    before = _snapshot(BAD)
    path = BAD / name
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert result.stderr.splitlines() == [f"{path}:{EXPECTED[name]}"]
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert _snapshot(BAD) == before
    assert list(tmp_path.iterdir()) == []


def test_every_bad_file_in_one_real_process(tmp_path: Path) -> None:
    """The installed command, as people run it: all files at once, relative names."""
    names = sorted(EXPECTED)
    before = _snapshot(BAD)
    proc = subprocess.run(
        [sys.executable, "-m", "systeemkaart.cli", "validate", *names],
        cwd=BAD, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    assert proc.stderr.splitlines() == [f"{n}:{EXPECTED[n]}" for n in names]
    assert _snapshot(BAD) == before


def test_good_and_bad_together_exit_2(tmp_path: Path) -> None:
    good = tmp_path / "goed.yaml"
    good.write_text("schema: systeemkaart/1\ncase: {id: goed}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(good), str(BAD / "cycle.yaml")])
    assert result.exit_code == 2
    assert result.stdout == f"{good}: ok\n"
    assert result.stderr.startswith(f"{BAD / 'cycle.yaml'}:children[2]: parentage cycle")


def test_fifty_megabytes_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "groot.yaml"
    person = b"  - {id: p%d, name: Persoon, sex: unknown, born: 2001, notes: nog in te vullen}\n"
    with big.open("wb") as fh:
        fh.write(b"schema: systeemkaart/1\ncase: {id: groot}\npeople:\n")
        block = b"".join(person % i for i in range(10_000))
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(block)
    size = big.stat().st_size
    assert size > 50 * 1024 * 1024 > MAX_BYTES
    result = CliRunner().invoke(main, ["validate", str(big)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{big}: file is too large ({size / 1e6:.1f} MB; the limit is "
        f"{MAX_BYTES / 1e6:.0f} MB)"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["groot.yaml"]


def test_missing_file_and_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "nergens.yaml")])
    assert result.exit_code == 2
    assert result.stderr == f"{tmp_path / 'nergens.yaml'}: no such file\n"
