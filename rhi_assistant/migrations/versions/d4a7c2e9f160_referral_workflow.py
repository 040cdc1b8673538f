"""requests for help: assigned to a worker, with notes while they are followed up;
an interview remembers the page its break was taken on

Revision ID: d4a7c2e9f160
Revises: f3b8d6a1c274
Create Date: 2026-12-07 13:15:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'd4a7c2e9f160'
down_revision = 'f3b8d6a1c274'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.add_column(sa.Column('break_page_id', sa.String(length=80), nullable=True))
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.add_column(sa.Column('assigned_to_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('assigned_at', sa.DateTime(), nullable=True))
        batch_op.create_foreign_key('fk_referral_assigned_to_id_user_account', 'user_account',
                                    ['assigned_to_id'], ['id'])
    op.create_table('referral_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('referral_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('written_at', sa.DateTime(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['referral_id'], ['referral.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('referral_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_note_referral_id'), ['referral_id'],
                              unique=False)


def downgrade():
    with op.batch_alter_table('referral_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_note_referral_id'))
    op.drop_table('referral_note')
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_constraint('fk_referral_assigned_to_id_user_account', type_='foreignkey')
        batch_op.drop_column('assigned_at')
        batch_op.drop_column('assigned_to_id')
    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.drop_column('break_page_id')
