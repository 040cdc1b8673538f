"""encrypt the columns that identify a child or say what they were assessed for

Revision ID: e9a4c7d2b5f1
Revises: a7c3e9d15b42
Create Date: 2026-12-07 13:30:00.000000

Date of birth, gender, ethnicity, languages, areas, legal status and plans, the
concern flags, police references, indicator codes, SERAF ticks and categories,
outcome and refusal codes, and the rest listed in COLUMNS become AES-GCM ciphertext
(rhi_assistant.crypto.Encrypted*), so Text. The two lookups that need equality
get keyed blind indexes: child.date_of_birth_index (new) and the police reference
keys (episode.police_reference_key, intake_pending.reference_key), which held the
reference's compared form in clear and now hold its digest.

Each value is written as the app's types write it (dates ISO, yes/no "1"/"0",
numbers in decimals, JSON as JSON text); the downgrade reads them back and
restores the plain columns and keys.
"""
import json

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'e9a4c7d2b5f1'
down_revision = 'a7c3e9d15b42'
branch_labels = None
depends_on = None

S = sa.String
#: table -> [(column, plain type before, kind, nullable)]; kind says how the value is text.
COLUMNS = {
    'child': [
        ('date_of_birth', sa.Date(), 'date', True),
        ('gender', S(40), 'text', True),
        ('ethnicity', S(80), 'text', True),
        ('languages', S(120), 'text', True),
        ('address_area', S(120), 'text', True),
        ('looked_after', sa.Boolean(), 'bool', False),
        ('legal_status', S(80), 'text', True),
        ('care_start', sa.Date(), 'date', True),
        ('open_to_childrens_services', sa.Boolean(), 'bool', False),
        ('known_to_csc_since', sa.Date(), 'date', True),
        ('child_protection_plan', sa.Boolean(), 'bool', False),
        ('cp_plan_since', sa.Date(), 'date', True),
        ('child_in_need_plan', sa.Boolean(), 'bool', False),
        ('youth_offending_service', sa.Boolean(), 'bool', False),
        ('other_agencies', S(200), 'text', True),
        ('home_authority', S(120), 'text', True),
        ('host_authority', S(120), 'text', True),
    ],
    'episode': [
        ('police_risk', S(30), 'text', True),
        ('missing_from', S(30), 'text', True),
        ('placement_out_of_area', sa.Boolean(), 'bool', False),
        ('placement_area', S(120), 'text', True),
        ('hurt_or_harmed', sa.Boolean(), 'bool', False),
        ('exploitation_concern', sa.Boolean(), 'bool', False),
        ('criminality_or_drugs_concern', sa.Boolean(), 'bool', False),
        ('contact_with_risky_persons', sa.Boolean(), 'bool', False),
        ('offending_while_missing', sa.Boolean(), 'bool', False),
        ('trafficking_concern', sa.Boolean(), 'bool', False),
        ('police_reference', S(60), 'text', True),
        ('reported_by', S(30), 'text', True),
        ('found_by', S(30), 'text', True),
        ('looked_after', sa.Boolean(), 'bool', True),
        ('home_authority', S(120), 'text', True),
    ],
    'intake_pending': [
        ('police_reference', S(60), 'text', False),
        ('date_of_birth', sa.Date(), 'date', False),
    ],
    'suggestion': [('indicator', S(80), 'text', False)],
    'seraf_assessment': [
        ('worker_name', S(120), 'text', True),
        ('worker_agency', S(120), 'text', True),
        ('worker_contact', S(120), 'text', True),
        ('ticks', sa.JSON(), 'json', False),
        ('score_total', sa.Integer(), 'int', True),
        ('computed_category', sa.Integer(), 'int', True),
        ('override_category', sa.Integer(), 'int', True),
        ('principal_concern', S(40), 'text', True),
        ('referral_to_csc_date', sa.Date(), 'date', True),
    ],
    'transition_plan': [('route', S(30), 'text', False)],
    'answer': [('choice', S(80), 'text', True)],
    'interview': [
        ('language', S(10), 'text', False),
        ('easy_read', sa.Boolean(), 'bool', False),
    ],
    'episode_outcome': [('codes_json', sa.Text(), 'text', False)],
    'rhi_offer': [
        ('independent_person', S(10), 'text', True),
        ('consent_parent_or_carer', S(20), 'text', True),
        ('consent_child', S(20), 'text', True),
    ],
    'rhi_refusal': [('reason', S(30), 'text', False)],
    'referral': [
        ('language', S(10), 'text', False),
        ('safe_now', S(20), 'text', False),
        ('contact_by', S(20), 'text', False),
        ('outcome', S(40), 'text', True),
    ],
}
PG_TYPES = {'date': 'date', 'bool': 'boolean', 'int': 'integer', 'json': 'json'}


