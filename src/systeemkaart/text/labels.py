"""Words shown in drawings, in Dutch (default) and English."""

from __future__ import annotations

from typing import Final

__all__ = ["KIND_LABELS", "LABELS", "kind_label", "label"]

LABELS: Final[dict[str, dict[str, str]]] = {
    # legend groups
    "symbols": {"nl": "Symbolen", "en": "Symbols"},
    "family_lines": {"nl": "Gezinslijnen", "en": "Family lines"},
    "relationships": {"nl": "Relaties", "en": "Relationships"},
    "markers": {"nl": "Markeringen", "en": "Markers"},
    "legend": {"nl": "Legenda", "en": "Legend"},
    # people
    "male": {"nl": "Man", "en": "Male"},
    "female": {"nl": "Vrouw", "en": "Female"},
    "other": {"nl": "Anders", "en": "Other"},
    "unknown": {"nl": "Onbekend", "en": "Unknown"},
    "deceased": {"nl": "Overleden", "en": "Deceased"},
    "index": {"nl": "Jeugdige (index)", "en": "Index person"},
    "pregnancy": {"nl": "Zwangerschap", "en": "Pregnancy"},
    "miscarriage": {"nl": "Miskraam", "en": "Miscarriage"},
    "abortion": {"nl": "Abortus", "en": "Abortion"},
    "stillbirth": {"nl": "Doodgeboren", "en": "Stillbirth"},
    "not_drawn": {"nl": "⋯ +{n} niet getekend", "en": "⋯ +{n} not drawn"},
    "household": {"nl": "Huishouden", "en": "Household"},
    # stand-in names in pseudonymised copies
    "person": {"nl": "Persoon", "en": "Person"},
    "event": {"nl": "Gebeurtenis", "en": "Event"},
    "hypothesis": {"nl": "Hypothese", "en": "Hypothesis"},
    "pseudonymised_case": {"nl": "Gepseudonimiseerde casus", "en": "Pseudonymised case"},
    "born": {"nl": "geb.", "en": "b."},
    "died": {"nl": "overl.", "en": "d."},
    # partnerships
    "married": {"nl": "Getrouwd", "en": "Married"},
    "cohabiting": {"nl": "Samenwonend", "en": "Cohabiting"},
    "dating": {"nl": "Relatie", "en": "Dating"},
    "engaged": {"nl": "Verloofd", "en": "Engaged"},
    "affair": {"nl": "Affaire", "en": "Affair"},
    "separated": {"nl": "Uit elkaar", "en": "Separated"},
    "divorced": {"nl": "Gescheiden", "en": "Divorced"},
    "widowed": {"nl": "Weduwe/weduwnaar", "en": "Widowed"},
    # children
    "biological": {"nl": "Kind", "en": "Child"},
    "adopted": {"nl": "Geadopteerd", "en": "Adopted"},
    "foster": {"nl": "Pleegkind", "en": "Foster child"},
    "step": {"nl": "Stiefkind", "en": "Stepchild"},
    "twins": {"nl": "Tweeling", "en": "Twins"},
    "identical_twins": {"nl": "Eeneiige tweeling", "en": "Identical twins"},
    # relations
    "close": {"nl": "Hecht", "en": "Close"},
    "fused": {"nl": "Versmolten", "en": "Fused"},
    "distant": {"nl": "Afstandelijk", "en": "Distant"},
    "conflict": {"nl": "Conflict", "en": "Conflict"},
    "hostile": {"nl": "Vijandig", "en": "Hostile"},
    "close_hostile": {"nl": "Hecht-vijandig", "en": "Close-hostile"},
    "cutoff": {"nl": "Contact verbroken", "en": "Cut off"},
    "abuse": {"nl": "Mishandeling", "en": "Abuse"},
    "neglect": {"nl": "Verwaarlozing", "en": "Neglect"},
    "caregiving": {"nl": "Zorg voor", "en": "Caregiving"},
    # help
    "alongside": {"nl": "Naast (helpt)", "en": "Alongside (helps)"},
    "over": {"nl": "Over (beschikt)", "en": "Over (decides)"},
    "opposite": {"nl": "Tegenover (meldt)", "en": "Opposite (reports)"},
    "regie": {"nl": "Regie", "en": "Regie (steers)"},
    "no_regie": {"nl": "Regie bij niemand", "en": "Nobody holds regie"},
    "not_reached": {"nl": "niet bereikt", "en": "not reached"},
    "professionals": {"nl": "professionals", "en": "professionals"},
    "organisations": {"nl": "organisaties", "en": "organisations"},
    "supporter": {"nl": "Steunfiguur", "en": "Supporter"},
    "context": {"nl": "Context", "en": "Context"},
    "organisation": {"nl": "Organisatie", "en": "Organisation"},
    "professional": {"nl": "Professional", "en": "Professional"},
    "strong": {"nl": "Sterk", "en": "Strong"},
    "normal": {"nl": "Gewoon", "en": "Normal"},
    "weak": {"nl": "Zwak", "en": "Weak"},
    "stressful": {"nl": "Belastend", "en": "Stressful"},
    "genogram": {"nl": "Genogram", "en": "Genogram"},
    "systemogram": {"nl": "Systemogram", "en": "Systemogram"},
    "timeline": {"nl": "Tijdlijn", "en": "Timeline"},
    "as_of": {"nl": "stand per", "en": "as of"},
    # genogram line labels and markers
    "married_short": {"nl": "getr.", "en": "m."},
    "cohabiting_short": {"nl": "samenw.", "en": "cohab."},
    "dating_short": {"nl": "rel.", "en": "rel."},
    "engaged_short": {"nl": "verl.", "en": "eng."},
    "affair_short": {"nl": "aff.", "en": "aff."},
    "separated_short": {"nl": "uit elkaar", "en": "sep."},
    "divorced_short": {"nl": "gesch.", "en": "div."},
    "widowed_short": {"nl": "wed.", "en": "wid."},
    "implied": {"nl": "Ouders, geen relatie vermeld", "en": "Parents, no relationship given"},
    "consanguineous": {"nl": "Bloedverwante partners", "en": "Partners related by descent"},
    "household_apart": {"nl": "Huishouden, leden apart (kaders in één kleur)",
                        "en": "Household, members apart (frames in one tint)"},
    "household_apart_named": {"nl": "{name}: leden apart (kaders in deze kleur)",
                              "en": "{name}: members apart (frames in this tint)"},
    "age_inside": {"nl": "Leeftijd in symbool", "en": "Age inside symbol"},
    "single_parent": {"nl": "Alleenstaande ouder", "en": "Single parent"},
    # systemogram and timeline
    "multi_regie": {"nl": "Regie bij meerderen", "en": "Several hold regie"},
    "years_short": {"nl": "jr", "en": "y"},
    "membership": {"nl": "Lid van / gaat naar", "en": "Member of / attends"},
    "weight": {"nl": "Dikker = vaker of betere ingang",
               "en": "Thicker = more often or better entry"},
    "collapsed": {"nl": "Organisatie (professionals samengevoegd)",
                  "en": "Organisation (professionals merged)"},
    "concurrent": {"nl": "Gelijktijdig betrokken professionals",
                   "en": "Professionals involved at the same time"},
    "events": {"nl": "Gebeurtenissen", "en": "Events"},
    "involvement_period": {"nl": "Betrokkenheid", "en": "Involvement"},
    "helpers": {"nl": "Hulp en netwerk", "en": "Help and network"},
    "lines": {"nl": "Lijnen", "en": "Lines"},
    "school": {"nl": "School", "en": "School"},
    "work": {"nl": "Werk", "en": "Work"},
    "sport": {"nl": "Sport", "en": "Sport"},
    "religion": {"nl": "Geloof", "en": "Religion"},
    "neighbourhood": {"nl": "Buurt", "en": "Neighbourhood"},
    "leisure": {"nl": "Vrije tijd", "en": "Leisure"},
    # forms of help (involvement ``form``), lightest first
    "form_ambulant": {"nl": "Ambulant", "en": "Ambulant"},
    "form_day": {"nl": "Dagbehandeling", "en": "Day treatment"},
    "form_crisis": {"nl": "Crisis", "en": "Crisis"},
    "form_residential": {"nl": "24-uurs", "en": "Residential (24-hour)"},
    "form_foster": {"nl": "Pleegzorg", "en": "Foster care"},
    "form_measure": {"nl": "Maatregel (gedwongen kader)", "en": "Statutory measure"},
    "forms": {"nl": "Vorm van hulp", "en": "Form of help"},
    "form_mark_ambulant": {"nl": "A", "en": "A"},
    "form_mark_day": {"nl": "D", "en": "D"},
    "form_mark_crisis": {"nl": "C", "en": "C"},
    "form_mark_residential": {"nl": "24", "en": "24"},
    "form_mark_foster": {"nl": "P", "en": "F"},
    # change over time (timeline, draw --since)
    "ongoing": {"nl": "Loopt nog", "en": "Ongoing"},
    "end_unknown": {"nl": "Einde onbekend", "en": "End unknown"},
    "start_unknown": {"nl": "Begin onbekend", "en": "Start unknown"},
    "undated": {"nl": "Zonder datum", "en": "Undated"},
    "new_since": {"nl": "Nieuw sinds {date}", "en": "New since {date}"},
    "ended_since": {"nl": "Beëindigd sinds {date}", "en": "Ended since {date}"},
    "changes": {"nl": "Veranderingen", "en": "Changes"},
    "events_outside": {"nl": "{n} gebeurtenis(sen) buiten de tijdas",
                       "en": "{n} event(s) outside the axis"},
}

