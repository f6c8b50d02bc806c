"""The sentences of the analyses, in Dutch (default) and English.

Each finding's ``why`` and each line of the text and markdown reports comes from here, so
that the two languages stay side by side and a missing translation shows up in one place.

Findings about the family and the help are hypotheses for the session to test, never
verdicts (the Proeftuin's lesson *Leren, niet weten*): they read "Mogelijk ..." or "Is het zo
dat ...?" ("Possibly ...", "Could it be that ...?"). Sentences about coalitions never use the
stance words (*naast*, *over*, *tegenover*), which name how a professional stands to the
family. Counts agree in number (:func:`count`: "1 organisatie", "2 organisaties").
"""

from __future__ import annotations

from typing import Final

__all__ = ["NOUNS", "WORDS", "be", "count", "say"]

WORDS: Final[dict[str, dict[str, str]]] = {
    # helpers
    "many_professionals": {
        "nl": "{n} rond het gezin (meer dan {limit}): mogelijk stapelt de hulp zich op",
        "en": "{n} around the family (more than {limit}): possibly help is stacking up",
    },
    "many_around_person": {
        "nl": "{n} rond {who} (meer dan {limit}): mogelijk is het voor {who} te veel",
        "en": "{n} around {who} (more than {limit}): possibly too many for {who}",
    },
    "stacking": {
        "nl": "{n} erbij in {year} ({limit} of meer in een jaar): mogelijk stapelt de hulp "
              "zich op",
        "en": "{n} added in {year} ({limit} or more in one year): possibly help is stacking up",
    },
    "outside_household": {
        "nl": "{who} helpt niemand in het huishouden (alleen {whom}): mogelijk is het goed "
              "dat na te gaan",
        "en": "{who} helps nobody in the household (only {whom}): possibly worth checking",
    },
    # regie
    "no_regie": {
        "nl": "In dit bestand heeft niemand de regie over de hulp ({n} betrokken): is het zo "
              "dat niemand de hulp stuurt?",
        "en": "In this file nobody holds regie over the help ({n} involved): could it be "
              "that nobody steers the help?",
    },
    "multiple_regie": {
        "nl": "Meer dan één partij heeft de regie ({who}): mogelijk is voor het gezin "
              "onduidelijk wie de hulp stuurt",
        "en": "More than one party holds regie ({who}): possibly it is unclear to the family "
              "who steers the help",
    },
    "regie_not_alongside": {
        "nl": "{who} heeft de regie en {stance}: mogelijk ervaart het gezin die regie niet "
              "als steun",
        "en": "{who} holds regie and {stance}: possibly the family does not experience that "
              "regie as support",
    },
    "mixed_roles": {
        "nl": "{who} heeft meer dan één rol naar dit gezin: {roles}. Mogelijk is voor het "
              "gezin onduidelijk wie helpt en wie beslist of meldt",
        "en": "{who} has more than one role towards this family: {roles}. Possibly the "
              "family cannot tell who helps and who decides or reports",
    },
    "family_not_targeted": {
        "nl": "De hulp richt zich op {child}, maar {parents} {be} door geen professional "
              "bereikt: is het zo dat het gezin niet aan tafel zit?",
        "en": "Help is aimed at {child}, but no professional reaches {parents}: could it be "
              "that the family is not at the table?",
    },
    "parent_not_reached": {
        "nl": "{parent}, {role} van {child}, wordt door geen professional bereikt: mogelijk "
              "hoort {parent} ook aan tafel",
        "en": "{parent}, {child}'s {role}, is reached by no professional: possibly "
              "{parent} belongs at the table too",
    },
    "parent_biological": {"nl": "ouder", "en": "parent"},
    "parent_adopted": {"nl": "adoptiefouder", "en": "adoptive parent"},
    "parent_foster": {"nl": "pleegouder", "en": "foster parent"},
    "parent_step": {"nl": "stiefouder", "en": "step-parent"},
    "parent_biological_male": {"nl": "vader", "en": "father"},
    "parent_biological_female": {"nl": "moeder", "en": "mother"},
    "parent_step_male": {"nl": "stiefvader", "en": "stepfather"},
    "parent_step_female": {"nl": "stiefmoeder", "en": "stepmother"},
    "parent_foster_male": {"nl": "pleegvader", "en": "foster father"},
    "parent_foster_female": {"nl": "pleegmoeder", "en": "foster mother"},
    "parent_adopted_male": {"nl": "adoptiefvader", "en": "adoptive father"},
    "parent_adopted_female": {"nl": "adoptiefmoeder", "en": "adoptive mother"},
    "stance_alongside": {"nl": "naast", "en": "alongside"},
    "stance_over": {"nl": "over (beschikt)", "en": "over (decides)"},
    "stance_opposite": {"nl": "tegenover (meldt)", "en": "opposite (reports)"},
    "role_alongside": {"nl": "helpt", "en": "helps"},
    "role_over": {"nl": "beslist (beschikt)", "en": "decides"},
    "role_opposite": {"nl": "meldt", "en": "reports"},
    "holder_over": {"nl": "beslist over het gezin", "en": "decides over the family"},
    "holder_opposite": {"nl": "meldt over het gezin", "en": "reports on the family"},
    # coalitions: hypotheses, without the stance words
    "triangle": {
        "nl": "Is het zo dat {c} buiten de hechte band van {a} en {b} valt? Allebei hebben "
              "ze een moeizame relatie met {c}",
        "en": "Could it be that {c} is left outside the close bond of {a} and {b}? Both have "
              "a strained relation with {c}",
    },
    "cross_generational": {
        "nl": "Is het zo dat {a} en {b} een verbond vormen dwars door de generaties, met {c} "
              "erbuiten? {a} en {b} zijn hecht; {a} en {c} hebben een moeizame relatie",
        "en": "Could it be that {a} and {b} form a bond across the generations that leaves "
              "{c} out? {a} and {b} are close; {a} and {c} have a strained relation",
    },
    "fused_distant": {
        "nl": "Is het zo dat {a} en {b} zo nauw verbonden zijn dat {c} op afstand raakt? De "
              "band tussen {a} en {b} is versmolten, {c} staat er afstandelijk bij",
        "en": "Could it be that {a} and {b} are so bound up with each other that {c} is left "
              "at a distance? {a} and {b} are fused, {c} stands apart",
    },
    "cutoff": {
        "nl": "Het contact tussen {a} en {b} is verbroken: mogelijk speelt dat onder de "
              "oppervlakte mee",
        "en": "Contact between {a} and {b} is cut off: possibly it plays a part under the "
              "surface",
    },
    "factions": {
        "nl": "Mogelijk zijn er twee kampen: {ga} aan de ene kant, {gb} aan de andere. Binnen "
              "elk kamp zijn de banden hecht, tussen de kampen moeizaam",
        "en": "Possibly there are two camps: {ga} on one side, {gb} on the other. Within "
              "each camp the bonds are close, between the camps strained",
    },
    "factions_misfit": {
        "nl": "; {n} past niet in dit beeld",
        "en": "; {n} does not fit this picture",
    },
    "factions_misfits": {
        "nl": "; {n} passen niet in dit beeld",
        "en": "; {n} do not fit this picture",
    },
    "split_helpers": {
        "nl": "Is het zo dat elk kamp een eigen hulpverlener heeft? {a} {va} {ga}; {b} {vb} "
              "{gb}",
        "en": "Could it be that each camp has its own helper? {a} {va} {ga}; {b} {vb} {gb}",
    },
    "helps": {"nl": "helpt", "en": "helps"},
    "help": {"nl": "helpen", "en": "help"},
    # patterns
    "repeat_divorce": {
        "nl": "Mogelijk herhaalt zich een patroon: scheidingen in {n} ({who})",
        "en": "Possibly a pattern repeats: separations in {n} ({who})",
    },
    "repeat_cutoff": {
        "nl": "Mogelijk herhaalt zich een patroon: verbroken contact in {n} ({who})",
        "en": "Possibly a pattern repeats: contact cut off in {n} ({who})",
    },
    "repeat_parent_child_conflict": {
        "nl": "Mogelijk herhaalt zich een patroon: conflict tussen ouder en kind in {n} "
              "({who})",
        "en": "Possibly a pattern repeats: conflict between parent and child in {n} ({who})",
    },
    "repeat_early_parenthood": {
        "nl": "Mogelijk herhaalt zich een patroon: jong ouderschap in {n} ({who})",
        "en": "Possibly a pattern repeats: early parenthood in {n} ({who})",
    },
    "repeat_abuse": {
        "nl": "Mogelijk herhaalt zich een patroon: mishandeling of verwaarlozing in {n} "
              "({who})",
        "en": "Possibly a pattern repeats: abuse or neglect in {n} ({who})",
    },
    # core group
    "member_regie": {"nl": "heeft de regie", "en": "holds regie"},
    "member_good": {"nl": "goede ingang bij {whom}", "en": "good entry with {whom}"},
    "member_reaches": {"nl": "bereikt {whom}", "en": "reaches {whom}"},
    "member_should_regie": {"nl": "kan mogelijk de regie nemen",
                            "en": "could possibly take regie"},
    "statutory": {"nl": "wettelijke taak, houdt een eigen plek",
                  "en": "statutory task, keeps its own place"},
    "statutory_regie": {
        "nl": "wettelijke taak; heeft de regie onder een maatregel van de rechter",
        "en": "statutory task; holds regie under a court measure",
    },
    "circle_why": {
        "nl": "hoort bij de kring rond het gezin",
        "en": "part of the circle around the family",
    },
    "leaver": {
        "nl": "{who} kan mogelijk op de achtergrond: {whom} {be} door de kleine groep bereikt",
        "en": "{who} could possibly step back: the small group reaches {whom}",
    },
    "leaver_none": {
        "nl": "{who} kan mogelijk op de achtergrond",
        "en": "{who} could possibly step back",
    },
    "smaller_group": {
        "nl": "Is het zo dat een kleine groep ({who}) met het gezin verder kan in plaats van "
              "{now}?",
        "en": "Could it be that a small group ({who}) can carry on with the family instead "
              "of {now}?",
    },
    "smaller_group_one": {
        "nl": "Is het zo dat {who} met het gezin verder kan in plaats van {now}?",
        "en": "Could it be that {who} can carry on with the family instead of {now}?",
    },
    "regie_to_assign": {
        "nl": "Niemand heeft de regie; mogelijk ligt die het meest voor de hand bij {who}",
        "en": "Nobody holds regie; possibly {who} is the most natural choice",
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
    "recent_report": {
        "nl": "{who} deed in de afgelopen 12 maanden een melding over dit gezin: mogelijk "
              "kan beter een collega van {org} aan tafel",
        "en": "{who} reported on this family in the last 12 months: possibly a colleague "
              "from {org} had better be at the table",
    },
    "recent_report_alone": {
        "nl": "{who} deed in de afgelopen 12 maanden een melding over dit gezin: mogelijk "
              "kan beter iemand anders aan tafel",
        "en": "{who} reported on this family in the last 12 months: possibly someone else "
              "had better be at the table",
    },
    # report headings and lines
    "title": {"nl": "Analyse", "en": "Analysis"},
    "as_of": {"nl": "stand per", "en": "as of"},
    "hypotheses_note": {
        "nl": "Wat hieronder staat zijn vragen en vermoedens om in de sessie te toetsen, "
              "geen oordelen.",
        "en": "What follows are questions and hunches to test in the session, not verdicts.",
    },
    "h_helpers": {"nl": "Betrokken hulp", "en": "Help involved"},
    "h_regie": {"nl": "Regie en rollen", "en": "Regie and roles"},
    "h_coalitions": {"nl": "Relaties in het gezin", "en": "Relations in the family"},
    "h_patterns": {"nl": "Patronen over generaties", "en": "Patterns across generations"},
    "h_core": {"nl": "Kleine kerngroep", "en": "Small core group"},
    "h_escalation": {"nl": "Verloop van de hulp", "en": "Course of the help"},
    "counts": {"nl": "{p} van {o}; {i}", "en": "{p} from {o}; {i}"},
    "by_kind": {"nl": "naar soort", "en": "by kind"},
    "per_person": {"nl": "per persoon", "en": "per person"},
    "contexts": {"nl": "school, werk, sport en andere plekken", "en": "school, work, sport "
                 "and other places"},
    "peak": {
        "nl": "piek: {n} tegelijk, vanaf {first} ({months})",
        "en": "peak: {n} at once, from {first} ({months})",
    },
    "additions": {"nl": "erbij per jaar", "en": "added per year"},
    "holders": {"nl": "regie over de hulp: {who}", "en": "regie over the help: {who}"},
    "family_holders": {"nl": "regie bij het gezin zelf: {who}",
                       "en": "regie with the family itself: {who}"},
    "nobody": {"nl": "niemand", "en": "nobody"},
    "none_found": {"nl": "niets opgevallen", "en": "nothing stood out"},
    "core_size": {
        "nl": "nu {now} betrokken; voorstel: {who}",
        "en": "now {now} involved; suggested: {who}",
    },
    "leaving": {"nl": "kan mogelijk op de achtergrond", "en": "could possibly step back"},
    "statutory_kept": {"nl": "wettelijke taak, eigen plek", "en": "statutory task, own place"},
    "circle_kept": {
        "nl": "in de kring rond het gezin (school, stage, sport)",
        "en": "in the circle around the family (school, placement, sport)",
    },
    "unreached": {
        "nl": "niet bereikt door de kleine groep",
        "en": "not reached by the small group",
    },
    "supporter_kept": {
        "nl": "met het gezin aan tafel (steunfiguren)",
        "en": "at the table with the family (supporters)",
    },
    "greedy_note": {
        "nl": "benadering: hooguit {ratio} keer het minimum",
        "en": "approximation: at most {ratio} times the minimum",
    },
    "and": {"nl": "en", "en": "and"},
}

NOUNS: Final[dict[str, dict[str, tuple[str, str]]]] = {
    "professional": {"nl": ("professional", "professionals"),
                     "en": ("professional", "professionals")},
    "organisation": {"nl": ("organisatie", "organisaties"),
                     "en": ("organisation", "organisations")},
    "supporter": {"nl": ("informele steunfiguur", "informele steunfiguren"),
                  "en": ("informal supporter", "informal supporters")},
    "supporter_short": {"nl": ("steunfiguur", "steunfiguren"),
                        "en": ("supporter", "supporters")},
    "month": {"nl": ("maand", "maanden"), "en": ("month", "months")},
    "generation": {"nl": ("generatie", "generaties"), "en": ("generation", "generations")},
    "relation": {"nl": ("relatie", "relaties"), "en": ("relation", "relations")},
}
"""Nouns that follow a number: singular and plural per language."""


def say(lang: str, key: str, **values: object) -> str:
    """The sentence ``key`` in ``lang`` (Dutch when the language is missing), filled in."""
    entry = WORDS[key]
    return (entry.get(lang) or entry["nl"]).format(**values)


def count(lang: str, n: int, noun: str) -> str:
    """``n`` and the noun in the right number: ``1 organisatie``, ``2 organisaties``."""
    forms = NOUNS[noun].get(lang) or NOUNS[noun]["nl"]
    return f"{n} {forms[0] if n == 1 else forms[1]}"


def be(lang: str, n: int) -> str:
    """The Dutch passive auxiliary for ``n`` subjects (``wordt``/``worden``); English
    sentences are written so that they need none."""
    return ("wordt" if n == 1 else "worden") if lang == "nl" else ""
