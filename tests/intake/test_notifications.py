"""Reading a police notification file (intake.notifications): the file's form, each row's
checks, clock changes, ages, and when two rows of one file about one report conflict."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from rhi_assistant.intake.notifications import (
    FileError,
    Notification,
    RowProblem,
    eighteenth_birthday,
    parse_date,
    parse_datetime,
    read,
)

HEADER = ("police_reference,first_name,last_name,preferred_name,date_of_birth,last_seen,found,"
          "police_risk,missing_from,looked_after,where_found")
GOOD = "T-1,Cerys,Llewellyn,,2012-05-04,03/10/2026 21:15,,medium,home,no,"


def csv_bytes(*rows: str, header: str = HEADER, newline: str = "\n", bom: bool = False) -> bytes:
    text = newline.join((header, *rows)) + newline
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def only(data: bytes) -> Notification:
    records = read(data)
    assert len(records) == 1 and records[0].problem is None, records
    assert records[0].notification is not None
    return records[0].notification


def problem(row: str) -> RowProblem | None:
    (record,) = read(csv_bytes(row))
    return record.problem


# -- dates and times -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    ("2011-04-12", date(2011, 4, 12)), ("12/04/2011", date(2011, 4, 12)),
    ("7/3/2011", date(2011, 3, 7)), ("29/02/2012", date(2012, 2, 29)),
])
def test_dates(text: str, value: date) -> None:
    assert parse_date(text) == value


@pytest.mark.parametrize("text", ["31/02/2012", "12/25/2012", "2011-4-12", "12/04/11",
                                  "29/02/2013", "2011-04-12T00:00", "12.04.2011", ""])
def test_bad_dates(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(("text", "utc"), [
    ("2026-10-03T21:15:00+01:00", datetime(2026, 10, 3, 20, 15, tzinfo=UTC)),
    ("2026-10-03T20:15:00Z", datetime(2026, 10, 3, 20, 15, tzinfo=UTC)),
    ("2026-10-03 20:15Z", datetime(2026, 10, 3, 20, 15, tzinfo=UTC)),
    ("2026-10-03T21:15+0100", datetime(2026, 10, 3, 20, 15, tzinfo=UTC)),
    ("03/10/2026 21:15", datetime(2026, 10, 3, 20, 15, tzinfo=UTC)),       # BST
    ("03/12/2026 21:15:30", datetime(2026, 12, 3, 21, 15, 30, tzinfo=UTC)),  # GMT
    ("30/03/2025 03:10", datetime(2025, 3, 30, 2, 10, tzinfo=UTC)),        # just after forward
    ("30/03/2025 00:59", datetime(2025, 3, 30, 0, 59, tzinfo=UTC)),        # just before
    ("29/03/2025 23:40", datetime(2025, 3, 29, 23, 40, tzinfo=UTC)),
    ("26/10/2025 01:30", datetime(2025, 10, 26, 0, 30, tzinfo=UTC)),       # twice: the first
    ("26/10/2025 00:59", datetime(2025, 10, 25, 23, 59, tzinfo=UTC)),
    ("26/10/2025 02:00", datetime(2025, 10, 26, 2, 0, tzinfo=UTC)),        # back on GMT
    ("25/10/2026 01:05", datetime(2026, 10, 25, 0, 5, tzinfo=UTC)),        # 2026's change
])
def test_date_times_are_instants_on_the_london_clock(text: str, utc: datetime) -> None:
    assert parse_datetime(text) == utc


@pytest.mark.parametrize("text", [
    "30/03/2025 01:00", "30/03/2025 01:59", "29/03/2026 01:30",  # clocks went forward: never
    "2026-10-27T19:00:00", "27/10/2026", "2026-10-27", "27/10/2026 7:00 PM", "30/10/2026 25:10",
    "10/27/2026 19:00", "31/09/2026 10:00", "2026-10-27T19:00:00+25:00", "27/10/26 19:00",
])
def test_bad_date_times(text: str) -> None:
    assert parse_datetime(text) is None


def test_the_same_instant_written_two_ways_is_one_value() -> None:
    assert parse_datetime("30/03/2025 03:10") == parse_datetime("2025-03-30T02:10:00Z")


# -- ages --------------------------------------------------------------------------------

def test_a_leap_day_birthday_turns_18_on_the_first_of_march() -> None:
    assert eighteenth_birthday(date(2008, 2, 29)) == date(2026, 3, 1)
    assert eighteenth_birthday(date(2009, 7, 20)) == date(2027, 7, 20)


@pytest.mark.parametrize(("born", "last_seen", "code"), [
    ("2009-07-20", "2027-07-19T23:15:00Z", RowProblem.NOT_A_CHILD),   # 00:15 BST on 20 July
    ("2009-07-20", "2027-07-19T22:59:00Z", None),                     # 23:59 BST on 19 July
    ("2009-07-20", "19/07/2027 23:59", None),
    ("2009-07-20", "20/07/2027 00:00", RowProblem.NOT_A_CHILD),
    ("2008-02-29", "28/02/2026 23:59", None),
    ("2008-02-29", "01/03/2026 00:00", RowProblem.NOT_A_CHILD),
    ("2026-11-01", "31/10/2026 12:00", RowProblem.NOT_A_CHILD),       # not born yet
    ("2026-10-31", "31/10/2026 12:00", None),
    ("2008-12-01", "2026-12-01T00:30:00+00:00", RowProblem.NOT_A_CHILD),
])
def test_age_on_the_london_day_of_last_seen(born: str, last_seen: str,
                                             code: RowProblem | None) -> None:
    assert problem(f"T-1,Ann,Lee,,{born},{last_seen},,,,,") == code


def test_only_last_seen_counts_for_age_an_episode_from_17_may_be_found_at_18() -> None:
    assert problem("T-1,Ann,Lee,,2009-07-20,19/07/2027 20:00,21/07/2027 10:00,,,,") is None


# -- the row's checks, in order ---------------------------------------------------------

@pytest.mark.parametrize(("row", "code"), [
    (GOOD, None),
    (",Cerys,Llewellyn,,2012-05-04,03/10/2026 21:15,,,,,", RowProblem.MISSING_FIELD),
    ("T-1,Cerys,   ,,2012-05-04,03/10/2026 21:15,,,,,", RowProblem.MISSING_FIELD),
    ("T-1,Cerys,Llewellyn,,,03/10/2026 21:15,,,,,", RowProblem.MISSING_FIELD),
    ("T-1,Cerys,Llewellyn,,2012-05-04,,,,,,", RowProblem.MISSING_FIELD),
    ("T-1,Cerys,Llewellyn,,31/02/2012,bad,,,,,", RowProblem.BAD_DATE),
    ("T-1,Cerys,Llewellyn,,2012-05-04,bad,,absent,,,", RowProblem.BAD_DATETIME),
    ("T-1,Cerys,Llewellyn,,2012-05-04,03/10/2026 21:15,04/10/2026,,,,", RowProblem.BAD_DATETIME),
    ("T-1,Cerys,Llewellyn,,2012-05-04,03/10/2026 21:15,,absent,school,,",
     RowProblem.UNKNOWN_POLICE_RISK),
    ("T-1,Cerys,Llewellyn,,2012-05-04,03/10/2026 21:15,,No Apparent Risk,,,", None),
    ("T-1,Cerys,Llewellyn,,2012-05-04,03/10/2026 21:15,,no-apparent-risk,,,", None),
    ("T-1,Cerys,Llewellyn,,2012-05-04,03/10/2026 21:15,,HIGH,school,,",
     RowProblem.UNKNOWN_MISSING_FROM),
    ("T-1,Cerys,Llewellyn,,2012-05-04,03/10/2026 21:15,,,Education,maybe,",
     RowProblem.UNKNOWN_LOOKED_AFTER),
    ("T-1,Cerys,Llewellyn,,2012-05-04,03/10/2026 21:15,,,,Y,", None),
    ("T-1,Cerys,Llewellyn,,2012-05-04,03/10/2026 21:15,03/10/2026 21:14,,,,",
     RowProblem.FOUND_BEFORE_LAST_SEEN),
    ("T-1,Cerys,Llewellyn,,2012-05-04,03/10/2026 21:15,2026-10-03T20:15:00Z,,,,", None),
])
def test_row_checks(row: str, code: RowProblem | None) -> None:
    assert problem(row) == code


def test_values_are_read_trimmed_and_choices_lower_cased() -> None:
    row = only(csv_bytes(" T-1 , Cerys ,Llewellyn,, 2012-05-04 , 03/10/2026 21:15 ,,Medium,"
                         "Care,YES, Bus station "))
    assert (row.police_reference, row.first_name, row.police_risk, row.missing_from,
            row.looked_after, row.where_found) == ("T-1", "Cerys", "medium", "care", True,
                                                   "Bus station")


@pytest.mark.parametrize("text", ['=HYPERLINK("http://example.com","map")', "+44 7700 900999",
                                  "-1", "@home", "\tTab first"])
def test_formula_text_is_kept_exactly_and_reads_nothing_else(text: str) -> None:
    quoted = '"' + text.replace('"', '""') + '"'
    row = only(csv_bytes(f"T-1,Cerys,Llewellyn,,2012-05-04,03/10/2026 21:15,,,,,{quoted}"))
    assert row.where_found == text


# -- the file ----------------------------------------------------------------------------

def test_bom_crlf_quoted_line_breaks_and_record_numbers() -> None:
    data = csv_bytes(
        GOOD,
        ",,,,,,,,,,",                      # all empty: skipped, keeps number 2
        'T-2,Siân,"Ap\r\nRhys",,2012-05-04,03/10/2026 21:15,,,,,',  # one record, two lines
        "T-3,Ann,Lee,,bad,03/10/2026 21:15,,,,,",
        newline="\r\n", bom=True)
    records = read(data)
    assert [r.number for r in records] == [1, 3, 4]
    assert records[1].notification is not None
    assert records[1].notification.last_name == "Ap\r\nRhys"
    assert records[2].problem is RowProblem.BAD_DATE


def test_header_names_any_case_any_order_unknown_columns_ignored() -> None:
    data = csv_bytes("03/10/2026 21:15,x,2012-05-04,Llewellyn,Cerys,T-1,extra,cells",
                     header=" LAST_SEEN ,Notes,Date_Of_Birth,last_name,FIRST_NAME,police_reference")
    row = only(data)
    assert (row.police_reference, row.first_name, row.date_of_birth) == (
        "T-1", "Cerys", date(2012, 5, 4))


def test_missing_trailing_cells_are_empty() -> None:
    row = only(csv_bytes("T-1,Cerys,Llewellyn,,2012-05-04,03/10/2026 21:15"))
    assert row.found is None and row.police_risk is None


@pytest.mark.parametrize(("data", "code"), [
    (b"", "missing_columns"),
    (b"police_reference,first_name\nT-1,Ann\n", "missing_columns"),
    (csv_bytes(GOOD, header=HEADER + ",First_Name"), "duplicate_columns"),
    (csv_bytes(GOOD).replace(b"Cerys", "Cérys".encode("latin-1")), "bad_encoding"),
    ("police_reference\n".encode("utf-16"), "bad_encoding"),
    (csv_bytes(GOOD).replace(b"Cerys", b"Ce\x00rys"), "not_csv"),
    (csv_bytes('T-1,Cerys,"Llewellyn,,2012-05-04,03/10/2026 21:15,,,,,', GOOD), "not_csv"),
    (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "not_csv"),  # a spreadsheet
    (b'{"police_reference": "T-1"}\n', "missing_columns"),              # JSON named .csv
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "bad_encoding"),            # a PDF
    (b"<!DOCTYPE html><html><body>Sign in</body></html>\n", "missing_columns"),
])
def test_files_that_cannot_be_used(data: bytes, code: str) -> None:
    with pytest.raises(FileError) as caught:
        read(data)
    assert caught.value.code == code


def test_a_file_of_only_a_header_has_no_rows() -> None:
    assert read(csv_bytes()) == []


# -- two rows of one file ----------------------------------------------------------------

def test_rows_conflict_only_when_both_give_different_values() -> None:
    first = only(csv_bytes("T-1,Cerys,Llewellyn,,2012-05-04,03/10/2026 21:15,,medium,,,"))
    same = only(csv_bytes("t-1 ,Cerys,Llewellyn,,04/05/2012,2026-10-03T20:15:00Z,,Medium,,,"))
    adds = only(csv_bytes("T-1,Cerys,Llewellyn,,2012-05-04,,,,,,")
                .replace(b",,,,,,\n", b",03/10/2026 21:15,04/10/2026 09:00,,,,\n"))
    other = only(csv_bytes("T-1,Cerys,Llewellyn,,2012-05-04,03/10/2026 21:15,,high,,,"))
    renamed = only(csv_bytes("T-1,cerys,Llewellyn,,2012-05-04,03/10/2026 21:15,,,,,"))
    assert same.key == first.key == "T-1"
    assert not same.conflicts_with(first)
    assert not adds.conflicts_with(first)
    assert adds.merged_into(first).found == datetime(2026, 10, 4, 8, 0, tzinfo=UTC)
    assert adds.merged_into(first).police_risk == "medium"
    assert other.conflicts_with(first)
    assert renamed.conflicts_with(first)   # text compared exactly


def test_values_survive_json_for_the_to_confirm_list() -> None:
    row = only(csv_bytes("T-1,Łucja,Wiśniewska,Łucja,2012-05-04,26/10/2025 01:30,,low,care,y,"))
    assert Notification.from_json(row.to_json()) == row
