from tortoise import migrations
from tortoise.migrations import operations as ops
from marketplace.accounts.models import MemberRole
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index


async def _administrators(apps, schema_editor) -> None:
    """Every account linked to an enterprise or an agency today is its organisation's
    administrator (until now each organisation was one account): raw SQL on the tables
    as this migration leaves them."""
    await schema_editor.client.execute_query(
        'UPDATE "user" SET "member_role" = \'administrator\''
        ' WHERE "enterprise_id" IS NOT NULL OR "agency_id" IS NOT NULL'
    )


class Migration(migrations.Migration):
    dependencies = [('models', '0017_listing_review')]

    initial = False

    operations = [
        ops.CreateModel(
            name='MemberInvitation',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('token_digest', fields.CharField(unique=True, max_length=64)),
                ('enterprise', fields.ForeignKeyField('models.Enterprise', source_field='enterprise_id', null=True, db_constraint=True, to_field='id', related_name='member_invitations', on_delete=OnDelete.CASCADE)),
                ('agency', fields.ForeignKeyField('models.Agency', source_field='agency_id', null=True, db_constraint=True, to_field='id', related_name='member_invitations', on_delete=OnDelete.CASCADE)),
                ('email', fields.CharField(max_length=254)),
                ('role', fields.CharEnumField(description='ADMINISTRATOR: administrator\nHANDLER: handler', enum_type=MemberRole, max_length=16)),
                ('invited_by', fields.ForeignKeyField('models.User', source_field='invited_by_id', db_constraint=True, to_field='id', related_name='invitations_sent', on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('accepted_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('accepted_by', fields.ForeignKeyField('models.User', source_field='accepted_by_id', null=True, db_constraint=True, to_field='id', related_name='invitations_accepted', on_delete=OnDelete.SET_NULL)),
                ('revoked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'organisation_invitation', 'app': 'models', 'indexes': [Index(fields=['email'])], 'pk_attr': 'id', 'table_description': 'A one-time link, e-mailed by an administrator, to join their organisation.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Professional',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('agency', fields.ForeignKeyField('models.Agency', source_field='agency_id', db_constraint=True, to_field='id', related_name='professionals', on_delete=OnDelete.RESTRICT)),
                ('name', fields.CharField(max_length=64)),
                ('qualification', fields.CharField(max_length=128)),
                ('certificate_no', fields.CharField(max_length=64)),
                ('id_number', fields.CharField(max_length=18)),
                ('active', fields.BooleanField(default=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'agency_professional', 'app': 'models', 'unique_together': (('agency', 'certificate_no'),), 'pk_attr': 'id', 'table_description': "A licensed professional on an agency's register, who may be named on its orders."},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Order',
            name='professional',
            field=fields.ForeignKeyField('models.Professional', source_field='professional_id', null=True, db_constraint=True, to_field='id', related_name='orders', on_delete=OnDelete.RESTRICT),
        ),
        ops.AddField(
            model_name='User',
            name='member_role',
            field=fields.CharEnumField(null=True, description='ADMINISTRATOR: administrator\nHANDLER: handler', enum_type=MemberRole, max_length=16),
        ),
        ops.RunPython(_administrators),
    ]
