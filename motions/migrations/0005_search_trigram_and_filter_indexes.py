"""Indexes for the public search and the overdue filter.

Search is a substring match (LIKE '%term%') on the Turkish-folded ``search_text``.
On PostgreSQL a GIN trigram index (pg_trgm) serves it; SQLite has no such index, so
the index is made here, for PostgreSQL only, and is not part of the model's state.
"""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations, models

SEARCH_INDEX = GinIndex(
    fields=["search_text"], name="motions_search_text_trgm", opclasses=["gin_trgm_ops"]
)


def create_trigram_extension(apps, schema_editor):
    # IF NOT EXISTS, and no reverse: pg_trgm may have been there before (another app, a
    # DBA), and others may use it, so going back drops only this migration's index.
    # Creating it needs the database's owner (pg_trgm is a trusted extension from
    # PostgreSQL 13) or, on older versions, a superuser.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


def add_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("motions", "Motion"), SEARCH_INDEX)


def remove_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("motions", "Motion"), SEARCH_INDEX)


class Migration(migrations.Migration):
    dependencies = [
        ("motions", "0004_motion_title_sort"),
    ]

    operations = [
        # Both do nothing on other databases.
        migrations.RunPython(create_trigram_extension, migrations.RunPython.noop),
        migrations.RunPython(add_search_index, remove_search_index),
        migrations.AddIndex(
            model_name="motion",
            index=models.Index(
                fields=["status", "committee_due_on"], name="motions_mot_status_9ca677_idx"
            ),
        ),
    ]
