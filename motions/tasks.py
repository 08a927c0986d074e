"""Background tasks of the motions app, run by the worker (`python manage.py db_worker`).

Arguments are ids, never addresses: queued tasks are stored in the database.
"""

from django_tasks import task

from . import notifications, subscriptions


@task()
def send_event_alerts_task(event_id: int) -> dict:
    """Alert everyone who follows the event's motion, its topics or all motions."""
    subscriptions.subscriptions_purge_expired()
    return notifications.send_event_alerts(event_id)


@task()
def send_confirmation_task(subscription_id: int) -> bool:
    """Mail the double opt-in link of a new subscription."""
    return notifications.send_confirmation(subscription_id)


@task()
def send_manage_link_task(subscription_id: int | None, language: str) -> bool:
    """Mail a link to the page where a subscriber sees and deletes their subscriptions.

    ``None`` (an address without subscriptions) sends nothing.
    """
    return notifications.send_manage_link(subscription_id, language)
