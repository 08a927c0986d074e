"""Wagtail admin hooks of the page layer."""

from wagtail import hooks
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from shared.admin_api import BoundedPagination


class ImagesAPIViewSet(ImagesAdminAPIViewSet):
    """The admin API's images (the image chooser), with offsets a database can take."""

    pagination_class = BoundedPagination


# After Wagtail's own hook (order 0), which registers its endpoint.
@hooks.register("construct_admin_api", order=100)
def replace_images_admin_api(router):
    router.register_endpoint("images", ImagesAPIViewSet)
