"""answers keep the engine's reading of their notes; summaries are stored as the typed record

Revision ID: d5b8e1f04a27
Revises: d2b7e4c81a35
Create Date: 2026-12-07 10:00:00.000000

Answers saved before this have no reading: the app reads their notes once, the
first time the reading is wanted, and keeps it (services.readings.reading_of).
Running the NLP engine here would tie this migration to the engine's code of today.

Summaries were stored as a loose snapshot; they are rewritten here into the form of
`SummaryData.to_dict()`, with the words they were printed with at the time.
"""
import json

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'd5b8e1f04a27'
down_revision = 'd2b7e4c81a35'
branch_labels = None
depends_on = None

# As the PDF printed them when this migration was written.
CATEGORY_LABELS = {
    1: "Category 1: not at risk",
    2: "Category 2: mild",
    3: "Category 3: moderate",
    4: "Category 4: significant",
}
HANDLING_NOTE = "Partners do not grade intelligence: the receiving officer grades it."

summary = sa.table('summary', sa.column('id', sa.Integer), sa.column('content', sa.Text))


def upgrade():
    # `reading` holds AES-GCM ciphertext of JSON (rhi_assistant.crypto.EncryptedJSON), so Text.
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reading', sa.Text(), nullable=True))
    _rewrite_summaries(to_record)


def downgrade():
    _rewrite_summaries(to_snapshot)
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.drop_column('reading')


def _rewrite_summaries(change):
    """Each stored summary's content (encrypted JSON) rewritten by `change`."""
    conn = op.get_bind()
    rows = conn.execute(sa.select(summary.c.id, summary.c.content)).all()
    if not rows:
        return
    # The data key is needed only when there is something to rewrite.
    from rhi_assistant.crypto import decrypt, encrypt

    for row_id, content in rows:
        data = change(json.loads(decrypt(content)))
        conn.execute(summary.update().where(summary.c.id == row_id)
                     .values(content=encrypt(json.dumps(data))))


def _factor_line(item):
    if not isinstance(item, dict):
        return item
    if item.get("evidence"):
        return f"{item['label']}: \u201c{item['evidence']}\u201d"
    return item["label"]


def to_record(old):
    """A snapshot as it was stored before, in the form `SummaryData.from_dict` reads."""
    new = dict(old)
    new["push_factors"] = [_factor_line(i) for i in old.get("push_factors", [])]
    new["pull_factors"] = [_factor_line(i) for i in old.get("pull_factors", [])]
    episode = old["episode"]
    new["episode"] = {**episode, "placement": episode.get("placement") or None,
                      "missing_from": episode.get("missing_from") or "",
                      "police_risk": episode.get("police_risk") or ""}
    seraf = old.get("seraf")
    if seraf and "category_label" not in seraf:
        new["seraf"] = {
            "total": seraf["total"],
            "category_label": CATEGORY_LABELS.get(seraf.get("category"), "Not assessed"),
            "category": seraf.get("category"),
            "overridden": seraf.get("overridden", False),
            "override_reason": seraf.get("override_reason"),
            "computed_category_label": None,
        }
    new.setdefault("suggested_grading", None)
    new.setdefault("handling_note", HANDLING_NOTE)
    return new


def to_snapshot(record):
    """Back to the loose snapshot (a factor keeps its whole line as its label)."""
    old = dict(record)
    for key in ("push_factors", "pull_factors"):
        old[key] = [i if isinstance(i, dict) else
                    {"indicator": "", "label": i, "concerns": [], "window": "recent",
                     "evidence": "", "note": None}
                    for i in record.get(key, [])]
    seraf = record.get("seraf")
    if seraf:
        old["seraf"] = {"total": seraf["total"], "category": seraf.get("category"),
                        "overridden": seraf.get("overridden", False),
                        "override_reason": seraf.get("override_reason"), "signed_off": True}
    return old
