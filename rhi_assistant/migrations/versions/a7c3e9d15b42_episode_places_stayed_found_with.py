"""episode: places stayed or taken to, and who the child was with when found

Revision ID: a7c3e9d15b42
Revises: c8e2f5a1d937
Create Date: 2026-12-07 13:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'a7c3e9d15b42'
down_revision = 'c8e2f5a1d937'
branch_labels = None
depends_on = None


def upgrade():
    # Both hold AES-GCM ciphertext (rhi_assistant.crypto.EncryptedText), so Text.
    with op.batch_alter_table('episode', schema=None) as batch_op:
        batch_op.add_column(sa.Column('places_stayed', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('found_with', sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table('episode', schema=None) as batch_op:
        batch_op.drop_column('found_with')
        batch_op.drop_column('places_stayed')
