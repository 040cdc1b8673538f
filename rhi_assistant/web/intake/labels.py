"""Plain words for what an import found, in the page's language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

FILE_PROBLEMS = {
    "unreadable": _l("The file could not be read. Try uploading it again."),
    "bad_encoding": _l("The file is not a CSV in UTF-8 text. In your spreadsheet, save it "
                       "as 'CSV UTF-8 (comma delimited)' and upload it again."),
    "not_csv": _l("The file is not a CSV file (it may be a spreadsheet or a document, or a "
                  "quote is left open). Save it as CSV and upload it again."),
    "missing_columns": _l("The file's first row does not name the columns the police export "
                          "needs: police_reference, first_name, last_name, date_of_birth and "
                          "last_seen."),
    "duplicate_columns": _l("The file's first row names a column twice. Remove one and upload "
                            "it again."),
    "not_a_csv_name": _l("The selected file must be a CSV (a name ending in .csv)."),
    "too_large": _l("The file is larger than 5 MB. Split it into smaller files."),
}

ROW_PROBLEMS = {
    "missing_field": _l("A police reference, first name, last name, date of birth or last "
                        "seen time is missing"),
    "bad_date": _l("The date of birth is not a date (use 2011-04-12 or 12/04/2011)"),
    "bad_datetime": _l("A time is not a date and time, or did not exist when the clocks went "
                       "forward"),
    "unknown_police_risk": _l("The police risk is not high, medium, low or no apparent risk"),
    "unknown_missing_from": _l("Missing from is not home, care or education"),
    "unknown_looked_after": _l("Looked after is not yes or no"),
    "not_a_child": _l("The person was not born, or was 18 or over, when last seen"),
    "found_before_last_seen": _l("The found time is before the last seen time"),
    "duplicate_in_file": _l("An earlier row of this file has the same police reference with "
                            "different details"),
}

OUTCOMES = {
    "created_child": _l("New child recorded, with the episode"),
    "matched": _l("Episode added to a child already recorded"),
    "to_confirm": _l("Waits for a person to confirm the child"),
    "updated": _l("Episode updated"),
    "unchanged": _l("Nothing new"),
    "rejected": _l("Not imported"),
}

WAITING_REASONS = {
    "several_matches": _l("The name matches more than one child with this date of birth"),
    "other_name_same_birth_date": _l("A child with this date of birth is recorded under "
                                     "another name (a twin, a changed name, or a different "
                                     "child)"),
}
