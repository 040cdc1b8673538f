"""Reading a police force's missing-person notification file (a CSV export).

The contract is shared/spec/police-notifications.md. This module only reads: it turns the
bytes of a file into numbered rows, each either checked values or the reason it is refused,
and says when two rows of one file about the same report conflict. What a row then does to
a team's children and episodes is services/intake.py's work. Nothing here asks the time:
a result never depends on the day the import runs.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from enum import StrEnum

from rhi_assistant.intake.references import reference_key
from rhi_assistant.protocol.timeutil import zone

REQUIRED = ("police_reference", "first_name", "last_name", "date_of_birth", "last_seen")
OPTIONAL = ("preferred_name", "gender", "reported_missing", "found", "missing_from",
            "police_risk", "looked_after", "placement_area", "home_authority", "where_found")
COLUMNS = REQUIRED + OPTIONAL
POLICE_RISKS = ("high", "medium", "low", "no_apparent_risk")
MISSING_FROM = ("home", "care", "education")
LOOKED_AFTER = {"yes": True, "y": True, "no": False, "n": False}
#: Only spaces are trimmed: a value beginning with a tab or carriage return is text the
#: contract keeps exactly as given (and exports neutralise).
_TRIM = " "


class FileProblem(StrEnum):
    """Why a whole file cannot be used (exit status 2, nothing saved)."""

    UNREADABLE = "unreadable"
    BAD_ENCODING = "bad_encoding"
    NOT_CSV = "not_csv"
    MISSING_COLUMNS = "missing_columns"
    DUPLICATE_COLUMNS = "duplicate_columns"


class RowProblem(StrEnum):
    """Why one row is refused, in the order the checks run (the first that fails wins)."""

    MISSING_FIELD = "missing_field"
    BAD_DATE = "bad_date"
    BAD_DATETIME = "bad_datetime"
    UNKNOWN_POLICE_RISK = "unknown_police_risk"
    UNKNOWN_MISSING_FROM = "unknown_missing_from"
    UNKNOWN_LOOKED_AFTER = "unknown_looked_after"
    NOT_A_CHILD = "not_a_child"
    FOUND_BEFORE_LAST_SEEN = "found_before_last_seen"
    DUPLICATE_IN_FILE = "duplicate_in_file"


class FileError(Exception):
    """The file itself cannot be used."""

    def __init__(self, code: FileProblem, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Notification:
    """One checked row: the values a row gives (None where its cell was empty)."""

    police_reference: str
    first_name: str
    last_name: str
    date_of_birth: date
    last_seen: datetime
    preferred_name: str | None = None
    gender: str | None = None
    reported_missing: datetime | None = None
    found: datetime | None = None
    missing_from: str | None = None
    police_risk: str | None = None
    looked_after: bool | None = None
    placement_area: str | None = None
    home_authority: str | None = None
    where_found: str | None = None

    @property
    def key(self) -> str:
        """The reference as compared: case and spaces ignored."""
        return reference_key(self.police_reference) or ""

    def conflicts_with(self, earlier: Notification) -> bool:
        """Both rows give a value for some column and the values differ (times as instants,
        choices already lower-cased, text exactly)."""
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(earlier, f.name)
            if f.name == "police_reference":
                continue  # same report by construction; only the writing may differ
            if mine is not None and theirs is not None and mine != theirs:
                return True
        return False

    def merged_into(self, earlier: Notification) -> Notification:
        """`earlier` with the values it left empty taken from this row."""
        added = {f.name: getattr(self, f.name) for f in fields(self)
                 if getattr(earlier, f.name) is None and getattr(self, f.name) is not None}
        return replace(earlier, **added) if added else earlier

    def to_json(self) -> dict[str, str | bool | None]:
        """The values as JSON (dates ISO, times UTC ISO), for a waiting to-confirm entry."""
        out: dict[str, str | bool | None] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, datetime):
                out[f.name] = value.astimezone(UTC).isoformat().replace("+00:00", "Z")
            elif isinstance(value, date):
                out[f.name] = value.isoformat()
            else:
                out[f.name] = value
        return out

    @classmethod
    def from_json(cls, data: dict) -> Notification:
        """Back from `to_json`."""
        values: dict = {}
        for f in fields(cls):
            value = data.get(f.name)
            if value is not None and f.name == "date_of_birth":
                value = date.fromisoformat(value)
            elif value is not None and f.name in ("last_seen", "reported_missing", "found"):
                value = datetime.fromisoformat(value.replace("Z", "+00:00"))
            values[f.name] = value
        return cls(**values)


@dataclass(frozen=True)
class Record:
    """One CSV record after the header: its number, and its checked values or its problem."""

    number: int
    notification: Notification | None = None
    problem: RowProblem | None = None
    cells: dict[str, str] = field(default_factory=dict)


# -- reading the file ------------------------------------------------------------------


def decode(data: bytes) -> str:
    """UTF-8 with or without a byte-order mark; NUL bytes mean it is not a text file."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileError(FileProblem.BAD_ENCODING,
                        f"the file is not UTF-8 text (byte {exc.start + 1} cannot be read); "
                        "save it as 'CSV UTF-8'") from exc
    if "\x00" in text:
        raise FileError(FileProblem.NOT_CSV, "the file holds NUL bytes: it is not a CSV file")
    return text