def upgrade():
    from rhi_assistant import crypto

    conn = op.get_bind()
    with op.batch_alter_table('rhi_refusal', schema=None) as batch_op:
        batch_op.drop_index('ix_rhi_refusal_reason')
    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.add_column(sa.Column('date_of_birth_index', sa.String(length=32), nullable=True))
        batch_op.create_index(batch_op.f('ix_child_date_of_birth_index'),
                              ['date_of_birth_index'], unique=False)
    for table, columns in COLUMNS.items():
        plain = _rows(conn, table, [(name, old) for name, old, _k, _n in columns])
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, _old, _kind, nullable in columns:
                batch_op.alter_column(name, type_=sa.Text(), existing_nullable=nullable,
                                      postgresql_using=f'{name}::text')
        kinds = {name: kind for name, _o, kind, _n in columns}
        extra = [sa.column('date_of_birth_index', sa.String)] if table == 'child' else []
        target = sa.table(table, sa.column('id', sa.Integer),
                          *[sa.column(name, sa.Text) for name in kinds], *extra)
        for row_id, values in plain.items():
            sealed = {name: None if value is None else crypto.encrypt(_as_text(value, kinds[name]))
                      for name, value in values.items()}
            if table == 'child':
                born = values['date_of_birth']
                sealed['date_of_birth_index'] = (None if born is None else crypto.blind_digest(
                    f'date_of_birth:{born.isoformat()}'))
            conn.execute(target.update().where(target.c.id == row_id).values(**sealed))
    _rewrite_reference_keys(conn, digest=True)


def downgrade():
    from rhi_assistant import crypto

    conn = op.get_bind()
    _rewrite_reference_keys(conn, digest=False)
    for table, columns in COLUMNS.items():
        sealed = _rows(conn, table, [(name, sa.Text()) for name, _o, _k, _n in columns])
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, _old, _kind, nullable in columns:
                if not nullable:
                    batch_op.alter_column(name, existing_type=sa.Text(), nullable=True)
        blank = sa.table(table, *[sa.column(name, sa.Text) for name, _o, _k, _n in columns])
        conn.execute(blank.update().values(**{name: None for name, _o, _k, _n in columns}))
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, old, kind, _nullable in columns:
                cast = PG_TYPES.get(kind, 'text' if isinstance(old, sa.Text)
                                    else f'varchar({getattr(old, "length", 255)})')
                batch_op.alter_column(name, type_=old, existing_nullable=True,
                                      postgresql_using=f'{name}::{cast}')
        target = sa.table(table, sa.column('id', sa.Integer),
                          *[sa.column(name, old) for name, old, _k, _n in columns])
        kinds = {name: kind for name, _o, kind, _n in columns}
        for row_id, values in sealed.items():
            conn.execute(target.update().where(target.c.id == row_id).values(**{
                name: None if value is None else _from_text(crypto.decrypt(value), kinds[name])
                for name, value in values.items()}))
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, old, _kind, nullable in columns:
                if not nullable:
                    batch_op.alter_column(name, existing_type=old, nullable=False)
    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_child_date_of_birth_index'))
        batch_op.drop_column('date_of_birth_index')
    with op.batch_alter_table('rhi_refusal', schema=None) as batch_op:
        batch_op.create_index('ix_rhi_refusal_reason', ['reason'], unique=False)


def _rows(conn, table, columns):
    """id -> {column: value} for every row, read with the given types."""
    source = sa.table(table, sa.column('id', sa.Integer),
                      *[sa.column(name, type_) for name, type_ in columns])
    names = [name for name, _t in columns]
    return {row[0]: dict(zip(names, row[1:], strict=True)) for row in conn.execute(
        sa.select(source.c.id, *[source.c[name] for name in names]).order_by(source.c.id))}


def _as_text(value, kind):
    """A value as the app's Encrypted* types write it before sealing."""
    if kind == 'date':
        return value.isoformat()
    if kind == 'bool':
        return '1' if value else '0'
    if kind == 'int':
        return str(int(value))
    if kind == 'json':
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _from_text(text, kind):
    import datetime

    if kind == 'date':
        return datetime.date.fromisoformat(text)
    if kind == 'bool':
        return text == '1'
    if kind == 'int':
        return int(text)
    if kind == 'json':
        return json.loads(text)
    return text


def _compared(reference):
    """The reference with case and spaces ignored (intake.references.reference_key)."""
    if reference is None:
        return None
    return ''.join(reference.split()).upper() or None


def _rewrite_reference_keys(conn, digest):
    """The police reference keys as digests (upgrade) or compared forms (downgrade), made
    from the references themselves (encrypted by then on the way up, still on the way
    down: this runs after the upgrade's encryption and before the downgrade's)."""
    from rhi_assistant import crypto

    for table, key in (('episode', 'police_reference_key'), ('intake_pending', 'reference_key')):
        target = sa.table(table, sa.column('id', sa.Integer),
                          sa.column('police_reference', sa.Text), sa.column(key, sa.String))
        for row_id, sealed in conn.execute(sa.select(target.c.id, target.c.police_reference)):
            compared = _compared(crypto.decrypt(sealed) if sealed is not None else None)
            value = compared
            if digest and compared is not None:
                value = crypto.blind_digest(f'police_reference:{compared}')
            conn.execute(target.update().where(target.c.id == row_id).values(**{key: value}))
