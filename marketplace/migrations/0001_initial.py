from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from marketplace.catalog.models import AdmissionRoute, AgencyStatus, MarketType, ServiceStatus
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name='Agency',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('name', fields.CharField(unique=True, max_length=128)),
                ('name_en', fields.CharField(default='', max_length=256)),
                ('credit_code', fields.CharField(unique=True, max_length=18)),
                ('legal_representative', fields.CharField(max_length=64)),
                ('address', fields.CharField(max_length=256)),
                ('city', fields.CharField(db_index=True, max_length=32)),
                ('is_local', fields.BooleanField(db_index=True)),
                ('phone', fields.CharField(default='', max_length=32)),
                ('established_on', fields.DateField(null=True)),
                ('staff_count', fields.IntField(default=0)),
                ('description', fields.TextField(default='', unique=False)),
                ('status', fields.CharEnumField(default=AgencyStatus.APPLICANT, db_index=True, description='APPLICANT: applicant\nADMITTED: admitted\nSUSPENDED: suspended\nEXITED: exited', enum_type=AgencyStatus, max_length=16)),
                ('admission_route', fields.CharEnumField(null=True, description='REQUIRED: required\nMERIT: merit\nRECRUITED: recruited', enum_type=AdmissionRoute, max_length=16)),
                ('admitted_on', fields.DateField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'agency', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Category',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('code', fields.CharField(unique=True, max_length=16)),
                ('name', fields.CharField(unique=True, max_length=64)),
                ('name_en', fields.CharField(max_length=128)),
                ('abbreviations', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('market_type', fields.CharEnumField(db_index=True, description='MONOPOLY: monopoly\nCOMPETITIVE: competitive\nABSENT: absent', enum_type=MarketType, max_length=16)),
                ('quota', fields.IntField(null=True)),
                ('legal_basis', fields.TextField(unique=False)),
                ('description', fields.TextField(default='', unique=False)),
                ('description_en', fields.TextField(default='', unique=False)),
                ('position', fields.IntField(default=0)),
            ],
            options={'table': 'category', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Qualification',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('agency', fields.ForeignKeyField('models.Agency', source_field='agency_id', db_constraint=True, to_field='id', related_name='qualifications', on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=128)),
                ('grade', fields.CharField(null=True, max_length=4)),
                ('certificate_no', fields.CharField(max_length=64)),
                ('issuer', fields.CharField(max_length=128)),
                ('expires_on', fields.DateField()),
            ],
            options={'table': 'qualification', 'app': 'models', 'unique_together': (('agency', 'certificate_no'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ServiceItem',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('agency', fields.ForeignKeyField('models.Agency', source_field='agency_id', db_constraint=True, to_field='id', related_name='services', on_delete=OnDelete.RESTRICT)),
                ('category', fields.ForeignKeyField('models.Category', source_field='category_id', db_constraint=True, to_field='id', related_name='services', on_delete=OnDelete.RESTRICT)),
                ('title', fields.CharField(max_length=128)),
                ('scope', fields.TextField(unique=False)),
                ('content', fields.TextField(unique=False)),
                ('legal_basis', fields.TextField(unique=False)),
                ('fee_basis', fields.TextField(unique=False)),
                ('fee_type', fields.CharField(db_index=True, max_length=16)),
                ('fee_standard', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('time_limit_days', fields.IntField()),
                ('commitments', fields.TextField(default='', unique=False)),
                ('status', fields.CharEnumField(default=ServiceStatus.DRAFT, description='DRAFT: draft\nPENDING_REVIEW: pending_review\nPUBLISHED: published\nWITHDRAWN: withdrawn', enum_type=ServiceStatus, max_length=16)),
                ('version', fields.IntField(default=0)),
                ('published_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'service_item', 'app': 'models', 'indexes': [Index(fields=['category_id', 'status']), Index(fields=['agency_id', 'status'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ServiceItemVersion',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('item', fields.ForeignKeyField('models.ServiceItem', source_field='item_id', db_constraint=True, to_field='id', related_name='versions', on_delete=OnDelete.RESTRICT)),
                ('version', fields.IntField()),
                ('title', fields.CharField(max_length=128)),
                ('scope', fields.TextField(unique=False)),
                ('content', fields.TextField(unique=False)),
                ('legal_basis', fields.TextField(unique=False)),
                ('fee_basis', fields.TextField(unique=False)),
                ('fee_type', fields.CharField(max_length=16)),
                ('fee_standard', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('time_limit_days', fields.IntField()),
                ('commitments', fields.TextField(default='', unique=False)),
                ('published_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'service_item_version', 'app': 'models', 'unique_together': (('item', 'version'),), 'pk_attr': 'id', 'table_description': 'An immutable copy of one published version of a service item.'},
            bases=['Model'],
        ),
    ]