def _records(text: str) -> Iterator[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        yield from reader
    except csv.Error as exc:
        raise FileError(FileProblem.NOT_CSV,
                        f"record {max(reader.line_num - 1, 1)} cannot be read as CSV ({exc}); "
                        "a quote may be left open") from exc


def header_columns(header: list[str]) -> dict[str, int]:
    """Known column -> its position, names matched ignoring case and surrounding spaces."""
    positions: dict[str, int] = {}
    for index, name in enumerate(header):
        column = name.strip().casefold()
        if column not in COLUMNS:
            continue
        if column in positions:
            raise FileError(FileProblem.DUPLICATE_COLUMNS, f"the column {column} is named twice")
        positions[column] = index
    missing = [c for c in REQUIRED if c not in positions]
    if missing:
        raise FileError(FileProblem.MISSING_COLUMNS,
                        "the header row lacks the column(s) " + ", ".join(missing))
    return positions


def read(data: bytes, local: tzinfo | None = None) -> list[Record]:
    """Every record of a notification file, checked on its own (not yet against the others).

    Raises FileError when the file cannot be used. All-empty records are left out but keep
    their numbers. `local` is the wall clock of UK-style times (Europe/London)."""
    records = _records(decode(data))
    try:
        header = next(records)
    except StopIteration:
        raise FileError(FileProblem.MISSING_COLUMNS, "the file is empty: no header row") from None
    positions = header_columns(header)
    out: list[Record] = []
    rows = list(records)  # read it all first: a quote left open anywhere refuses the file
    for number, record in enumerate(rows, start=1):
        trimmed = [cell.strip(_TRIM) for cell in record]
        if not any(trimmed):
            continue
        cells = {column: (trimmed[i] if i < len(trimmed) else "")
                 for column, i in positions.items()}
        notification, problem = check(cells, local)
        out.append(Record(number, notification, problem, cells))
    return out


# -- values ----------------------------------------------------------------------------

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_UK_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ISO_DATETIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?"
    r"\s*(?:([Zz])|([+-])(\d{2}):?(\d{2}))")
_UK_DATETIME = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}) +(\d{1,2}):(\d{2})(?::(\d{2}))?")


