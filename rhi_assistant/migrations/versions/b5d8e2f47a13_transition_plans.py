"""handover plans for young people turning 18

Revision ID: b5d8e2f47a13
Revises: d5b8e1f04a27
Create Date: 2026-12-07 10:30:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'b5d8e2f47a13'
down_revision = 'd5b8e1f04a27'
branch_labels = None
depends_on = None


def upgrade():
    # `young_person_wishes` and `plan` hold AES-GCM ciphertext (crypto.EncryptedText), so Text.
    op.create_table('transition_plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('route', sa.String(length=30), nullable=False),
    sa.Column('young_person_wishes', sa.Text(), nullable=True),
    sa.Column('plan', sa.Text(), nullable=True),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('transition_plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transition_plan_child_id'), ['child_id'],
                              unique=False)


def downgrade():
    with op.batch_alter_table('transition_plan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transition_plan_child_id'))
    op.drop_table('transition_plan')
