"""Two clerks at once: concurrent submissions get different references.

The threads use their own database connections, so the insert of one waits for the
other's transaction as it would in production. SQLite serialises every write to the
whole database, which would prove nothing; CI runs these on PostgreSQL (.ci/run).
"""

import datetime
import threading
import time

import pytest
from django.db import connection, transaction
from django.utils import timezone

from motions import services
from motions.errors import MotionError
from motions.models import Motion
from tests.deliberation.factories import secretariat_user

# serialized_rollback: each test starts from the migrated rows and leaves none of its own,
# so content types keep the ids that the process's content-type cache holds.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HOLD_SECONDS = 0.5


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip(
            f"needs PostgreSQL row locks; {connection.vendor} serialises all writes "
            "(run with DATABASE_URL=postgres://…, as .ci/run does)"
        )


def test_two_submissions_at_once_get_two_references():
    clerk = secretariat_user()
    today = timezone.localdate()
    first_saved = threading.Event()
    results = {}

    def enter(title):
        return services.motion_create(
            actor=clerk,
            title=title,
            summary=f"{title}.",
            submitted_on=today - datetime.timedelta(days=1),
            recipient="Büyükşehir Belediye Meclisi",
        )

    def first():
        try:
            with transaction.atomic():
                results["first"] = enter("Birinci önerge").reference
                first_saved.set()
                time.sleep(HOLD_SECONDS)  # the other reads the same highest number meanwhile
        finally:
            connection.close()

    def second():
        try:
            first_saved.wait(timeout=10)
            results["second"] = enter("İkinci önerge").reference
        except MotionError as error:
            results["second"] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads)

    year = today.year
    assert results == {"first": f"{year}/1", "second": f"{year}/2"}
    assert sorted(Motion.objects.values_list("reference", flat=True)) == [
        f"{year}/1",
        f"{year}/2",
    ]


def test_a_reference_typed_twice_is_refused_not_renumbered():
    clerk = secretariat_user()
    fields = {
        "summary": "Özet.",
        "submitted_on": timezone.localdate() - datetime.timedelta(days=1),
        "recipient": "Büyükşehir Belediye Meclisi",
    }
    services.motion_create(actor=clerk, title="Eski önerge", reference="2019/4", **fields)
    with pytest.raises(MotionError) as refused:
        services.motion_create(actor=clerk, title="Yine", reference="2019/4", **fields)
    assert "2019/4" in refused.value.message
