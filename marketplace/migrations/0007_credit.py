from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0006_ratings')]

    initial = False

    operations = [
        ops.CreateModel(
            name='CreditRecord',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('agency', fields.ForeignKeyField('models.Agency', source_field='agency_id', db_constraint=True, to_field='id', related_name='credit_records', on_delete=OnDelete.RESTRICT)),
                ('reason', fields.CharField(max_length=32)),
                ('kind', fields.CharField(max_length=16)),
                ('description', fields.TextField(unique=False)),
                ('evidence', fields.TextField(default='', unique=False)),
                ('occurred_on', fields.DateField()),
                ('points', fields.IntField()),
                ('suspended_until', fields.DateField(null=True)),
                ('recorded_by', fields.ForeignKeyField('models.User', source_field='recorded_by_id', db_constraint=True, to_field='id', related_name='credit_records', on_delete=OnDelete.RESTRICT)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'credit_record', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Agency',
            name='orders_suspended_until',
            field=fields.DateField(null=True),
        ),
    ]
