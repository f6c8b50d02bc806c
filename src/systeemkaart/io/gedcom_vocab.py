"""The GEDCOM words that the reader (``gedcom``) and the writer (``gedcom_export``) share.

One table per fact, so what the writer puts in a file is what the reader takes out of it.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "MONTHS",
    "NOT_A_COUPLE",
    "PEDIGREE_KINDS",
    "SEXES_OF_CODES",
    "SEX_CODES",
    "TWIN_ROLE",
    "UNION_EVENT_KINDS",
    "UNION_EVENT_STATUSES",
    "UNION_EVENT_TYPES",
]

MONTHS: Final = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV",
                 "DEC")
"""The Gregorian month names of GEDCOM dates, January first."""

SEXES_OF_CODES: Final = {"M": "male", "F": "female", "X": "other", "U": "unknown"}
"""``SEX`` values and the case's sexes (``X`` is GEDCOM 7; 5.5.1 knows only M, F and U)."""

SEX_CODES: Final = {sex: code for code, sex in SEXES_OF_CODES.items()}

PEDIGREE_KINDS: Final = {"birth": "biological", "adopted": "adopted", "foster": "foster",
                         "step": "step", "other": "step"}
"""``FAMC.PEDI`` values (lowercased) and the kind of child link they give. GEDCOM 5.5.1 has
no word for a step-child (``step`` is the one genealogy programs write); GEDCOM 7 writes
``OTHER`` with a phrase, read as step: a parent who is not a birth, adoptive or foster
parent."""

UNION_EVENT_TYPES: Final = {"cohabiting": "Cohabiting", "dating": "Dating", "affair": "Affair",
                            "separated": "Separated", "widowed": "Widowed"}
"""The ``TYPE`` of a family ``EVEN`` for what GEDCOM has no tag of its own: couples that are
not married or engaged, separation, and widowhood."""

UNION_EVENT_KINDS: Final = frozenset({"cohabiting", "dating", "affair"})
UNION_EVENT_STATUSES: Final = frozenset({"separated", "widowed"})

NOT_A_COUPLE: Final = "_NO_COUPLE"
"""An extension tag (``1 _NO_COUPLE Y``) on a family of two parents who are not a couple in
the case: every GEDCOM family is one, and without it their child's parents would come back
as a cohabiting couple."""

TWIN_ROLE: Final = {"5.5.1": "Twin", "7": "MULTIPLE"}
"""How an ``ASSO`` names a twin: 5.5.1 ``RELA Twin`` (``Identical twin``), 7 ``ROLE MULTIPLE``
(a sibling of the same birth)."""
