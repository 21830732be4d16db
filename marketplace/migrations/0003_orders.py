from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from marketplace.orders.models import OrderState, PaymentStatus
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0002_accounts')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Holiday',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('day', fields.DateField(unique=True)),
                ('is_workday', fields.BooleanField()),
                ('name', fields.CharField(default='', max_length=64)),
            ],
            options={'table': 'holiday', 'app': 'models', 'pk_attr': 'id', 'table_description': "An administrator's calendar entry: a day off, or a make-up working day (调休)."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='HolidayYear',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('year', fields.IntField(unique=True)),
                ('confirmed_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'holiday_year', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A year whose official schedule an administrator has entered completely.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Order',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('number', fields.CharField(null=True, unique=True, max_length=20)),
                ('enterprise', fields.ForeignKeyField('models.Enterprise', source_field='enterprise_id', db_constraint=True, to_field='id', related_name='orders', on_delete=OnDelete.RESTRICT)),
                ('placed_by', fields.ForeignKeyField('models.User', source_field='placed_by_id', db_constraint=True, to_field='id', related_name='orders_placed', on_delete=OnDelete.RESTRICT)),
                ('agency', fields.ForeignKeyField('models.Agency', source_field='agency_id', db_constraint=True, to_field='id', related_name='orders', on_delete=OnDelete.RESTRICT)),
                ('item', fields.ForeignKeyField('models.ServiceItem', source_field='item_id', db_constraint=True, to_field='id', related_name='orders', on_delete=OnDelete.RESTRICT)),
                ('item_version', fields.ForeignKeyField('models.ServiceItemVersion', source_field='item_version_id', db_constraint=True, to_field='id', related_name='orders', on_delete=OnDelete.RESTRICT)),
                ('idempotency_key', fields.CharField(max_length=100)),
                ('project_name', fields.CharField(max_length=200)),
                ('project_code', fields.CharField(max_length=24)),
                ('base_amount', fields.CharField(null=True, max_length=32)),
                ('quoted_low_fen', fields.BigIntField()),
                ('quoted_high_fen', fields.BigIntField()),
                ('note', fields.TextField(default='', unique=False)),
                ('state', fields.CharEnumField(default=OrderState.PLACED, db_index=True, description='PLACED: placed\nDECLINED: declined\nCANCELLED: cancelled\nIN_SERVICE: in_service\nAWAITING_MATERIALS: awaiting_materials\nDELIVERED: delivered\nCOMPLETED: completed\nRATED: rated\nDISPUTED: disputed', enum_type=OrderState, max_length=24)),
                ('state_before_dispute', fields.CharEnumField(null=True, description='PLACED: placed\nDECLINED: declined\nCANCELLED: cancelled\nIN_SERVICE: in_service\nAWAITING_MATERIALS: awaiting_materials\nDELIVERED: delivered\nCOMPLETED: completed\nRATED: rated\nDISPUTED: disputed', enum_type=OrderState, max_length=24)),
                ('version', fields.IntField(default=0)),
                ('time_limit_days', fields.IntField()),
                ('accepted_on', fields.DateField(null=True)),
                ('paused_since', fields.DateField(null=True)),
                ('paused_days', fields.IntField(default=0)),
                ('deadline', fields.DateField(null=True, db_index=True)),
                ('delivered_on', fields.DateField(null=True)),
                ('completed_on', fields.DateField(null=True)),
                ('overdue_marked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('reminded_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('payment_status', fields.CharEnumField(default=PaymentStatus.UNPAID, description='UNPAID: unpaid\nPAID: paid\nREFUNDED: refunded', enum_type=PaymentStatus, max_length=16)),
                ('paid_fen', fields.BigIntField(null=True)),
                ('paid_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('payment_method', fields.CharField(default='', max_length=16)),
                ('stripe_session_id', fields.CharField(null=True, unique=True, max_length=255)),
                ('stripe_payment_intent', fields.CharField(null=True, max_length=255)),
                ('refund_id', fields.CharField(null=True, max_length=255)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'service_order', 'app': 'models', 'unique_together': (('enterprise', 'idempotency_key'),), 'indexes': [Index(fields=['agency_id', 'state']), Index(fields=['enterprise_id', 'state'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Notification',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='notifications', on_delete=OnDelete.CASCADE)),
                ('order', fields.ForeignKeyField('models.Order', source_field='order_id', null=True, db_constraint=True, to_field='id', related_name='notifications', on_delete=OnDelete.CASCADE)),
                ('message', fields.CharField(max_length=255)),
                ('params', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('read_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'notification', 'app': 'models', 'indexes': [Index(fields=['user_id', 'read_at'])], 'pk_attr': 'id', 'table_description': 'An in-app notice for one user, as an English message id with its parameters.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='OrderEvent',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('order', fields.ForeignKeyField('models.Order', source_field='order_id', db_constraint=True, to_field='id', related_name='events', on_delete=OnDelete.RESTRICT)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('actor', fields.ForeignKeyField('models.User', source_field='actor_id', null=True, db_constraint=True, to_field='id', related_name='order_events', on_delete=OnDelete.RESTRICT)),
                ('action', fields.CharField(max_length=32)),
                ('from_state', fields.CharField(default='', max_length=24)),
                ('to_state', fields.CharField(default='', max_length=24)),
                ('reason', fields.TextField(default='', unique=False)),
                ('detail', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
            ],
            options={'table': 'order_event', 'app': 'models', 'pk_attr': 'id', 'table_description': "One line of an order's log: who did what, when and why."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='OrderMessage',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('order', fields.ForeignKeyField('models.Order', source_field='order_id', db_constraint=True, to_field='id', related_name='messages', on_delete=OnDelete.RESTRICT)),
                ('author', fields.ForeignKeyField('models.User', source_field='author_id', db_constraint=True, to_field='id', related_name='order_messages', on_delete=OnDelete.RESTRICT)),
                ('body', fields.TextField(unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'order_message', 'app': 'models', 'pk_attr': 'id', 'table_description': "A message in an order's conversation between the enterprise and the agency."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='OrderFile',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('order', fields.ForeignKeyField('models.Order', source_field='order_id', db_constraint=True, to_field='id', related_name='files', on_delete=OnDelete.RESTRICT)),
                ('message', fields.ForeignKeyField('models.OrderMessage', source_field='message_id', null=True, db_constraint=True, to_field='id', related_name='files', on_delete=OnDelete.RESTRICT)),
                ('uploaded_by', fields.ForeignKeyField('models.User', source_field='uploaded_by_id', db_constraint=True, to_field='id', related_name='order_files', on_delete=OnDelete.RESTRICT)),
                ('purpose', fields.CharField(max_length=16)),
                ('filename', fields.CharField(max_length=255)),
                ('content_type', fields.CharField(max_length=64)),
                ('size_bytes', fields.IntField()),
                ('sha256', fields.CharField(max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'order_file', 'app': 'models', 'pk_attr': 'id', 'table_description': "A file kept with an order: the request's attachments, a message's, or the delivery."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='StripeEvent',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('event_id', fields.CharField(unique=True, max_length=255)),
                ('type', fields.CharField(max_length=64)),
                ('processed_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'stripe_event', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A Stripe webhook event already processed. Its id makes processing happen once.'},
            bases=['Model'],
        ),
    ]
