"""Words of the HTML pages (the session page, the live view, the overview), Dutch and English.

Kept apart from :mod:`systeemkaart.text.labels` (drawings) and :mod:`systeemkaart.text.words`
(analysis sentences) so that the pages can grow without touching either.
"""

from __future__ import annotations

from typing import Final

__all__ = ["PAGE_WORDS", "page_word"]

PAGE_WORDS: Final[dict[str, dict[str, str]]] = {
    # session page
    "as_of": {"nl": "stand per", "en": "as of"},
    "since": {"nl": "veranderingen sinds", "en": "changes since"},
    "index": {"nl": "jeugdige", "en": "index person"},
    "pseudonymised": {
        "nl": "Gepseudonimiseerd: geen namen, vrije tekst of precieze datums (jaren verschoven).",
        "en": "Pseudonymised: no names, free text or exact dates (years shifted).",
    },
    "contents": {"nl": "Inhoud", "en": "Contents"},
    "genogram": {"nl": "Genogram", "en": "Genogram"},
    "systemogram": {"nl": "Systemogram", "en": "Systemogram"},
    "timeline": {"nl": "Tijdlijn", "en": "Timeline"},
    "events": {"nl": "Gebeurtenissen", "en": "Events"},
    "hypotheses": {"nl": "Hypothesen", "en": "Hypotheses"},
    "analysis": {"nl": "Analyse", "en": "Analysis"},
    "date": {"nl": "Datum", "en": "Date"},
    "event": {"nl": "Gebeurtenis", "en": "Event"},
    "who": {"nl": "Wie", "en": "Who"},
    "about": {"nl": "over", "en": "about"},
    "nobody_named": {"nl": "niemand genoemd", "en": "nobody named"},
    "no_events": {"nl": "Geen gebeurtenissen vastgelegd.", "en": "No events recorded."},
    "no_hypotheses": {"nl": "Geen hypothesen vastgelegd.", "en": "No hypotheses recorded."},
    "empty_drawing": {"nl": "Niets te tekenen in dit deel van de casus.",
                      "en": "Nothing to draw in this part of the case."},
    "findings_note": {
        "nl": "Bevindingen zijn aanknopingspunten voor hypothesen, geen diagnoses: elk noemt "
              "de mensen en gegevens waar het op rust.",
        "en": "Findings are starting points for hypotheses, not diagnoses: each names the "
              "people and records it rests on.",
    },
    "live": {"nl": "Live: ververst bij elke keer opslaan", "en": "Live: reloads on every save"},
    "problems": {
        "nl": "Het casusbestand is nu niet geldig; hieronder de laatste goede tekeningen.",
        "en": "The case file is not valid now; below are the last good drawings.",
    },
    "problems_first": {
        "nl": "Het casusbestand is niet geldig; nog geen tekening.",
        "en": "The case file is not valid; nothing drawn yet.",
    },
    "problems_hidden": {
        "nl": "{n} probleem/problemen; zie de terminal (verborgen op een gepseudonimiseerde "
              "pagina).",
        "en": "{n} problem(s); see the terminal (hidden on a pseudonymised page).",
    },
    # demo index
    "index_title": {"nl": "Voorbeelden", "en": "Examples"},
    "index_intro": {
        "nl": "Elke voorbeeldcasus als sessiepagina: genogram, systemogram, tijdlijn, "
              "gebeurtenissen, hypothesen en analyse.",
        "en": "Every example case as a session page: genogram, systemogram, timeline, events, "
              "hypotheses and analysis.",
    },
    "people_count": {"nl": "{n} personen", "en": "{n} people"},
    "helpers_count": {"nl": "{p} professionals en {i} steunfiguren betrokken",
                      "en": "{p} professionals and {i} supporters involved"},
    "notes_file": {"nl": "analyse (markdown)", "en": "analysis (markdown)"},
    # overview
    "overview": {"nl": "Overzicht over {n} casussen", "en": "Overview of {n} cases"},
    "failed": {"nl": "{n} bestanden konden niet worden gelezen en tellen niet mee.",
               "en": "{n} files could not be read and are not counted."},
    "h_kinds": {"nl": "Soorten organisaties", "en": "Kinds of organisation"},
    "h_orgs": {"nl": "Organisaties", "en": "Organisations"},
    "h_professionals": {"nl": "Professionals per casus", "en": "Professionals per case"},
    "h_flags": {"nl": "Stapeling, regie en rollen", "en": "Stacking, regie and roles"},
    "h_partners": {"nl": "Partnerbeeld", "en": "Partner picture"},
    "kind": {"nl": "Soort", "en": "Kind"},
    "audit": {"nl": "Rekenkameronderzoek (15 gezinnen)", "en": "Audit (15 families)"},
    "organisation": {"nl": "Organisatie", "en": "Organisation"},
    "cases": {"nl": "Casussen", "en": "Cases"},
    "share": {"nl": "Aandeel", "en": "Share"},
    "with_swt": {"nl": "Samen met SWT", "en": "With the SWT"},
    "several_youth_care": {
        "nl": "Meerdere jeugdhulporganisaties (jeugdhulp, jeugd-GGZ)",
        "en": "Several youth care organisations (youth care, youth mental health)",
    },
    "more_orgs": {"nl": "en nog {n} organisaties, elk in {k} casus(sen) of minder",
                  "en": "and {n} more organisations, each in {k} case(s) or fewer"},
    "flag_stacking": {"nl": "Stapeling (3 of meer erbij in een jaar)",
                      "en": "Stacking (3 or more added in one year)"},
    "flag_no_regie": {"nl": "Regie bij niemand", "en": "Nobody holds regie"},
    "flag_multiple_regie": {"nl": "Regie bij meerdere partijen",
                            "en": "Regie held by several parties"},
    "flag_mixed_roles": {"nl": "Gemengde rollen (naast en over/tegenover)",
                         "en": "Mixed roles (alongside and over/opposite)"},
    "prof_axis": {"nl": "professionals betrokken op de peildatum",
                  "en": "professionals involved at the date"},
    "median": {"nl": "mediaan {m}, gemiddeld {a}", "en": "median {m}, mean {a}"},
    "counts_note": {
        "nl": "Geteld zoals 'systeemkaart analyse' telt, per casus op haar eigen peildatum.",
        "en": "Counted as 'systeemkaart analyse' counts, each case at its own date.",
    },
    "partners_note": {
        "nl": "Het SWT in het midden; partners op ringen naar het aantal casussen samen met "
              "het SWT (binnen = vaker). Rechts jeugdhulp en opvoedondersteuning, links "
              "scholen en de sociale basis, boven en onder de overige. Groter = in meer "
              "casussen.",
        "en": "The SWT in the centre; partners on rings by the number of cases shared with "
              "the SWT (inner = more often). Youth care and parenting support on the right, "
              "schools and the social basis on the left, the others above and below. Larger = "
              "in more cases.",
    },
    "ring": {"nl": "ring {r}: {lo}-{hi} casussen samen met het SWT",
             "en": "ring {r}: {lo}-{hi} cases shared with the SWT"},
    "ring_zero": {"nl": "buitenrand: nooit samen met het SWT",
                  "en": "outer rim: never together with the SWT"},
    "partners_shown": {"nl": "{shown} van {total} partners getekend (de {shown} in de meeste "
                             "casussen); de tabel noemt ze allemaal",
                       "en": "{shown} of {total} partners drawn (the {shown} in most cases); "
                             "the table lists them all"},
    "swt": {"nl": "SWT", "en": "SWT"},
}


def page_word(key: str, lang: str = "nl", **values: object) -> str:
    """The page text ``key`` in ``lang`` (Dutch when missing), filled in with ``values``."""
    entry = PAGE_WORDS[key]
    text = entry.get(lang) or entry["nl"]
    return text.format(**values) if values else text
