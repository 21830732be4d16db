from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

_FIGURES = (
    '"placed", "ended", "completed", "delivered", "on_time", "days_used",'
    ' "days_committed", "ratings", "rating_points"'
)


class Migration(migrations.Migration):
    """A category's month kept in up to eight rows (``shard``, in the unique key), so that
    concurrent placements in one category stop queueing on one locked row.

    SQLite cannot drop a unique constraint declared in its table, so the table is built
    again with the new key on both backends: its rows (one per category and month, a few
    hundred) are set aside, and come back as shard 0.
    """

    dependencies = [('models', '0020_order_month')]

    initial = False

    operations = [
        ops.RunSQL('CREATE TABLE "order_month_0020" AS SELECT * FROM "order_month"'),
        ops.DeleteModel(name='OrderMonth'),
        ops.CreateModel(
            name='OrderMonth',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('category_id', fields.IntField()),
                ('month', fields.IntField()),
                ('shard', fields.SmallIntField(default=0)),
                ('placed', fields.IntField(default=0)),
                ('ended', fields.IntField(default=0)),
                ('completed', fields.IntField(default=0)),
                ('delivered', fields.IntField(default=0)),
                ('on_time', fields.IntField(default=0)),
                ('days_used', fields.IntField(default=0)),
                ('days_committed', fields.IntField(default=0)),
                ('ratings', fields.IntField(default=0)),
                ('rating_points', fields.IntField(default=0)),
            ],
            options={'table': 'order_month', 'app': 'models', 'unique_together': (('category_id', 'month', 'shard'),), 'pk_attr': 'id', 'table_description': "One category's order figures of one Beijing month, as the statistics count them."},
            bases=['Model'],
        ),
        ops.RunSQL(
            f'INSERT INTO "order_month" ("category_id", "month", "shard", {_FIGURES})'
            f' SELECT "category_id", "month", 0, {_FIGURES} FROM "order_month_0020"'
        ),
        ops.RunSQL('DROP TABLE "order_month_0020"'),
    ]
