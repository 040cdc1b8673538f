"""SERAF scoring chosen per team; the interview's unused consent columns dropped

A team may name its own SERAF scoring file (else its protocol profile's applies).
Consent has one record, on the RHI offer: interview.consent_parent_or_carer and
interview.consent_child were never written, so they go.

Revision ID: d2b7e4c81a35
Revises: a81d3e6f52c9
Create Date: 2026-12-07 10:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'd2b7e4c81a35'
down_revision = 'a81d3e6f52c9'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('team', schema=None) as batch_op:
        batch_op.add_column(sa.Column('seraf_scoring', sa.String(length=60), nullable=True))
    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.drop_column('consent_parent_or_carer')
        batch_op.drop_column('consent_child')


def downgrade():
    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.add_column(sa.Column('consent_child', sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column('consent_parent_or_carer', sa.String(length=30),
                                      nullable=True))
    with op.batch_alter_table('team', schema=None) as batch_op:
        batch_op.drop_column('seraf_scoring')
