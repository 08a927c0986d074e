from .documents import CouncilDocument, DocumentIndexPage, DocumentKind
from .events import EventIndexPage, EventKind, EventPage, Organisation
from .forms import ContactFormField, ContactPage
from .mixins import BasePage, SearchFoldedMixin
from .motions_pages import MotionIndexPage, MotionStatisticsPage
from .news import NewsIndexPage, NewsPage, NewsPageTag
from .organs import OrganIndexPage, OrganPage
from .pages import HomePage, StandardPage
from .personal_data import PersonalDataErasure
from .site_settings import CouncilSettings

__all__ = [
    "BasePage",
    "ContactFormField",
    "ContactPage",
    "CouncilDocument",
    "CouncilSettings",
    "DocumentIndexPage",
    "DocumentKind",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "HomePage",
    "MotionIndexPage",
    "MotionStatisticsPage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "OrganIndexPage",
    "OrganPage",
    "Organisation",
    "PersonalDataErasure",
    "SearchFoldedMixin",
    "StandardPage",
]
