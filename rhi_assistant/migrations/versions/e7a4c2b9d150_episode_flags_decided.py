"""the episode concern flags a person decided on (the rest follow the record)

Revision ID: e7a4c2b9d150
Revises: e9a4c7d2b5f1
Create Date: 2026-12-07 13:15:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'e7a4c2b9d150'
down_revision = 'e9a4c7d2b5f1'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('episode', schema=None) as batch_op:
        batch_op.add_column(sa.Column('flags_decided', sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table('episode', schema=None) as batch_op:
        batch_op.drop_column('flags_decided')
