from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from portal.models import NeighborhoodFigure


class NeighborhoodFigureViewSet(ModelViewSet):
    """Editors enter or correct monthly counts; bulk loads use the import command."""

    model = NeighborhoodFigure
    icon = "table"
    menu_label = _("Neighborhood figures")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["neighborhood", "series", "area", "month", "count", "updated_at"]
    list_filter = ["neighborhood", "series", "area"]
    form_fields = ["neighborhood", "month", "series", "area", "count"]
    ordering = ["-month"]
    list_per_page = 50


@hooks.register("register_admin_viewset")
def register_neighborhood_figures():
    return NeighborhoodFigureViewSet("neighborhood_figures")
