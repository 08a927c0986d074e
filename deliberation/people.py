"""How the back office names people to one another: never by their e-mail address."""

from django.utils.translation import gettext as _


def display_name(user) -> str:
    """The person's full name, else a neutral label such as "Member #12".

    Usernames hold e-mail addresses (accounts.py), which are personal data (KVKK): chairs
    and members never see them; the secretariat sees them where it has to write to people.
    """
    if user is None:
        return ""
    name = (user.get_full_name() or "").strip()
    return name or _("Member #%(number)s") % {"number": user.pk}
