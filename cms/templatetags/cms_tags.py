"""Template helpers for navigation and metadata of the public site."""

from django import template
from wagtail.models import Page, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def site_root(context):
    """The root page of the current site, in the active locale when it has one."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    root = site.root_page
    return root.localized if root else None


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    root = site_root(context)
    current = context.get("page")
    items = root.get_children().live().public().in_menu() if root else Page.objects.none()
    return {"root": root, "items": items, "current": current, "request": context.get("request")}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": [], "page": page}
    ancestors = page.get_ancestors().filter(depth__gt=1).live()
    return {"ancestors": ancestors, "page": page}


@register.filter
def is_ancestor_of(menu_page, current):
    """True when the menu entry is the current page or one of its ancestors."""
    if current is None or not hasattr(current, "path"):
        return False
    return current.path.startswith(menu_page.path)
