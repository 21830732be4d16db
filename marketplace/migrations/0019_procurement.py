from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from marketplace.procurement.methods import Funding, Method
from marketplace.procurement.models import PurchaseState
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0018_organisations')]

    initial = False

    operations = [
        ops.CreateModel(
            name='PurchaseRequest',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('number', fields.CharField(null=True, unique=True, max_length=20)),
                ('enterprise', fields.ForeignKeyField('models.Enterprise', source_field='enterprise_id', db_constraint=True, to_field='id', related_name='purchase_requests', on_delete=OnDelete.RESTRICT)),
                ('created_by', fields.ForeignKeyField('models.User', source_field='created_by_id', db_constraint=True, to_field='id', related_name='purchase_requests', on_delete=OnDelete.RESTRICT)),
                ('category', fields.ForeignKeyField('models.Category', source_field='category_id', db_constraint=True, to_field='id', related_name='purchase_requests', on_delete=OnDelete.RESTRICT)),
                ('approval_item', fields.ForeignKeyField('models.ApprovalItem', source_field='approval_item_id', null=True, db_constraint=True, to_field='id', related_name='purchase_requests', on_delete=OnDelete.RESTRICT)),
                ('republished_from', fields.ForeignKeyField('models.PurchaseRequest', source_field='republished_from_id', null=True, db_constraint=True, to_field='id', related_name='republications', on_delete=OnDelete.RESTRICT)),
                ('project_name', fields.CharField(max_length=200)),
                ('project_code', fields.CharField(max_length=24)),
                ('work', fields.TextField(unique=False)),
                ('qualifications', fields.TextField(default='', unique=False)),
                ('time_limit_days', fields.IntField()),
                ('funding', fields.CharEnumField(description='STATE: state\nOWN: own', enum_type=Funding, max_length=8)),
                ('ceiling_fen', fields.BigIntField()),
                ('floor_fen', fields.BigIntField(default=0)),
                ('method', fields.CharEnumField(description='DIRECT: direct\nRANDOM: random\nLOWEST: lowest\nOPTIMAL: optimal\nMERIT: merit', enum_type=Method, max_length=8)),
                ('criteria', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('excluded_agency_ids', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('registration_days', fields.IntField()),
                ('published_on', fields.DateField()),
                ('deadline', fields.DateField(db_index=True)),
                ('seed_hex', fields.CharField(max_length=64)),
                ('seed_sha256', fields.CharField(max_length=64)),
                ('state', fields.CharEnumField(default=PurchaseState.OPEN, db_index=True, description='OPEN: open\nSELECTED: selected\nFAILED: failed\nCONTRACTED: contracted\nCANCELLED: cancelled\nVOIDED: voided', enum_type=PurchaseState, max_length=12)),
                ('version', fields.IntField(default=0)),
                ('selected_on', fields.DateField(null=True)),
                ('outcome', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('winner_id', fields.IntField(null=True)),
                ('contract_fen', fields.BigIntField(null=True)),
                ('owner_confirmed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('agency_confirmed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('order', fields.ForeignKeyField('models.Order', source_field='order_id', null=True, db_constraint=True, to_field='id', related_name='purchase_requests', on_delete=OnDelete.RESTRICT)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'purchase_request', 'app': 'models', 'indexes': [Index(fields=['enterprise_id', 'state'])], 'pk_attr': 'id', 'table_description': 'A purchase announcement (采购公告) of one enterprise for one category.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Registration',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('request', fields.ForeignKeyField('models.PurchaseRequest', source_field='request_id', db_constraint=True, to_field='id', related_name='registrations', on_delete=OnDelete.RESTRICT)),
                ('agency', fields.ForeignKeyField('models.Agency', source_field='agency_id', db_constraint=True, to_field='id', related_name='purchase_registrations', on_delete=OnDelete.RESTRICT)),
                ('item', fields.ForeignKeyField('models.ServiceItem', source_field='item_id', db_constraint=True, to_field='id', related_name='purchase_registrations', on_delete=OnDelete.RESTRICT)),
                ('registered_by', fields.ForeignKeyField('models.User', source_field='registered_by_id', db_constraint=True, to_field='id', related_name='purchase_registrations', on_delete=OnDelete.RESTRICT)),
                ('receipt', fields.CharField(unique=True, max_length=16)),
                ('quote_fen', fields.BigIntField(null=True)),
                ('quoted_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('scores', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('score', fields.IntField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'purchase_registration', 'app': 'models', 'unique_together': (('request', 'agency'),), 'pk_attr': 'id', 'table_description': "An agency's registration for a request, with its receipt and sealed quote."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PurchaseEvent',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('request', fields.ForeignKeyField('models.PurchaseRequest', source_field='request_id', db_constraint=True, to_field='id', related_name='events', on_delete=OnDelete.RESTRICT)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('actor', fields.ForeignKeyField('models.User', source_field='actor_id', null=True, db_constraint=True, to_field='id', related_name='purchase_events', on_delete=OnDelete.RESTRICT)),
                ('kind', fields.CharField(db_index=True, max_length=16)),
                ('text', fields.TextField(default='', unique=False)),
                ('detail', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
            ],
            options={'table': 'purchase_event', 'app': 'models', 'pk_attr': 'id', 'table_description': "One line of a request's public history: announcement, correction, result…"},
            bases=['Model'],
        ),
    ]
