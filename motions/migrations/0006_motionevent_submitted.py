"""The submission becomes the first event of every motion.

Motions entered before have no such event: each gets one on its submission day,
recorded when the motion was entered, so the feeds keep their order and nobody is
alerted of old news.
"""

from django.db import migrations, models


def add_submission_events(apps, schema_editor):
    Motion = apps.get_model("motions", "Motion")
    MotionEvent = apps.get_model("motions", "MotionEvent")
    have = MotionEvent.objects.filter(kind="submitted").values("motion_id")
    missing = Motion.objects.exclude(pk__in=have).values_list("pk", "submitted_on", "created_at")
    batch = []
    for pk, submitted_on, created_at in missing.iterator():
        batch.append(MotionEvent(motion_id=pk, kind="submitted", date=submitted_on))
        batch[-1].entered_at = created_at
        if len(batch) == 500:
            _save(MotionEvent, batch)
            batch = []
    _save(MotionEvent, batch)


def _save(MotionEvent, events):
    MotionEvent.objects.bulk_create(events)
    # recorded_at is auto_now_add: bulk_create stamps it now, so set it afterwards.
    for event in events:
        event.recorded_at = event.entered_at
    MotionEvent.objects.bulk_update([e for e in events if e.pk], ["recorded_at"])


def remove_submission_events(apps, schema_editor):
    apps.get_model("motions", "MotionEvent").objects.filter(kind="submitted").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("motions", "0005_search_trigram_and_filter_indexes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="motionevent",
            name="kind",
            field=models.CharField(
                choices=[
                    ("submitted", "Submitted"),
                    ("placed_on_agenda", "Placed on the agenda"),
                    ("referred", "Referred to committee"),
                    ("committee_reported", "Committee reported"),
                    ("postponed", "Postponed"),
                    ("decided", "Decided"),
                    ("returned_by_mayor", "Returned by the mayor (art. 23)"),
                    ("insisted", "Assembly insisted"),
                    ("became_final", "Became final"),
                    ("reported_back", "Result reported back to the council"),
                    ("implementation_update", "Implementation update"),
                    ("completed", "Completed"),
                    ("withdrawn", "Withdrawn"),
                ],
                max_length=30,
                verbose_name="event",
            ),
        ),
        migrations.RunPython(add_submission_events, remove_submission_events),
    ]
