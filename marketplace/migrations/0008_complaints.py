from tortoise import migrations
from tortoise.migrations import operations as ops
from marketplace.complaints.models import ComplaintState
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0007_credit')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Complaint',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('number', fields.CharField(null=True, unique=True, max_length=20)),
                ('enterprise', fields.ForeignKeyField('models.Enterprise', source_field='enterprise_id', db_constraint=True, to_field='id', related_name='complaints', on_delete=OnDelete.RESTRICT)),
                ('lodged_by', fields.ForeignKeyField('models.User', source_field='lodged_by_id', db_constraint=True, to_field='id', related_name='complaints_lodged', on_delete=OnDelete.RESTRICT)),
                ('agency', fields.ForeignKeyField('models.Agency', source_field='agency_id', db_constraint=True, to_field='id', related_name='complaints', on_delete=OnDelete.RESTRICT)),
                ('order', fields.ForeignKeyField('models.Order', source_field='order_id', null=True, db_constraint=True, to_field='id', related_name='complaints', on_delete=OnDelete.RESTRICT)),
                ('open_on_order', fields.IntField(null=True, unique=True)),
                ('idempotency_key', fields.CharField(max_length=100)),
                ('topic', fields.CharField(max_length=32)),
                ('description', fields.TextField(unique=False)),
                ('state', fields.CharEnumField(default=ComplaintState.OPEN, db_index=True, description='OPEN: open\nANSWERED: answered\nCLOSED: closed', enum_type=ComplaintState, max_length=16)),
                ('received_on', fields.DateField(db_index=True)),
                ('due_on', fields.DateField()),
                ('answer', fields.TextField(default='', unique=False)),
                ('outcome', fields.CharField(default='', max_length=16)),
                ('answered_by', fields.ForeignKeyField('models.User', source_field='answered_by_id', null=True, db_constraint=True, to_field='id', related_name='complaints_answered', on_delete=OnDelete.RESTRICT)),
                ('answered_on', fields.DateField(null=True)),
                ('answered_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('satisfied', fields.BooleanField(null=True)),
                ('feedback', fields.TextField(default='', unique=False)),
                ('feedback_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('version', fields.IntField(default=0)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'complaint', 'app': 'models', 'unique_together': (('enterprise', 'idempotency_key'),), 'indexes': [Index(fields=['agency_id', 'received_on'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
