"""One way to add an error to a form field after validation, for every feature's routes."""

from __future__ import annotations

from wtforms import Field


def add_error(field: Field, message: str) -> None:
    """Show `message` on `field` as if its validators had said it.

    WTForms types `errors` as a read-only sequence (it is a tuple until validation has
    run), so the list is replaced rather than appended to.
    """
    field.errors = [*field.errors, message]