def parse_date(text: str) -> date | None:
    """`yyyy-mm-dd` or UK `dd/mm/yyyy`; None when it is neither or the day does not exist."""
    try:
        if m := _ISO_DATE.fullmatch(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _UK_DATE.fullmatch(text):
            return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None
    return None


def parse_datetime(text: str, local: tzinfo | None = None) -> datetime | None:
    """ISO 8601 with an offset, or UK local `dd/mm/yyyy HH:MM[:SS]` on the `local` wall clock
    (Europe/London). A local time skipped by the clocks going forward is None; one that
    happens twice is the first (summer time). Returns an aware UTC datetime."""
    try:
        if m := _ISO_DATETIME.fullmatch(text):
            fraction = int((m[7] or "0").ljust(6, "0"))
            if m[8]:
                offset = UTC
            else:
                minutes = int(m[10]) * 60 + int(m[11])
                if minutes >= 24 * 60:
                    return None
                offset = timezone(timedelta(minutes=-minutes if m[9] == "-" else minutes))
            moment = datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]),
                              int(m[6] or 0), fraction, tzinfo=offset)
            return moment.astimezone(UTC)
        if m := _UK_DATETIME.fullmatch(text):
            wall = local or zone()
            naive = datetime(int(m[3]), int(m[2]), int(m[1]), int(m[4]), int(m[5]),
                             int(m[6] or 0))
            moment = naive.replace(tzinfo=wall, fold=0)
            instant = moment.astimezone(UTC)
            if instant.astimezone(wall).replace(tzinfo=None) != naive:
                return None  # the clocks went forward over this time: it never happened
            return instant
    except (ValueError, OverflowError):
        return None
    return None


def eighteenth_birthday(born: date) -> date:
    """A child born on 29 February turns 18 on 1 March in a year without one."""
    try:
        return born.replace(year=born.year + 18)
    except ValueError:
        return date(born.year + 18, 3, 1)


def is_child_on(born: date, day: date) -> bool:
    """Born by `day` and not yet 18 on it."""
    return born <= day < eighteenth_birthday(born)


def _choice(text: str, allowed: tuple[str, ...], *, risk: bool = False) -> str | None:
    value = text.casefold()
    if risk:
        value = value.replace(" ", "_").replace("-", "_")
    return value if value in allowed else None


def check(cells: dict[str, str], local: tzinfo | None = None,
          ) -> tuple[Notification | None, RowProblem | None]:
    """A row's values, or the first check it fails (the contract's order)."""
    def cell(name: str) -> str:
        return cells.get(name, "")

    if any(not cell(name) for name in REQUIRED):
        return None, RowProblem.MISSING_FIELD
    born = parse_date(cell("date_of_birth"))
    if born is None:
        return None, RowProblem.BAD_DATE
    times: dict[str, datetime | None] = {}
    for name in ("last_seen", "reported_missing", "found"):
        times[name] = parse_datetime(cell(name), local) if cell(name) else None
        if cell(name) and times[name] is None:
            return None, RowProblem.BAD_DATETIME
    risk = _choice(cell("police_risk"), POLICE_RISKS, risk=True)
    if cell("police_risk") and risk is None:
        return None, RowProblem.UNKNOWN_POLICE_RISK
    missing_from = _choice(cell("missing_from"), MISSING_FROM)
    if cell("missing_from") and missing_from is None:
        return None, RowProblem.UNKNOWN_MISSING_FROM
    looked_after = LOOKED_AFTER.get(cell("looked_after").casefold())
    if cell("looked_after") and looked_after is None:
        return None, RowProblem.UNKNOWN_LOOKED_AFTER
    last_seen = times["last_seen"]
    assert last_seen is not None
    if not is_child_on(born, last_seen.astimezone(local or zone()).date()):
        return None, RowProblem.NOT_A_CHILD
    if times["found"] is not None and times["found"] < last_seen:
        return None, RowProblem.FOUND_BEFORE_LAST_SEEN
    return Notification(
        police_reference=cell("police_reference"),
        first_name=cell("first_name"),
        last_name=cell("last_name"),
        date_of_birth=born,
        last_seen=last_seen,
        preferred_name=cell("preferred_name") or None,
        gender=cell("gender") or None,
        reported_missing=times["reported_missing"],
        found=times["found"],
        missing_from=missing_from,
        police_risk=risk,
        looked_after=looked_after,
        placement_area=cell("placement_area") or None,
        home_authority=cell("home_authority") or None,
        where_found=cell("where_found") or None,
    ), None
