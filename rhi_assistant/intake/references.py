"""A police reference as compared: one report, however a form writes it."""

from __future__ import annotations


def reference_key(reference: str | None) -> str | None:
    """The reference with case and spaces ignored (`sv-26 00101 ` is `SV-2600101`), so a
    report typed twice, or sent again by another system, is recognised as the same one."""
    if reference is None:
        return None
    key = "".join(reference.split()).upper()
    return key or None
