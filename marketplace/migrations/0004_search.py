from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0003_orders')]

    initial = False

    operations = [
        ops.CreateModel(
            name='SearchCursor',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('name', fields.CharField(unique=True, max_length=32)),
                ('last_id', fields.BigIntField(default=0)),
            ],
            options={'table': 'search_cursor', 'app': 'models', 'pk_attr': 'id', 'table_description': 'How far a shared engine (Meilisearch) has applied the outbox.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='SearchOutbox',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('item_id', fields.IntField()),
                ('created_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'search_outbox', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
