"""offers, outcomes and trigger plans

Revision ID: c4e7a2d913f0
Revises: b91cc45c8ca5
Create Date: 2026-11-23 10:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'c4e7a2d913f0'
down_revision = 'b91cc45c8ca5'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('rhi_offer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('episode_id', sa.Integer(), nullable=False),
    sa.Column('independent_person', sa.String(length=10), nullable=True),
    sa.Column('independent_chosen_at', sa.DateTime(), nullable=True),
    sa.Column('independent_request_sent_at', sa.DateTime(), nullable=True),
    sa.Column('consent_parent_or_carer', sa.String(length=20), nullable=True),
    sa.Column('consent_child', sa.String(length=20), nullable=True),
    sa.Column('consent_recorded_at', sa.DateTime(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['episode_id'], ['episode.id'], ),
    sa.ForeignKeyConstraint(['updated_by_id'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('rhi_offer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rhi_offer_episode_id'), ['episode_id'], unique=True)

    op.create_table('offer_attempt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('episode_id', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.Column('attempted_at', sa.DateTime(), nullable=False),
    sa.Column('outcome', sa.String(length=30), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['episode_id'], ['episode.id'], ),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('offer_attempt', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_offer_attempt_episode_id'),
                              ['episode_id'], unique=False)

    op.create_table('rhi_refusal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('episode_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=30), nullable=False),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.Column('refused_at', sa.DateTime(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['episode_id'], ['episode.id'], ),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('rhi_refusal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rhi_refusal_episode_id'), ['episode_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rhi_refusal_reason'), ['reason'], unique=False)

    op.create_table('episode_outcome',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('episode_id', sa.Integer(), nullable=False),
    sa.Column('codes_json', sa.Text(), nullable=False),
    sa.Column('other_detail', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('authorised_by_id', sa.Integer(), nullable=True),
    sa.Column('authorised_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['authorised_by_id'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['episode_id'], ['episode.id'], ),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('episode_outcome', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_episode_outcome_episode_id'),
                              ['episode_id'], unique=True)

    op.create_table('trigger_plan_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('episode_id', sa.Integer(), nullable=True),
    sa.Column('background', sa.Text(), nullable=True),
    sa.Column('approach', sa.Text(), nullable=True),
    sa.Column('carers_before_police', sa.Text(), nullable=True),
    sa.Column('police_actions', sa.Text(), nullable=True),
    sa.Column('frequented_places', sa.Text(), nullable=True),
    sa.Column('lines_of_enquiry', sa.Text(), nullable=True),
    sa.Column('known_associates', sa.Text(), nullable=True),
    sa.Column('vehicles', sa.Text(), nullable=True),
    sa.Column('addresses', sa.Text(), nullable=True),
    sa.Column('family_members', sa.Text(), nullable=True),
    sa.Column('professionals', sa.Text(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['episode_id'], ['episode.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('child_id', 'version')
    )
    with op.batch_alter_table('trigger_plan_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trigger_plan_version_child_id'),
                              ['child_id'], unique=False)


def downgrade():
    with op.batch_alter_table('trigger_plan_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trigger_plan_version_child_id'))
    op.drop_table('trigger_plan_version')
    with op.batch_alter_table('episode_outcome', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_episode_outcome_episode_id'))
    op.drop_table('episode_outcome')
    with op.batch_alter_table('rhi_refusal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rhi_refusal_reason'))
        batch_op.drop_index(batch_op.f('ix_rhi_refusal_episode_id'))
    op.drop_table('rhi_refusal')
    with op.batch_alter_table('offer_attempt', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_offer_attempt_episode_id'))
    op.drop_table('offer_attempt')
    with op.batch_alter_table('rhi_offer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rhi_offer_episode_id'))
    op.drop_table('rhi_offer')
