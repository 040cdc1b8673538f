"""a real caseload: kept deadlines of found episodes, a blind index of names, episode indexes

Revision ID: 9c3e5a7b2d14
Revises: b5d8e2f47a13
Create Date: 2026-12-07 10:40:00.000000

Both new tables are caches the app fills itself (episode_due from the protocol engine,
child_name_token from the names with the data key), so upgrading needs no data step.
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '9c3e5a7b2d14'
down_revision = 'b5d8e2f47a13'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('episode_due',
    sa.Column('episode_id', sa.Integer(), nullable=False),
    sa.Column('profile', sa.String(length=120), nullable=False),
    sa.Column('assessed', sa.Boolean(), nullable=False),
    sa.Column('rhi_required', sa.Boolean(), nullable=False),
    sa.Column('rhi_state', sa.String(length=20), nullable=False),
    sa.Column('rhi_due_at', sa.DateTime(), nullable=True),
    sa.Column('safe_and_well_due_at', sa.DateTime(), nullable=True),
    sa.Column('next_due_at', sa.DateTime(), nullable=True),
    sa.Column('computed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['episode_id'], ['episode.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('episode_id')
    )
    with op.batch_alter_table('episode_due', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_episode_due_next_due_at'), ['next_due_at'],
                              unique=False)
    op.create_table('child_name_token',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('digest', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('child_name_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_child_name_token_child_id'), ['child_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_child_name_token_digest'), ['digest'],
                              unique=False)
    with op.batch_alter_table('episode', schema=None) as batch_op:
        batch_op.create_index('ix_episode_found', ['found'], unique=False)
        batch_op.create_index('ix_episode_last_seen', ['last_seen'], unique=False)


def downgrade():
    with op.batch_alter_table('episode', schema=None) as batch_op:
        batch_op.drop_index('ix_episode_last_seen')
        batch_op.drop_index('ix_episode_found')
    with op.batch_alter_table('child_name_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_child_name_token_digest'))
        batch_op.drop_index(batch_op.f('ix_child_name_token_child_id'))
    op.drop_table('child_name_token')
    with op.batch_alter_table('episode_due', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_episode_due_next_due_at'))
    op.drop_table('episode_due')