KIND_LABELS: Final[dict[str, dict[str, str]]] = {
    # organisation kinds
    "social_team": {"nl": "Sociaal wijkteam", "en": "Social team"},
    "youth_care": {"nl": "Jeugdhulp", "en": "Youth care"},
    "youth_mental_health": {"nl": "Jeugd-GGZ", "en": "Youth mental health"},
    "gp": {"nl": "Huisarts", "en": "GP"},
    "school": {"nl": "School", "en": "School"},
    "child_protection": {"nl": "Jeugdbescherming", "en": "Child protection"},
    "safety_home": {"nl": "Veilig Thuis", "en": "Veilig Thuis (safety home)"},
    "police": {"nl": "Politie", "en": "Police"},
    "municipality": {"nl": "Gemeente", "en": "Municipality"},
    "compulsory_education": {"nl": "Leerplicht", "en": "School attendance"},
    "social_basis": {"nl": "Sociale basis", "en": "Community services"},
    # context kinds
    "work": {"nl": "Werk", "en": "Work"},
    "sport": {"nl": "Sport", "en": "Sport"},
    "religion": {"nl": "Geloof", "en": "Religion"},
    "neighbourhood": {"nl": "Buurt", "en": "Neighbourhood"},
    "leisure": {"nl": "Vrije tijd", "en": "Leisure"},
    "other": {"nl": "Overig", "en": "Other"},
}


def kind_label(kind: str, lang: str = "nl") -> str:
    """The name of an organisation or context kind (``youth_care`` -> ``Jeugdhulp``)."""
    entry = KIND_LABELS.get(kind)
    return entry[lang if lang in entry else "nl"] if entry else kind.replace("_", " ")


def label(key: str, lang: str = "nl") -> str:
    """The label for ``key`` in ``lang`` (``nl`` or ``en``); the key itself when unknown."""
    entry = LABELS.get(key)
    if entry is None:
        return key.replace("_", " ")
    return entry.get(lang) or entry["nl"]
