from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields
from tortoise.indexes import Index

_ENDED = "'cancelled', 'completed', 'declined', 'rated'"
_COMPLETED = "'completed', 'rated'"
_DIMENSIONS = ("quality", "timeliness", "attitude", "fee_compliance", "conduct")
_FIGURES = (
    "placed",
    "ended",
    "completed",
    "delivered",
    "on_time",
    "days_used",
    "days_committed",
    "ratings",
    "rating_points",
)


async def _backfill(apps, schema_editor) -> None:
    """Count every category's monthly figures from the orders and ratings.

    Raw SQL on the tables as this migration leaves them (the rules of
    orders.monthly.recount, frozen here): three grouped queries, whatever the history.
    """
    client = schema_editor.client
    pg = client.capabilities.dialect == "postgres"

    def month(column: str, moment: bool) -> str:
        if pg:
            value = f"({column} AT TIME ZONE 'Asia/Shanghai')" if moment else column
            return (
                f"(CAST(EXTRACT(YEAR FROM {value}) AS INTEGER) * 100"
                f" + CAST(EXTRACT(MONTH FROM {value}) AS INTEGER))"
            )
        return (
            f"(CAST(substr({column}, 1, 4) AS INTEGER) * 100"
            f" + CAST(substr({column}, 6, 2) AS INTEGER))"
        )

    points = " + ".join(f"r.{d}" for d in _DIMENSIONS)
    queries = {
        ("placed", "ended", "completed"): (
            f"SELECT i.category_id, {month('o.created_at', True)}, COUNT(*),"
            f" SUM(CASE WHEN o.state IN ({_ENDED}) THEN 1 ELSE 0 END),"
            f" SUM(CASE WHEN o.state IN ({_COMPLETED}) THEN 1 ELSE 0 END)"
            " FROM service_order o JOIN service_item i ON i.id = o.item_id GROUP BY 1, 2"
        ),
        ("delivered", "on_time", "days_used", "days_committed"): (
            f"SELECT i.category_id, {month('o.delivered_on', False)}, COUNT(*),"
            " SUM(CASE WHEN o.delivered_on <= o.deadline THEN 1 ELSE 0 END),"
            " SUM(COALESCE(o.days_used, 0)), SUM(o.time_limit_days)"
            " FROM service_order o JOIN service_item i ON i.id = o.item_id"
            " WHERE o.delivered_on IS NOT NULL AND o.accepted_on IS NOT NULL"
            " AND o.deadline IS NOT NULL GROUP BY 1, 2"
        ),
        ("ratings", "rating_points"): (
            f"SELECT i.category_id, {month('r.created_at', True)}, COUNT(*), SUM({points})"
            " FROM rating r JOIN service_item i ON i.id = r.item_id GROUP BY 1, 2"
        ),
    }
    rows: dict = {}
    for names, query in queries.items():
        _, found = await client.execute_query(query)
        for row in found:
            category_id, key, *amounts = list(row.values()) if hasattr(row, "values") else row
            entry = rows.setdefault((int(category_id), int(key)), dict.fromkeys(_FIGURES, 0))
            for name, amount in zip(names, amounts):
                entry[name] = int(amount or 0)
    marks = ", ".join(
        f"${n}" if pg else "?" for n in range(1, len(_FIGURES) + 3)
    )
    insert = (
        'INSERT INTO "order_month" ("category_id", "month", '
        + ", ".join(f'"{name}"' for name in _FIGURES)
        + f") VALUES ({marks})"
    )
    for (category_id, key), entry in sorted(rows.items()):
        await client.execute_query(insert, [category_id, key, *(entry[n] for n in _FIGURES)])


class Migration(migrations.Migration):
    dependencies = [('models', '0019_procurement')]

    initial = False

    operations = [
        ops.CreateModel(
            name='OrderMonth',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('category_id', fields.IntField()),
                ('month', fields.IntField()),
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
            options={'table': 'order_month', 'app': 'models', 'unique_together': (('category_id', 'month'),), 'pk_attr': 'id', 'table_description': "One category's order figures of one Beijing month, as the statistics count them."},
            bases=['Model'],
        ),
        ops.RunPython(_backfill),
        # the statistics' agencies per category read from the index alone
        ops.AddIndex(
            model_name='ServiceItem',
            index=Index(fields=['status', 'category_id', 'agency_id']),
        ),
    ]
