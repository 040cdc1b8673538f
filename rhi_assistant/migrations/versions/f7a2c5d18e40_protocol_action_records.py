"""protocol actions recorded as done (or undone)

Revision ID: f7a2c5d18e40
Revises: e3f1a9c27b64
Create Date: 2026-11-25 10:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'f7a2c5d18e40'
down_revision = 'e3f1a9c27b64'
branch_labels = None
depends_on = None


def upgrade():
    # `note` holds AES-GCM ciphertext (rhi_assistant.crypto.EncryptedText), so Text.
    op.create_table('protocol_action_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('episode_id', sa.Integer(), nullable=False),
    sa.Column('action_code', sa.String(length=60), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('done_at', sa.DateTime(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['episode_id'], ['episode.id'], ),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('protocol_action_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_protocol_action_record_episode_id'),
                              ['episode_id'], unique=False)


def downgrade():
    with op.batch_alter_table('protocol_action_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_protocol_action_record_episode_id'))
    op.drop_table('protocol_action_record')
