"""The commented template that ``systeemkaart new`` writes: a case to fill in during a session."""

from __future__ import annotations

__all__ = ["template"]

_TEMPLATE = """\
# yaml-language-server: $schema=https://systeemkaart.nl/schemas/case.schema.json
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
                               #   municipality | social_basis | other
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


def template(case_id: str = "nieuwe-casus", title: str = "Nieuwe casus",
             as_of: str = "2026-01-01") -> str:
    """A commented case that validates as it is and shows every section."""
    return _TEMPLATE.format(case_id=case_id, title=title, as_of=as_of)
