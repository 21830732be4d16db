from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

from marketplace.catalog.models import EntryMode


class Migration(migrations.Migration):
    dependencies = [('models', '0015_evidence')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Category',
            name='entry_mode',
            field=fields.CharEnumField(default=EntryMode.ROUND, description='ROUND: round\nCONTINUOUS: continuous', enum_type=EntryMode, max_length=16),
        ),
        ops.AddField(
            model_name='Category',
            name='check_days',
            field=fields.IntField(default=5),
        ),
        ops.AddField(
            model_name='AdmissionRound',
            name='continuous',
            field=fields.BooleanField(default=False),
        ),
        ops.AddField(
            model_name='Application',
            name='check_due_on',
            field=fields.DateField(null=True),
        ),
        ops.AddField(
            model_name='Objection',
            name='receipt_no',
            field=fields.CharField(null=True, unique=True, max_length=32),
        ),
    ]
