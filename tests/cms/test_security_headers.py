"""Every answer carries a Content-Security-Policy and a Permissions-Policy.

The public site's policy allows only the site's own scripts and styles; the Wagtail admin
has its own policy, which allows the inline scripts Wagtail's admin still needs.
"""

import pytest


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def assert_common_directives(policy: dict[str, list[str]]) -> None:
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert all(
        source.startswith(("'", "data:", "blob:", "https://"))
        for source in sum(policy.values(), [])
    )


def assert_permissions_policy(response) -> None:
    features = dict(
        item.strip().split("=", 1) for item in response["Permissions-Policy"].split(",")
    )
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()", feature


@pytest.mark.parametrize("path", ["/", "/ara/?q=izmir", "/bulunmayan-sayfa/", "/takip/"])
def test_public_pages_have_a_strict_policy(client, home, path):
    response = client.get(path)

    policy = directives(response)
    assert_common_directives(policy)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert_permissions_policy(response)


def test_public_pages_have_no_inline_scripts_or_handlers(client, home):
    html = client.get("/").content.decode()

    assert "<script" not in html
    assert " onclick=" not in html
    assert " style=" not in html


@pytest.mark.parametrize("path", ["/api/v1/motions", "/api/v1/openapi.json", "/api/v1/docs"])
def test_the_api_has_the_public_policy(client, db, path):
    response = client.get(path)

    assert response.status_code == 200
    policy = directives(response)
    assert_common_directives(policy)
    assert policy["script-src"] == ["'self'"]
    assert_permissions_policy(response)


def test_the_api_docs_run_no_inline_script(client, db):
    html = client.get("/api/v1/docs").content.decode()

    scripts = html.split("<script")[1:]
    assert scripts
    for script in scripts:
        tag = script.split(">", 1)[0]
        assert 'src="' in tag or 'type="application/json"' in tag, tag


@pytest.mark.parametrize(("path", "logged_in"), [("/admin/login/", False), ("/admin/", True)])
def test_admin_pages_have_the_admin_policy(client, admin_user, home, path, logged_in):
    if logged_in:
        client.force_login(admin_user)
    response = client.get(path)

    assert response.status_code == 200
    policy = directives(response)
    assert_common_directives(policy)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert_permissions_policy(response)


def test_admin_loads_no_avatars_from_outside(admin_client, home):
    html = admin_client.get("/admin/").content.decode()

    assert "gravatar" not in html.lower()
