"""Each example against its seed story: who carries on, what is flagged and what is not.

The examples retell the practice cases of the Proeftuin's six lessons. A finding that tells
the session something the story contradicts is worse than none, so each test states both
what the analysis should say and what it must not.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import systeemkaart as sk
from systeemkaart.analysis import Analysis, analyse
from systeemkaart.analysis.report import to_markdown, to_text

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _analyse(name: str, lang: str = "nl") -> Analysis:
    return analyse(sk.load(ROOT / "examples" / f"{name}.yaml"), lang=lang)


def _codes(a: Analysis) -> list[str]:
    return a.codes()


def _members(a: Analysis, code: str) -> list[list[str]]:
    every = [*a.helpers.findings, *a.regie.findings, *a.coalitions, *a.patterns,
             *a.core_group.findings]
    return [f.members for f in every if f.code == code]


def test_hoogbegaafd_lesson_1() -> None:
    """Parents ask for a referral; a talk with the school and a systemogram at home do."""
    a = _analyse("hoogbegaafd")
    assert a.core_group.members == ["swt-fatima"]
    assert _members(a, "fused_distant") == [["moeder", "sem", "vader"]]  # first hypothesis
    assert "factions" not in _codes(a)  # Lotte is no camp of her own
    assert "smaller_group" not in _codes(a)  # three helpers is no big meeting
    assert [p.agent for p in a.core_group.circle][:2] == ["ib-er", "leerkracht"]
    assert a.core_group.leaving == []


def test_veiligheid_broertje_lesson_2() -> None:
    """Worries about safety; the session chooses not to scale up: the helper close to the
    family carries on, the others stay committed in the background."""
    a = _analyse("veiligheid-broertje")
    assert a.core_group.members == ["amb-lisa"]
    assert [p.agent for p in a.core_group.statutory] == ["vt-anouk", "agent-bas"]
    assert [x.agent for x in a.core_group.leaving] == ["ggz-kim"]
    assert _members(a, "recent_report") == [["swt-mark"]]  # seed 002: better a colleague
    assert a.core_group.unreached == ["noah"]
    for code in ("factions", "split_helpers", "smaller_group"):
        assert code not in _codes(a)
    assert a.helpers.contexts == ["vmbo"]  # the school is no professional


def test_stiefgezin_lesson_3() -> None:
    """A girl in a blended family: the next step is a talk with both biological parents."""
    a = _analyse("stiefgezin")
    assert _members(a, "parent_not_reached")[0] == ["vader", "jade"]  # Kevin
    assert "factions" not in _codes(a)  # no camp of the stepfather's ex-wife and Jade
    assert "smaller_group" not in _codes(a)
    assert a.helpers.professionals == 1  # the primary school is a context
    assert a.helpers.peak.first == "2022-11"  # not "since 2016" for a school
    assert a.core_group.members == ["swt-joyce"]
    assert [p.agent for p in a.core_group.circle] == ["school"]


def test_huisarts_steunfiguren_lesson_4() -> None:
    """Many professionals; the girl holds regie herself, her parents take theirs back."""
    a = _analyse("huisarts-steunfiguren")
    assert a.regie.family == ["noor", "vader", "moeder"]
    assert "no_regie" not in _codes(a) and "regie_to_assign" not in _codes(a)
    assert "many_professionals" in _codes(a)
    assert a.core_group.members == ["swt-sara"]
    assert "stage" not in a.helpers.agents  # the placement is a context
    circle = [p.agent for p in a.core_group.circle]
    assert "stage" in circle and "slb" in circle
    assert [p.agent for p in a.core_group.statutory] == ["lpa"]
    assert _members(a, "fused_distant") == [["moeder", "noor", "vader"]]


def test_terug_naar_huis_lesson_5() -> None:
    """Back home from a treatment group: the social team supports when asked, school helps."""
    a = _analyse("terug-naar-huis")
    assert "swt-ruben" in a.core_group.members
    assert "mentor" in [p.agent for p in a.core_group.circle]
    assert a.core_group.leaving == []
    assert "repeat_cutoff" not in _codes(a)  # one cut-off is no repeat
    assert _members(a, "cutoff") == [["esra", "vader"]]


def test_mdo_weglopen_lesson_6() -> None:
    """Eight helpers, the boy walks out; the social team and the provider he trusts carry on
    with a smaller group."""
    a = _analyse("mdo-weglopen")
    assert a.core_group.members == ["swt-anna", "brug-rob"]
    assert _members(a, "smaller_group") == [["swt-anna", "brug-rob"]]
    assert "mixed_roles" in _codes(a)
    assert [p.agent for p in a.core_group.statutory] == ["lpa"]
    assert "lpa" not in [x.agent for x in a.core_group.leaving]
    assert {"mentor", "zorgco"} <= {p.agent for p in a.core_group.circle}
    split = next(c for c in a.coalitions if c.code == "split_helpers")
    assert "Tim" not in split.why and "Oma" not in split.why  # only the people they reach
    assert "lpa" not in split.members  # leerplicht is no camp's own helper


def test_formaat_voorbeeld() -> None:
    a = _analyse("formaat-voorbeeld")
    assert a.core_group.members == ["swt-anna"]
    assert "factions" not in _codes(a) and "smaller_group" not in _codes(a)
    assert a.helpers.professionals == 2  # the school named as an agent is a context


HYPOTHESIS = {"nl": re.compile(r"mogelijk|is het zo dat", re.I),
              "en": re.compile(r"possibly|could it be that", re.I)}
STANCE_WORDS = {"nl": re.compile(r"\b(tegenover|over|naast)\b", re.I),
                "en": re.compile(r"\b(opposite|over|alongside)\b", re.I)}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_reports_read_as_hypotheses(path: Path, lang: str) -> None:
    case = sk.load(path)
    a = analyse(case, lang=lang)
    for c in [*a.coalitions, *a.patterns]:
        assert HYPOTHESIS[lang].search(c.why), c.why
    for c in a.coalitions:
        assert not STANCE_WORDS[lang].search(c.why), c.why
    for text in (to_text(a, case.names()), to_markdown(a, case.names())):
        for code in a.codes():  # codes stay in JSON
            assert f"[{code}]" not in text and f"**{code}**" not in text
            assert "_" not in code or code not in text
        assert "(+" not in text
        assert not re.search(r"\b1 (organisaties|maanden|professionals|organisations|months)\b",
                             text)
