"""requests for help routed to one team's duty managers

Revision ID: a81d3e6f52c9
Revises: f7a2c5d18e40
Create Date: 2026-11-30 08:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'a81d3e6f52c9'
down_revision = 'f7a2c5d18e40'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.add_column(sa.Column('team_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_referral_team_id'), ['team_id'], unique=False)
        batch_op.create_foreign_key('fk_referral_team_id_team', 'team', ['team_id'], ['id'])


def downgrade():
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_constraint('fk_referral_team_id_team', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_referral_team_id'))
        batch_op.drop_column('team_id')
