"""Template filters for naming people: ``{{ user|display_name }}``."""

from django import template

from deliberation.people import display_name as _display_name

register = template.Library()


@register.filter
def display_name(user) -> str:
    """The person's name, else "Member #12"; never the e-mail address (people.display_name)."""
    return _display_name(user)
