"""A stored Turkish sort key of the title, so the title order is the database's."""

from django.db import migrations, models

from shared.text import turkish_collation_key

BATCH = 1000


def fill_title_sort(apps, schema_editor):
    Motion = apps.get_model("motions", "Motion")
    motions = Motion.objects.only("pk", "title").order_by("pk")
    batch = []
    for motion in motions.iterator(chunk_size=BATCH):
        motion.title_sort = turkish_collation_key(motion.title)
        batch.append(motion)
        if len(batch) == BATCH:
            Motion.objects.bulk_update(batch, ["title_sort"])
            batch = []
    Motion.objects.bulk_update(batch, ["title_sort"])


class Migration(migrations.Migration):
    dependencies = [
        ("motions", "0003_secretariat_permissions"),
    ]

    operations = [
        migrations.AddField(
            model_name="motion",
            name="title_sort",
            field=models.CharField(default="", editable=False, max_length=1800),
        ),
        migrations.RunPython(fill_title_sort, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="motion",
            index=models.Index(
                fields=["is_public", "title_sort"], name="motions_mot_is_publ_716026_idx"
            ),
        ),
    ]
