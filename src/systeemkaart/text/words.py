"""The sentences of the analyses, in Dutch (default) and English.

Each finding's ``why`` and each line of the text and markdown reports comes from here, so
that the two languages stay side by side and a missing translation shows up in one place.
"""

from __future__ import annotations

from typing import Final

__all__ = ["WORDS", "say"]

WORDS: Final[dict[str, dict[str, str]]] = {
    # helpers
    "many_professionals": {
        "nl": "{n} professionals rond het gezin (meer dan {limit})",
        "en": "{n} professionals around the family (more than {limit})",
    },
    "many_around_person": {
        "nl": "{n} professionals rond {who} (meer dan {limit})",
        "en": "{n} professionals around {who} (more than {limit})",
    },
    "stacking": {
        "nl": "{n} professionals erbij in {year}: stapeling ({limit} of meer in een jaar)",
        "en": "{n} professionals added in {year}: stacking ({limit} or more in one year)",
    },
    "outside_household": {
        "nl": "{who} richt zich op niemand in het huishouden (alleen op {whom})",
        "en": "{who} targets nobody in the household (only {whom})",
    },
    # regie
    "no_regie": {
        "nl": "regie bij niemand: {n} professionals betrokken, niemand heeft de regie",
        "en": "nobody holds regie: {n} professionals involved, none steers the help",
    },
    "multiple_regie": {
        "nl": "regie bij meerdere partijen: {who}",
        "en": "regie held by several parties: {who}",
    },
    "regie_not_alongside": {
        "nl": "{who} heeft de regie maar staat niet naast het gezin: {stance}",
        "en": "{who} holds regie but does not stand alongside the family: {stance}",
    },
    "mixed_roles": {
        "nl": "{who} heeft gemengde rollen naar hetzelfde gezin: {roles}",
        "en": "{who} has mixed roles towards the same family: {roles}",
    },
    "family_not_targeted": {
        "nl": "hulp richt zich op {child}, maar {parents} worden niet betrokken",
        "en": "help is aimed at {child}, but {parents} are not involved",
    },
    "stance_alongside": {"nl": "naast", "en": "alongside"},
    "stance_over": {"nl": "over (beschikt)", "en": "over (decides)"},
    "stance_opposite": {"nl": "tegenover (meldt)", "en": "opposite (reports)"},
    # coalitions
    "triangle": {
        "nl": "{a} en {b} zijn hecht en staan allebei tegenover {c} (driehoek)",
        "en": "{a} and {b} are close and both opposed to {c} (triangle)",
    },
    "cross_generational": {
        "nl": "{a} en {b} zijn hecht, tegenover {c} (coalitie over generaties)",
        "en": "{a} and {b} are close, against {c} (cross-generational coalition)",
    },
    "cutoff": {
        "nl": "contact verbroken tussen {a} en {b}",
        "en": "cut-off between {a} and {b}",
    },
    "factions": {
        "nl": "twee kampen: {groups} ({n} relaties passen er niet in)",
        "en": "two camps: {groups} ({n} relations do not fit)",
    },
    "factions_balanced": {
        "nl": "twee kampen: {groups} (alle relaties passen erin)",
        "en": "two camps: {groups} (every relation fits)",
    },
    "split_helpers": {
        "nl": "elk kamp een eigen hulpverlener: {a} bij {ga}; {b} bij {gb}",
        "en": "each camp has its own helper: {a} with {ga}; {b} with {gb}",
    },
    # patterns
    "repeat_divorce": {
        "nl": "scheiding herhaalt zich over {n} generaties: {who}",
        "en": "divorce repeats over {n} generations: {who}",
    },
    "repeat_cutoff": {
        "nl": "contact verbreken herhaalt zich over {n} generaties: {who}",
        "en": "cut-offs repeat over {n} generations: {who}",
    },
    "repeat_parent_child_conflict": {
        "nl": "conflict tussen ouder en kind herhaalt zich over {n} generaties: {who}",
        "en": "parent-child conflict repeats over {n} generations: {who}",
    },
    "repeat_early_parenthood": {
        "nl": "jong ouderschap herhaalt zich over {n} generaties: {who}",
        "en": "early parenthood repeats over {n} generations: {who}",
    },
    "repeat_abuse": {
        "nl": "mishandeling of verwaarlozing herhaalt zich over {n} generaties: {who}",
        "en": "abuse or neglect repeats over {n} generations: {who}",
    },
    # core group
    "member_regie": {"nl": "heeft de regie", "en": "holds regie"},
    "member_good": {"nl": "goede ingang bij {whom}", "en": "good entry with {whom}"},
    "member_reaches": {"nl": "bereikt {whom}", "en": "reaches {whom}"},
    "member_should_regie": {"nl": "zou de regie moeten nemen", "en": "should take regie"},
    "leaver": {
        "nl": "{who} kan op de achtergrond: {whom} worden door de kleine groep bereikt",
        "en": "{who} can step back: {whom} are reached by the small group",
    },
    "leaver_none": {
        "nl": "{who} kan op de achtergrond",
        "en": "{who} can step back",
    },
    "smaller_group": {
        "nl": "een kleine groep van {n} kan verder in plaats van {now}",
        "en": "a small group of {n} can carry on instead of {now}",
    },
    "regie_to_assign": {
        "nl": "niemand heeft de regie; {who} ligt het meest voor de hand",
        "en": "nobody holds regie; {who} is the obvious choice",
    },
    # escalation
    "escalation_now": {
        "nl": "Mogelijk wordt de hulp voor {who} stap voor stap zwaarder ({steps}): meer van "
              "hetzelfde, maar dan zwaarder. Wat werkte niet, en wat wil {who} zelf?",
        "en": "Possibly the help for {who} grows heavier step by step ({steps}): more of the "
              "same, only heavier. What did not work, and what does {who} want?",
    },
    "escalation_past": {
        "nl": "Mogelijk werd de hulp voor {who} stap voor stap zwaarder ({steps}); sinds "
              "{since} is die lichter. Wat maakte het verschil?",
        "en": "Possibly the help for {who} grew heavier step by step ({steps}); since {since} "
              "it is lighter. What made the difference?",
    },
    # compare
    "cmp_title": {
        "nl": "Verandering: {old} ({old_at}) → {new} ({new_at})",
        "en": "Change: {old} ({old_at}) → {new} ({new_at})",
    },
    "cmp_none": {"nl": "geen verschil", "en": "no change"},
    "cmp_people": {"nl": "Personen", "en": "People"},
    "cmp_partnerships": {"nl": "Partnerrelaties", "en": "Partnerships"},
    "cmp_relations": {"nl": "Relaties", "en": "Relations"},
    "cmp_households": {"nl": "Huishoudens", "en": "Households"},
    "cmp_contexts": {"nl": "Contexten", "en": "Contexts"},
    "cmp_supporters": {"nl": "Steunfiguren", "en": "Supporters"},
    "cmp_involvements": {"nl": "Betrokkenheid", "en": "Involvements"},
    "cmp_added": {"nl": "erbij", "en": "added"},
    "cmp_removed": {"nl": "weg", "en": "gone"},
    "cmp_changed": {"nl": "veranderd", "en": "changed"},
    "cmp_regie": {"nl": "Regie", "en": "Regie"},
    "cmp_professionals": {"nl": "Professionals", "en": "Professionals"},
    "cmp_core": {"nl": "Kleine kerngroep", "en": "Small core group"},
    "cmp_findings": {"nl": "Bevindingen", "en": "Findings"},
    "cmp_then": {"nl": "toen", "en": "then"},
    "cmp_now": {"nl": "nu", "en": "now"},
    # report headings
    "title": {"nl": "Analyse", "en": "Analysis"},
    "as_of": {"nl": "stand per", "en": "as of"},
    "h_helpers": {"nl": "Betrokken hulp", "en": "Help involved"},
    "h_regie": {"nl": "Regie en rollen", "en": "Regie and roles"},
    "h_coalitions": {"nl": "Coalities", "en": "Coalitions"},
    "h_patterns": {"nl": "Patronen over generaties", "en": "Patterns across generations"},
    "h_core": {"nl": "Kleine kerngroep", "en": "Small core group"},
    "h_escalation": {"nl": "Verloop van de hulp", "en": "Course of the help"},
    "counts": {
        "nl": "{p} professionals van {o} organisaties; {i} informele steunfiguren",
        "en": "{p} professionals from {o} organisations; {i} informal supporters",
    },
    "by_kind": {"nl": "naar soort", "en": "by kind"},
    "per_person": {"nl": "per persoon", "en": "per person"},
    "peak": {
        "nl": "piek: {n} tegelijk, vanaf {first} ({months} maanden)",
        "en": "peak: {n} at once, from {first} ({months} months)",
    },
    "additions": {"nl": "erbij per jaar", "en": "added per year"},
    "holders": {"nl": "regie: {who}", "en": "regie: {who}"},
    "nobody": {"nl": "niemand", "en": "nobody"},
    "none_found": {"nl": "niets gevonden", "en": "nothing found"},
    "core_size": {
        "nl": "nu {now} betrokken, voorstel {n}: {who}",
        "en": "now {now} involved, suggested {n}: {who}",
    },
    "leaving": {"nl": "op de achtergrond", "en": "stepping back"},
    "supporter_kept": {
        "nl": "met het gezin aan tafel (steunfiguren)",
        "en": "at the table with the family (supporters)",
    },
    "greedy_note": {
        "nl": "benadering: hooguit {ratio} keer het minimum",
        "en": "approximation: at most {ratio} times the minimum",
    },
}


def say(lang: str, key: str, **values: object) -> str:
    """The sentence ``key`` in ``lang`` (Dutch when the language is missing), filled in."""
    entry = WORDS[key]
    return (entry.get(lang) or entry["nl"]).format(**values)
