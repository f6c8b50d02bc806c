"""The closed vocabularies of a case, in one place, with a check that names the allowed values."""

from __future__ import annotations

from typing import Final, Literal, get_args

__all__ = [
    "AGENT_TYPES",
    "CHILD_KINDS",
    "CONTEXT_KINDS",
    "DIRECTED_RELATIONS",
    "ENTRIES",
    "HELP_FORMS",
    "HELP_FORM_WEIGHT",
    "LANGS",
    "NODE_TYPES",
    "ORGANISATION_KINDS",
    "PARTNERSHIP_KINDS",
    "PARTNERSHIP_STATUSES",
    "RELATION_KINDS",
    "SEXES",
    "STANCES",
    "STRENGTHS",
    "allowed",
]

Sex = Literal["male", "female", "other", "unknown"]
PartnershipKind = Literal["married", "cohabiting", "dating", "engaged", "affair"]
PartnershipStatus = Literal["together", "separated", "divorced", "widowed"]
ChildKind = Literal["biological", "adopted", "foster", "step"]
RelationKind = Literal[
    "close",
    "fused",
    "distant",
    "conflict",
    "hostile",
    "close_hostile",
    "cutoff",
    "abuse",
    "neglect",
    "caregiving",
]
ContextKind = Literal[
    "school", "work", "sport", "religion", "neighbourhood", "leisure", "other"
]
OrganisationKind = Literal[
    "social_team",
    "youth_care",
    "youth_mental_health",
    "gp",
    "school",
    "child_protection",
    "safety_home",
    "police",
    "municipality",
    "compulsory_education",
    "social_basis",
    "other",
]
Stance = Literal["alongside", "over", "opposite"]
Entry = Literal["good", "poor"]
HelpForm = Literal["ambulant", "day", "crisis", "residential", "foster"]
Strength = Literal["strong", "normal", "weak", "stressful"]
Lang = Literal["nl", "en"]
NodeType = Literal["person", "professional", "organisation", "context", "supporter"]
EdgeKind = Literal[
    "partnership", "child", "relation", "involvement", "membership", "support", "employment"
]

SEXES: Final = frozenset(get_args(Sex))
PARTNERSHIP_KINDS: Final = frozenset(get_args(PartnershipKind))
PARTNERSHIP_STATUSES: Final = frozenset(get_args(PartnershipStatus))
CHILD_KINDS: Final = frozenset(get_args(ChildKind))
RELATION_KINDS: Final = frozenset(get_args(RelationKind))
DIRECTED_RELATIONS: Final = frozenset({"abuse", "neglect", "caregiving"})
CONTEXT_KINDS: Final = frozenset(get_args(ContextKind))
ORGANISATION_KINDS: Final = frozenset(get_args(OrganisationKind))
STANCES: Final = frozenset(get_args(Stance))
ENTRIES: Final = frozenset(get_args(Entry))
HELP_FORMS: Final = frozenset(get_args(HelpForm))
HELP_FORM_WEIGHT: Final[dict[str, int]] = {
    "ambulant": 1, "day": 2, "crisis": 3, "foster": 5, "residential": 5,
}
"""How heavy each form of help is (higher: heavier, further from home); lightest first."""
STRENGTHS: Final = frozenset(get_args(Strength))
LANGS: Final = frozenset(get_args(Lang))
NODE_TYPES: Final = frozenset(get_args(NodeType))
EDGE_KINDS: Final = frozenset(get_args(EdgeKind))
AGENT_TYPES: Final = frozenset({"professional", "organisation", "context", "supporter"})


def allowed(values: frozenset[str]) -> str:
    """The allowed values, sorted and comma-separated, for messages."""
    return ", ".join(sorted(values))
