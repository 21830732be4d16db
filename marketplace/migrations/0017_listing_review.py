from tortoise import migrations
from tortoise.migrations import operations as ops
from marketplace.catalog.models import ChangeKind, ChangeStatus
from tortoise.fields.base import OnDelete
from tortoise import fields


class Migration(migrations.Migration):
    dependencies = [('models', '0016_entry_modes')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Category',
            name='required_qualification',
            field=fields.CharField(default='', max_length=128),
        ),
        ops.AddField(
            model_name='Qualification',
            name='certificate_sha256',
            field=fields.CharField(default='', max_length=64),
        ),
        ops.AddField(
            model_name='Qualification',
            name='certificate_name',
            field=fields.CharField(default='', max_length=128),
        ),
        ops.AddField(
            model_name='Qualification',
            name='reminded_30_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Qualification',
            name='reminded_7_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='ServiceItem',
            name='held_by',
            field=fields.ForeignKeyField('models.Qualification', source_field='held_by_id', null=True, db_constraint=True, to_field='id', related_name='held_items', on_delete=OnDelete.SET_NULL),
        ),
        ops.CreateModel(
            name='ListingChange',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('agency', fields.ForeignKeyField('models.Agency', source_field='agency_id', db_constraint=True, to_field='id', related_name='listing_changes', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharEnumField(description='PROFILE: profile\nITEM_EDIT: item_edit\nITEM_NEW: item_new\nITEM_WITHDRAW: item_withdraw\nQUALIFICATION_NEW: qualification_new\nQUALIFICATION_RENEWAL: qualification_renewal', enum_type=ChangeKind, max_length=24)),
                ('item', fields.ForeignKeyField('models.ServiceItem', source_field='item_id', null=True, db_constraint=True, to_field='id', related_name='changes', on_delete=OnDelete.CASCADE)),
                ('qualification', fields.ForeignKeyField('models.Qualification', source_field='qualification_id', null=True, db_constraint=True, to_field='id', related_name='changes', on_delete=OnDelete.CASCADE)),
                ('proposed', fields.JSONField(default=dict)),
                ('status', fields.CharEnumField(default=ChangeStatus.DRAFT, db_index=True, description='DRAFT: draft\nPENDING_REVIEW: pending_review\nAPPROVED: approved\nRETURNED: returned', enum_type=ChangeStatus, max_length=16)),
                ('return_reason', fields.TextField(default='', unique=False)),
                ('created_by', fields.ForeignKeyField('models.User', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='listing_changes', on_delete=OnDelete.SET_NULL)),
                ('reviewed_by', fields.ForeignKeyField('models.User', source_field='reviewed_by_id', null=True, db_constraint=True, to_field='id', related_name='listing_reviews', on_delete=OnDelete.SET_NULL)),
                ('published_version', fields.IntField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('submitted_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('reviewed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'listing_change', 'app': 'models', 'indexes': (('agency_id', 'status'),), 'pk_attr': 'id', 'table_description': 'A change to an agency\'s presence, as a draft beside what is live.'},
            bases=['Model'],
        ),
    ]
