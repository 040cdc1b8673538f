"""kept words: free text posted just after an idle sign-out, kept for the same user

Revision ID: c8e4f1a2b7d9
Revises: b5d1c9e2a7f4
Create Date: 2026-12-07 11:20:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'c8e4f1a2b7d9'
down_revision = 'b5d1c9e2a7f4'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'kept_draft',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('path', sa.String(length=500), nullable=False),
        sa.Column('fields', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['user_account.id'],
                                name=op.f('fk_kept_draft_user_id_user_account'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_kept_draft')),
    )
    with op.batch_alter_table('kept_draft', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kept_draft_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('kept_draft', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kept_draft_user_id'))
    op.drop_table('kept_draft')
