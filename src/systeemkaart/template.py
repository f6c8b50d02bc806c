"""The commented template that ``systeemkaart new`` writes: a case to fill in during a session."""

from __future__ import annotations

import json
import re

from .exceptions import CaseFormatError

__all__ = ["template"]

_TEMPLATE = """\
# For completion in an editor: `systeemkaart schema -o case.schema.json` and the line
# "# yaml-language-server: $schema=case.schema.json" at the top (VS Code, YAML extension).
# A systeemkaart case. Ids are short slugs (a-z, 0-9, - and _), unique in the whole file.
# Dates: 2021, 2021-06 or 2021-06-30. Remove what you do not need; every list may be empty.
schema: systeemkaart/1
case:
  id: {case_id}
  title: {title}
  as_of: {as_of}               # the date the drawing describes
  index: [jeugdige]            # the youth the session is about (double outline)
  lang: nl                     # labels: nl or en

people:                        # sex: male | female | other | unknown
  - {{id: vader, name: Vader, sex: male, born: 1980}}
  - {{id: moeder, name: Moeder, sex: female, born: 1982}}
  - {{id: jeugdige, name: Jeugdige, sex: unknown, born: 2010}}
  # optional: died, deceased, adopted, foster, pregnancy, miscarriage, twin_of, notes

partnerships:                  # kind: married | cohabiting | dating | engaged | affair
  - {{partners: [vader, moeder], kind: married, start: 2008}}
  # status: together | separated | divorced | widowed, with end: when

children:                      # kind: biological | adopted | foster | step
  - {{parents: [vader, moeder], child: jeugdige}}

relations: []                  # {{between: [a, b], kind: close | fused | distant | conflict |
                               #   hostile | close_hostile | cutoff | abuse | neglect | caregiving}}

households:
  - {{members: [vader, moeder, jeugdige]}}

network: []                    # {{id: buurvrouw, name: Buurvrouw, supports: [jeugdige],
                               #   strength: strong | normal | weak | stressful}}

contexts:                      # kind: school | work | sport | religion | neighbourhood | leisure
  - {{id: school, name: School, kind: school, members: [jeugdige]}}

organisations:                 # kind: social_team | youth_care | youth_mental_health | gp |
                               #   school | child_protection | safety_home | police |
                               #   municipality | compulsory_education | social_basis | other
  - id: swt
    name: Sociaal Wijkteam
    kind: social_team
    professionals:
      - {{id: swt-coach, name: Gezinscoach, role: gezinscoach}}

involvements:                  # stance: alongside (naast) | over | opposite (tegenover)
  - {{agent: swt-coach, targets: [vader, moeder, jeugdige], stance: alongside, regie: true}}
  # optional: start, end, intensity, entry (good | poor), notes

events: []                     # {{date: 2021, title: Verhuizing, people: [jeugdige]}}

hypotheses: []                 # {{text: ..., about: [jeugdige]}}
"""


_PLAIN_TITLE = re.compile(r"[A-Za-z\u00c0-\u024f][\w .,()/'&+-]*")
_YAML_FORBIDS_RAW = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def _yaml_text(text: str) -> str:
    """``text`` as a YAML scalar: plain when that reads back the same, else double-quoted."""
    if _PLAIN_TITLE.fullmatch(text) and not text.endswith(" ") and text.lower() not in {
        "yes", "no", "on", "off", "true", "false", "null", "y", "n"
    }:
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    return _YAML_FORBIDS_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def template(case_id: str = "nieuwe-casus", title: str = "Nieuwe casus",
             as_of: str = "2026-01-01") -> str:
    """A commented case that validates as it is and shows every section.

    Raises:
        CaseFormatError: when ``case_id`` is not a valid id or ``as_of`` not a date.
    """
    from .dates import PartialDate
    from .model.base import ID_PATTERN

    if not re.fullmatch(ID_PATTERN, case_id) or len(case_id) > 64:
        raise CaseFormatError(
            f"invalid id {case_id!r}: ids are lowercase slugs like 'opa-jansen' (letters a-z, "
            "digits, '-' and '_', starting with a letter or digit)", location="case.id")
    try:
        when = PartialDate.parse(as_of)
    except ValueError as err:
        raise CaseFormatError(str(err), location="case.as_of") from err
    return _TEMPLATE.format(case_id=_yaml_text(case_id), title=_yaml_text(title), as_of=when)
