"""links across children: confirmed mentions, their blind index, "not the same" decisions

Revision ID: b4d7e2a9c610
Revises: e5c2a8d41f70
Create Date: 2026-12-07 13:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'b4d7e2a9c610'
down_revision = 'e5c2a8d41f70'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('link_mention',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('interview_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('text_digest', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('recorded_on', sa.Date(), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['interview_id'], ['interview.id'], ),
    sa.ForeignKeyConstraint(['decided_by_id'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('child_id', 'text_digest')
    )
    with op.batch_alter_table('link_mention', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_link_mention_child_id'), ['child_id'], unique=False)
    op.create_table('link_mention_key',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mention_id', sa.Integer(), nullable=False),
    sa.Column('digest', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['mention_id'], ['link_mention.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('link_mention_key', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_link_mention_key_mention_id'), ['mention_id'],
                              unique=False)
        batch_op.create_index('ix_link_mention_key_digest_mention', ['digest', 'mention_id'],
                              unique=False)
    op.create_table('link_not_same',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('first_id', sa.Integer(), nullable=False),
    sa.Column('second_id', sa.Integer(), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['first_id'], ['link_mention.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['second_id'], ['link_mention.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['decided_by_id'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('first_id', 'second_id')
    )
    with op.batch_alter_table('link_not_same', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_link_not_same_first_id'), ['first_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_link_not_same_second_id'), ['second_id'],
                              unique=False)


def downgrade():
    op.drop_table('link_not_same')
    op.drop_table('link_mention_key')
    op.drop_table('link_mention')
