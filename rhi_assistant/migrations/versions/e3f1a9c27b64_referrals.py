"""young people's self-referrals

Revision ID: e3f1a9c27b64
Revises: c4e7a2d913f0
Create Date: 2026-11-24 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e3f1a9c27b64'
down_revision = 'c4e7a2d913f0'
branch_labels = None
depends_on = None


def upgrade():
    # Free-text columns hold AES-GCM ciphertext (rhi_assistant.crypto.EncryptedText), so Text.
    op.create_table('referral',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('language', sa.String(length=10), nullable=False),
    sa.Column('safe_now', sa.String(length=20), nullable=False),
    sa.Column('contact_by', sa.String(length=20), nullable=False),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('what_is_happening', sa.Text(), nullable=False),
    sa.Column('contact_details', sa.Text(), nullable=True),
    sa.Column('safe_times', sa.Text(), nullable=True),
    sa.Column('anything_else', sa.Text(), nullable=True),
    sa.Column('opened_at', sa.DateTime(), nullable=True),
    sa.Column('opened_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['opened_by_id'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_received_at'), ['received_at'], unique=False)


def downgrade():
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_received_at'))
    op.drop_table('referral')
