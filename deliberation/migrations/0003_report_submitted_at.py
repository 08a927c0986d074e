"""When a report was first submitted for review: from then on the reviewing organs see it.

Existing reports take the time of their first "submit" entry in the timeline.
"""

from django.db import migrations, models
from django.db.models import Min, OuterRef, Subquery


def fill_submitted_at(apps, schema_editor):
    Report = apps.get_model("deliberation", "Report")
    ReportEvent = apps.get_model("deliberation", "ReportEvent")
    first_submit = (
        ReportEvent.objects.filter(report=OuterRef("pk"), action="submit")
        .values("report")
        .annotate(first=Min("at"))
        .values("first")
    )
    submitted = ReportEvent.objects.filter(action="submit").values("report_id")
    Report.objects.filter(pk__in=submitted).update(submitted_at=Subquery(first_submit[:1]))


class Migration(migrations.Migration):
    dependencies = [
        ("deliberation", "0002_admin_groups"),
    ]

    operations = [
        migrations.AddField(
            model_name="report",
            name="submitted_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="first submitted for review"
            ),
        ),
        migrations.RunPython(fill_submitted_at, migrations.RunPython.noop),
    ]
