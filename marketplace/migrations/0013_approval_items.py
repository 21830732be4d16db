from tortoise import migrations
from tortoise.migrations import operations as ops
from marketplace.catalog.models import CommissionedBy
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0012_fee_factors')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ApprovalItem',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('code', fields.CharField(unique=True, max_length=32)),
                ('name', fields.CharField(max_length=128)),
                ('name_en', fields.CharField(default='', max_length=256)),
                ('department', fields.CharField(max_length=64)),
                ('department_en', fields.CharField(default='', max_length=128)),
                ('legal_basis', fields.TextField(unique=False)),
                ('position', fields.IntField(default=0)),
            ],
            options={'table': 'approval_item', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='CategoryApprovalItem',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('category', fields.ForeignKeyField('models.Category', source_field='category_id', db_constraint=True, to_field='id', related_name='approval_links', on_delete=OnDelete.CASCADE)),
                ('approval_item', fields.ForeignKeyField('models.ApprovalItem', source_field='approval_item_id', db_constraint=True, to_field='id', related_name='category_links', on_delete=OnDelete.CASCADE)),
            ],
            options={'table': 'category_approval_item', 'app': 'models', 'unique_together': (('category', 'approval_item'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Category',
            name='self_prepare_allowed',
            field=fields.BooleanField(default=False),
        ),
        ops.AddField(
            model_name='Category',
            name='commissioned_by',
            field=fields.CharEnumField(default=CommissionedBy.APPLICANT, description='APPLICANT: applicant\nAPPROVING_DEPARTMENT: approving_department', enum_type=CommissionedBy, max_length=24),
        ),
        ops.AddField(
            model_name='Order',
            name='approval_item',
            field=fields.ForeignKeyField('models.ApprovalItem', source_field='approval_item_id', null=True, db_constraint=True, to_field='id', related_name='orders', on_delete=OnDelete.RESTRICT),
        ),
    ]
