"""Police notification intake: episode fields the notifications carry, the to-confirm list

An episode may now leave police_risk and missing_from unset (a notification may not give
them); it records looked_after and home_authority as notified, the police reference as
compared (case and spaces ignored) and the child's details as the police gave them.
intake_pending holds the notifications waiting for a person to link or create the child.

Revision ID: a6c3f0d94b17
Revises: 9c3e5a7b2d14
Create Date: 2026-12-07 10:30:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'a6c3f0d94b17'
down_revision = '9c3e5a7b2d14'
branch_labels = None
depends_on = None


def _key(reference):
    """Kept here, not imported, so the migration stays as it was written."""
    if reference is None:
        return None
    return "".join(reference.split()).upper() or None


def upgrade():
    with op.batch_alter_table('episode', schema=None) as batch_op:
        batch_op.alter_column('police_risk', existing_type=sa.String(length=30), nullable=True)
        batch_op.alter_column('missing_from', existing_type=sa.String(length=30), nullable=True)
        batch_op.add_column(sa.Column('looked_after', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('home_authority', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('police_reference_key', sa.String(length=60),
                                      nullable=True))
        batch_op.add_column(sa.Column('police_details', sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f('ix_episode_police_reference_key'),
                              ['police_reference_key'], unique=False)
    bind = op.get_bind()
    episode = sa.table('episode', sa.column('id', sa.Integer),
                       sa.column('police_reference', sa.String),
                       sa.column('police_reference_key', sa.String))
    rows = bind.execute(sa.select(episode.c.id, episode.c.police_reference)
                        .where(episode.c.police_reference.is_not(None))).all()
    for row in rows:
        bind.execute(episode.update().where(episode.c.id == row.id)
                     .values(police_reference_key=_key(row.police_reference)))
    op.create_table(
        'intake_pending',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('team_id', sa.Integer(), nullable=False),
        sa.Column('police_reference', sa.String(length=60), nullable=False),
        sa.Column('reference_key', sa.String(length=60), nullable=False),
        sa.Column('date_of_birth', sa.Date(), nullable=False),
        sa.Column('values', sa.Text(), nullable=False),
        sa.Column('reason', sa.String(length=40), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['team_id'], ['team.id'], ),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('team_id', 'reference_key'),
    )
    with op.batch_alter_table('intake_pending', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_intake_pending_team_id'), ['team_id'], unique=False)


def downgrade():
    with op.batch_alter_table('intake_pending', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_intake_pending_team_id'))
    op.drop_table('intake_pending')
    episode = sa.table('episode', sa.column('police_risk', sa.String),
                       sa.column('missing_from', sa.String))
    op.execute(episode.update().where(episode.c.police_risk.is_(None))
               .values(police_risk='medium'))
    op.execute(episode.update().where(episode.c.missing_from.is_(None))
               .values(missing_from='home'))
    with op.batch_alter_table('episode', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_episode_police_reference_key'))
        batch_op.drop_column('police_details')
        batch_op.drop_column('police_reference_key')
        batch_op.drop_column('home_authority')
        batch_op.drop_column('looked_after')
        batch_op.alter_column('missing_from', existing_type=sa.String(length=30), nullable=False)
        batch_op.alter_column('police_risk', existing_type=sa.String(length=30), nullable=False)
