"""record children, episodes and their return, shares with a reason, request outcomes

Revision ID: b5d1c9e2a7f4
Revises: a6c3f0d94b17
Create Date: 2026-12-07 10:40:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'b5d1c9e2a7f4'
down_revision = 'a6c3f0d94b17'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.add_column(sa.Column('school', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('home_authority', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('host_authority', sa.String(length=120), nullable=True))
    with op.batch_alter_table('episode', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reported_by', sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column('reported_by_detail', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('found_by', sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column('return_detail', sa.Text(), nullable=True))
    with op.batch_alter_table('case_share', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('shared_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('revoked_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('revoked_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_case_share_shared_by_id_user_account', 'user_account',
                                    ['shared_by_id'], ['id'])
        batch_op.create_foreign_key('fk_case_share_revoked_by_id_user_account', 'user_account',
                                    ['revoked_by_id'], ['id'])
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.add_column(sa.Column('child_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('outcome', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('outcome_note', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('outcome_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('outcome_by_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_referral_child_id'), ['child_id'], unique=False)
        batch_op.create_foreign_key('fk_referral_child_id_child', 'child', ['child_id'], ['id'])
        batch_op.create_foreign_key('fk_referral_outcome_by_id_user_account', 'user_account',
                                    ['outcome_by_id'], ['id'])


def downgrade():
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_constraint('fk_referral_outcome_by_id_user_account', type_='foreignkey')
        batch_op.drop_constraint('fk_referral_child_id_child', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_referral_child_id'))
        for column in ('outcome_by_id', 'outcome_at', 'outcome_note', 'outcome', 'child_id'):
            batch_op.drop_column(column)
    with op.batch_alter_table('case_share', schema=None) as batch_op:
        batch_op.drop_constraint('fk_case_share_revoked_by_id_user_account', type_='foreignkey')
        batch_op.drop_constraint('fk_case_share_shared_by_id_user_account', type_='foreignkey')
        for column in ('revoked_by_id', 'revoked_at', 'shared_by_id', 'reason'):
            batch_op.drop_column(column)
    with op.batch_alter_table('episode', schema=None) as batch_op:
        for column in ('return_detail', 'found_by', 'reported_by_detail', 'reported_by'):
            batch_op.drop_column(column)
    with op.batch_alter_table('child', schema=None) as batch_op:
        for column in ('host_authority', 'home_authority', 'school'):
            batch_op.drop_column(column)
