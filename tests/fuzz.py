"""What the fuzz tests share: the hostile values, how they are put into a request, the
forms found on a page, and the demo site built once per test module.

The values are those that broke pages before: text no column holds (long, NUL bytes),
bytes that are not UTF-8 (raw and percent-encoded), digits of other scripts that
``str.isdigit`` accepts, numbers no database integer holds, unknown codes, and a
parameter given twice.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from io import StringIO
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Deterministic and bounded: the same examples on every run, nothing remembered between
# runs, no deadline (a slow first request is not a failure).
FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=5,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

HOSTILE_TEXT = [
    "x" * 5000,
    "a\x00b",
    "٣",  # Arabic-Indic three
    "२०२४",  # 2024 in Devanagari digits
    "３",  # fullwidth three
    str(2**63),
    str(10**30),
    "-1",
    "0",
    "1e5",
    "zzz-unknown",
    " ",
    "'\"<script>",
    "İIıi",
]
# Already encoded: put into the query string as they are.
HOSTILE_RAW = ["%FF%FE", "\xff\xfe", "%00"]


@dataclass(frozen=True)
class Raw:
    """A query-string value put in verbatim (invalid UTF-8, broken escapes)."""

    text: str


def encode(value) -> str:
    if isinstance(value, Raw):
        return value.text
    return quote(str(value).encode("utf-8", "surrogatepass"), safe="")


def as_text(value) -> str:
    """A hostile value as a form field receives it (bytes that are not UTF-8 replaced)."""
    if isinstance(value, Raw):
        return value.text.encode("latin-1").decode("utf-8", "replace")
    return value


def query_string(pairs) -> str:
    """The QUERY_STRING of a WSGI request: a str whose characters are the bytes sent."""
    return "&".join(f"{encode(name)}={encode(value)}" for name, value in pairs)


hostile_values = st.one_of(
    st.sampled_from(HOSTILE_TEXT),
    st.sampled_from(HOSTILE_RAW).map(Raw),
    st.text(max_size=30),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)


def hostile_pairs(names):
    """Lists of (name, value) over ``names`` and an unknown one; names may repeat."""
    return st.lists(st.tuples(st.sampled_from([*names, "bilinmeyen"]), hostile_values), max_size=6)


# A formset's management fields: Django caps the number of forms they ask for at
# ``absolute_max`` (1,000 more than the maximum), so a huge count is refused, but only
# after building that many forms; one test sends it, the sweeps leave them alone.
MANAGEMENT_FIELDS = ("-TOTAL_FORMS", "-INITIAL_FORMS", "-MIN_NUM_FORMS", "-MAX_NUM_FORMS")


def fuzzable(fields) -> list[str]:
    """The names of a form's fields that the fuzz tests replace."""
    return [
        name
        for name in fields
        if name != "csrfmiddlewaretoken" and not name.endswith(MANAGEMENT_FIELDS)
    ]


def hostile_form_data(fields: dict[str, list[str]], draw) -> dict[str, list[str]]:
    """The fields of a form with some replaced by hostile values, or given twice."""
    data = {name: list(values) for name, values in fields.items()}
    names = fuzzable(fields)
    changes = draw(
        st.lists(st.tuples(st.sampled_from([*names, "bilinmeyen"]), hostile_values), max_size=5)
    )
    for name, value in changes:
        if draw(st.booleans()):
            data[name] = [as_text(value)]
        else:  # the field twice
            data.setdefault(name, []).append(as_text(value))
    return data


def every_value_everywhere(names) -> list[str]:
    """One query string per hostile value, given to every parameter, each twice (first
    with a plain value, then the hostile one, which is what ``QueryDict.get`` returns)
    so that repeated parameters are covered too."""
    values = [*HOSTILE_TEXT, *map(Raw, HOSTILE_RAW)]
    return [
        query_string([pair for name in names for pair in ((name, "1"), (name, value))])
        for value in values
    ]


@dataclass
class Form:
    action: str
    method: str
    fields: dict[str, list[str]] = field(default_factory=dict)

    def data(self) -> dict[str, list[str]]:
        return {name: list(values) for name, values in self.fields.items()}


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(
                Form(action=attrs.get("action") or "", method=(attrs.get("method") or "get"))
            )
            return
        if not self.forms:
            return
        fields = self.forms[-1].fields
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "file"):
                if kind == "submit":
                    fields.setdefault(name, [attrs.get("value") or ""])
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                fields.setdefault(name, [])
                return
            fields.setdefault(name, []).append(attrs.get("value") or "")
        elif tag == "button" and name:
            fields.setdefault(name, [attrs.get("value") or ""])
        elif tag == "select" and name:
            self._select = name
            fields.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            fields[self._select].append(attrs.get("value") or "")
        elif tag == "textarea" and name:
            self._textarea = name
            fields.setdefault(name, [""])

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea and self.forms:
            self.forms[-1].fields[self._textarea][-1] += data


def forms_on(html: str, *, method: str = "post") -> list[Form]:
    """The forms on a page (their fields with the values a browser would send)."""
    parser = _FormParser()
    parser.feed(html)
    return [form for form in parser.forms if form.method.lower() == method]


def demo_site_fixture():
    """A module-scoped fixture that loads the demo site once; its rows are rolled back
    after the module's last test."""

    @pytest.fixture(scope="module")
    def demo_site(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock(), transaction.atomic():
            call_command("load_demo", force=True, stdout=StringIO())
            yield
            transaction.set_rollback(True)

    return demo_site


def assert_no_server_error(response, what: str) -> None:
    assert response.status_code < 500, f"{what} answered {response.status_code}"
