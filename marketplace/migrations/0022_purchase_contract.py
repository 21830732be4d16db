from tortoise import migrations
from tortoise.migrations import operations as ops
from marketplace.catalog.models import AdmissionRoute
from tortoise import fields
from tortoise.migrations.constraints import UniqueConstraint

import json


async def _announce_keys(apps, schema_editor) -> None:
    """The announcements' Idempotency-Keys, kept in their events until now, in their column.

    Raw SQL on the tables as this migration leaves them. Where one enterprise used a key
    twice (the race the unique key now closes), the first request keeps it.
    """
    client = schema_editor.client
    pg = client.capabilities.dialect == "postgres"
    events = await client.execute_query_dict(
        'SELECT e."request_id", e."detail", r."enterprise_id" FROM "purchase_event" e'
        ' JOIN "purchase_request" r ON r."id" = e."request_id"'
        " WHERE e.\"kind\" = 'announce' ORDER BY e.\"request_id\""
    )
    taken: set = set()
    for event in events:
        detail = event["detail"]
        if isinstance(detail, str):
            detail = json.loads(detail)
        key = detail.get("idempotency_key") if isinstance(detail, dict) else None
        if not key or (event["enterprise_id"], key) in taken:
            continue
        taken.add((event["enterprise_id"], key))
        await client.execute_query(
            'UPDATE "purchase_request" SET "announce_key" = '
            + ("$1 WHERE \"id\" = $2" if pg else "? WHERE \"id\" = ?"),
            [key, event["request_id"]],
        )


class Migration(migrations.Migration):
    """The signed contract's file on a purchase request, and its announcement's key.

    ``makemigrations`` also proposes an ``AlterField`` of ``Agency.admission_route`` that
    changes only its description (a fourth route): left out, because on SQLite it builds
    the agency table again and drops its indexes (city, is_local, status).
    """

    dependencies = [('models', '0021_order_month_shards')]

    initial = False

    operations = [
        ops.AlterModelOptions(
            name='ApprovalItem',
            options={'table': 'approval_item', 'app': 'models', 'pk_attr': 'id', 'table_description': 'An administrative approval (审批事项) that intermediary services are a condition of.'},
        ),
        ops.AlterModelOptions(
            name='CategoryApprovalItem',
            options={'table': 'category_approval_item', 'app': 'models', 'unique_together': (('category', 'approval_item'),), 'pk_attr': 'id', 'table_description': 'One category of service serving one approval item (a category may serve several).'},
        ),
        ops.AlterModelOptions(
            name='ComplaintFile',
            options={'table': 'complaint_file', 'app': 'models', 'pk_attr': 'id', 'table_description': 'Evidence the enterprise attached to its complaint (a PDF or an image).'},
        ),
        ops.AlterModelOptions(
            name='CreditRecordFile',
            options={'table': 'credit_record_file', 'app': 'models', 'pk_attr': 'id', 'table_description': 'Evidence the office attached to a credit record (a PDF or an image).'},
        ),
        ops.AddField(
            model_name='PurchaseRequest',
            name='announce_key',
            field=fields.CharField(null=True, max_length=100),
        ),
        ops.AddField(
            model_name='PurchaseRequest',
            name='contract_name',
            field=fields.CharField(null=True, max_length=120),
        ),
        ops.AddField(
            model_name='PurchaseRequest',
            name='contract_sha256',
            field=fields.CharField(null=True, max_length=64),
        ),
        ops.RunPython(_announce_keys),
        ops.AddConstraint(
            model_name='PurchaseRequest',
            constraint=UniqueConstraint(fields=('enterprise', 'announce_key'), name=None),
        ),
    ]
