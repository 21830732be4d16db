from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

from collections import defaultdict

from marketplace.core.workdays import WorkCalendar

_DIMENSIONS = ("quality", "timeliness", "attitude", "fee_compliance", "conduct")


async def _backfill(apps, schema_editor) -> None:
    """Record each delivered order's days used and on-time, and count the aggregates.

    Raw SQL on the tables as this migration leaves them, so later changes to the models
    cannot break it; the rules are those of orders.clock.clock_of for a delivered order.
    """
    client = schema_editor.client
    pg = client.capabilities.dialect == "postgres"

    def sql(text: str) -> str:
        if not pg:
            return text
        n = 0
        out = []
        for ch in text:
            if ch == "?":
                n += 1
                out.append(f"${n}")
            else:
                out.append(ch)
        return "".join(out)

    holidays = await client.execute_query_dict('SELECT "day", "is_workday" FROM "holiday"')
    years = await client.execute_query_dict('SELECT "year" FROM "holiday_year"')

    def as_date(value):
        import datetime as dt

        return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])

    calendar = WorkCalendar(
        overrides={as_date(h["day"]): bool(h["is_workday"]) for h in holidays},
        confirmed_years=frozenset(int(y["year"]) for y in years),
    )
    orders = await client.execute_query_dict(
        'SELECT "id", "agency_id", "item_id", "accepted_on", "delivered_on", "deadline",'
        ' "paused_days", "time_limit_days" FROM "service_order"'
        ' WHERE "delivered_on" IS NOT NULL AND "accepted_on" IS NOT NULL'
    )
    buckets: dict = defaultdict(int)
    for o in orders:
        accepted, delivered = as_date(o["accepted_on"]), as_date(o["delivered_on"])
        used = max(calendar.working_days_between(accepted, delivered) - o["paused_days"], 0)
        deadline = (
            as_date(o["deadline"])
            if o["deadline"] is not None
            else calendar.add_working_days(accepted, o["time_limit_days"] + o["paused_days"])
        )
        on_time = delivered <= deadline
        await client.execute_query(
            sql('UPDATE "service_order" SET "days_used" = ?, "on_time" = ? WHERE "id" = ?'),
            [used, on_time, o["id"]],
        )
        buckets[("agency", o["agency_id"], used, on_time)] += 1
        buckets[("item", o["item_id"], used, on_time)] += 1
    for (scope, scope_id, used, on_time), count in sorted(buckets.items()):
        await client.execute_query(
            sql(
                'INSERT INTO "promise_bucket" ("scope", "scope_id", "days_used", "on_time",'
                ' "orders") VALUES (?, ?, ?, ?, ?)'
            ),
            [scope, scope_id, used, on_time, count],
        )

    sums: dict = defaultdict(lambda: defaultdict(int))
    ratings = await client.execute_query_dict(
        'SELECT "agency_id", "item_id", ' + ", ".join(f'"{d}"' for d in _DIMENSIONS)
        + ' FROM "rating"'
    )
    for r in ratings:
        scores = [int(r[d]) for d in _DIMENSIONS]
        star = min(5, max(1, int(sum(scores) / len(_DIMENSIONS) + 0.5)))
        for key in (("agency", r["agency_id"]), ("item", r["item_id"])):
            entry = sums[key]
            entry["ratings"] += 1
            entry[f"stars_{star}"] += 1
            for d, score in zip(_DIMENSIONS, scores):
                entry[d] += score
    columns = ["ratings", *_DIMENSIONS, *(f"stars_{n}" for n in range(1, 6))]
    for (scope, scope_id), entry in sorted(sums.items()):
        await client.execute_query(
            sql(
                'INSERT INTO "rating_stat" ("scope", "scope_id", '
                + ", ".join(f'"{c}"' for c in columns)
                + ") VALUES (?, ?, " + ", ".join("?" for _ in columns) + ")"
            ),
            [scope, scope_id, *(entry[c] for c in columns)],
        )

class Migration(migrations.Migration):
    dependencies = [('models', '0013_approval_items')]

    initial = False

    operations = [
        ops.CreateModel(
            name='PromiseBucket',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('scope', fields.CharField(max_length=8)),
                ('scope_id', fields.IntField()),
                ('days_used', fields.IntField()),
                ('on_time', fields.BooleanField()),
                ('orders', fields.IntField(default=0)),
            ],
            options={'table': 'promise_bucket', 'app': 'models', 'unique_together': (('scope', 'scope_id', 'days_used', 'on_time'),), 'pk_attr': 'id', 'table_description': 'How many delivered orders of one agency or item used so many working days.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='RatingStat',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('scope', fields.CharField(max_length=8)),
                ('scope_id', fields.IntField()),
                ('ratings', fields.IntField(default=0)),
                ('quality', fields.IntField(default=0)),
                ('timeliness', fields.IntField(default=0)),
                ('attitude', fields.IntField(default=0)),
                ('fee_compliance', fields.IntField(default=0)),
                ('conduct', fields.IntField(default=0)),
                ('stars_1', fields.IntField(default=0)),
                ('stars_2', fields.IntField(default=0)),
                ('stars_3', fields.IntField(default=0)),
                ('stars_4', fields.IntField(default=0)),
                ('stars_5', fields.IntField(default=0)),
            ],
            options={'table': 'rating_stat', 'app': 'models', 'unique_together': (('scope', 'scope_id'),), 'pk_attr': 'id', 'table_description': "The running sums of one agency's or one item's ratings."},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Order',
            name='days_used',
            field=fields.IntField(null=True),
        ),
        ops.AddField(
            model_name='Order',
            name='on_time',
            field=fields.BooleanField(null=True),
        ),
        ops.RunPython(_backfill),
    ]
