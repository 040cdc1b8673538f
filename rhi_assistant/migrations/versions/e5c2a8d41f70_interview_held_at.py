"""when an RHI was held: the first answer the child gave was saved

Revision ID: e5c2a8d41f70
Revises: d4a7c2e9f160
Create Date: 2026-12-07 13:45:00.000000

Figures counted an RHI as held when Start was clicked. `held_at` is set when the first
answer the child gave (words, a choice, "I don't know" or "I don't want to say"; not a
consent question, a skipped one or a draft) is saved. Earlier interviews are filled from
their answers: the earliest such answer's last save (the best the rows still tell).
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'e5c2a8d41f70'
down_revision = 'd4a7c2e9f160'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.add_column(sa.Column('held_at', sa.DateTime(), nullable=True))
    op.execute(sa.text(
        "UPDATE interview SET held_at = (SELECT MIN(answer.updated_at) FROM answer "
        "WHERE answer.interview_id = interview.id AND answer.is_draft = :no "
        "AND answer.page_id NOT IN ('consent_parent_or_carer', 'consent_child') "
        "AND (answer.state IN ('dont_know', 'prefer_not_to_say') "
        "OR (answer.state = 'answered' AND (answer.text IS NOT NULL OR answer.choice IS NOT NULL)))"
        ") WHERE interview.kind = 'rhi'").bindparams(no=False))


def downgrade():
    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.drop_column('held_at')
