from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields


def _file_fields(owner: str, model: str, uploaded_related: str) -> list:
    return [
        ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
        (owner, fields.ForeignKeyField(f'models.{model}', source_field=f'{owner}_id', db_constraint=True, to_field='id', related_name='files', on_delete=OnDelete.RESTRICT)),
        ('uploaded_by', fields.ForeignKeyField('models.User', source_field='uploaded_by_id', db_constraint=True, to_field='id', related_name=uploaded_related, on_delete=OnDelete.RESTRICT)),
        ('filename', fields.CharField(max_length=255)),
        ('content_type', fields.CharField(max_length=64)),
        ('size_bytes', fields.IntField()),
        ('sha256', fields.CharField(max_length=64)),
        ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
    ]


class Migration(migrations.Migration):
    """Evidence files of complaints and of credit records (PDF or images, by content)."""

    dependencies = [('models', '0014_promise_aggregates')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ComplaintFile',
            fields=_file_fields('complaint', 'Complaint', 'complaint_files'),
            options={'table': 'complaint_file', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='CreditRecordFile',
            fields=_file_fields('record', 'CreditRecord', 'credit_record_files'),
            options={'table': 'credit_record_file', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
