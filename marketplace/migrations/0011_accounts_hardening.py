from tortoise import migrations
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    """Users whose agency role was revoked kept their agency_id; unlink them from it."""

    dependencies = [('models', '0010_outbox')]

    initial = False

    operations = [
        ops.RunSQL(
            'UPDATE "user" SET agency_id = NULL WHERE agency_id IS NOT NULL AND id NOT IN '
            "(SELECT user_id FROM user_role WHERE role = 'agency')",
            reverse_sql=ops.RunSQL.noop,
        ),
    ]
