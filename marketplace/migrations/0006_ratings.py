from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0005_admission')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Rating',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('order', fields.OneToOneField('models.Order', source_field='order_id', db_constraint=True, to_field='id', related_name='rating', on_delete=OnDelete.RESTRICT)),
                ('enterprise', fields.ForeignKeyField('models.Enterprise', source_field='enterprise_id', db_constraint=True, to_field='id', related_name='ratings', on_delete=OnDelete.RESTRICT)),
                ('agency', fields.ForeignKeyField('models.Agency', source_field='agency_id', db_constraint=True, to_field='id', related_name='ratings', on_delete=OnDelete.RESTRICT)),
                ('item', fields.ForeignKeyField('models.ServiceItem', source_field='item_id', db_constraint=True, to_field='id', related_name='ratings', on_delete=OnDelete.RESTRICT)),
                ('quality', fields.SmallIntField()),
                ('timeliness', fields.SmallIntField()),
                ('attitude', fields.SmallIntField()),
                ('fee_compliance', fields.SmallIntField()),
                ('conduct', fields.SmallIntField()),
                ('comment', fields.TextField(default='', unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('reply', fields.TextField(null=True, unique=False)),
                ('replied_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('replied_by', fields.ForeignKeyField('models.User', source_field='replied_by_id', null=True, db_constraint=True, to_field='id', related_name='rating_replies', on_delete=OnDelete.RESTRICT)),
                ('comment_hidden', fields.BooleanField(default=False)),
                ('hidden_reason', fields.TextField(default='', unique=False)),
                ('hidden_by', fields.ForeignKeyField('models.User', source_field='hidden_by_id', null=True, db_constraint=True, to_field='id', related_name='ratings_hidden', on_delete=OnDelete.RESTRICT)),
                ('hidden_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'rating', 'app': 'models', 'indexes': [Index(fields=['agency_id', 'created_at']), Index(fields=['item_id', 'created_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
