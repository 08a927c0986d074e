"""The open data API keeps the contract its OpenAPI document states (schemathesis).

Schemathesis reads /api/v1/openapi.json from the site itself (through WSGI), generates
requests for every operation, valid ones and, where the schema allows, invalid ones,
and checks each answer: never a server error, and always the status, content type and
body the document declares. The data is the demo site's; the examples are the same on
every run and their number is bounded.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.fuzz import demo_site_fixture

demo_site = demo_site_fixture()

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("demo_site", "connection_kept_between_requests"),
]


@pytest.fixture
def connection_kept_between_requests():
    """Django closes the database connection when a WSGI request ends; inside a test's
    transaction that would lose the data. Django's test client stops this the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


# Loaded when the module is collected: the document is built from the code alone.
# (schemathesis.pytest.from_fixture would load it later, but needs pytest < 9.)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@schema.parametrize()
@settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=25,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_answers_as_its_openapi_document_says(case):
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ]
    )
