"""Admin form of a service page: its locations come from its own organization."""

from wagtail.admin.forms import WagtailAdminPageForm


class ServicePageForm(WagtailAdminPageForm):
    """Offers only the organization's locations in "Where".

    Without this the location list would show every provider's addresses,
    and a provider could attach a service to another organization's site.
    """

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        from resources.models import Location

        organization = parent_page or (
            self.instance.get_parent() if self.instance.pk else None
        )
        locations = Location.objects.filter(
            organization_id=getattr(organization, "pk", None)
        )
        formset = self.formsets.get("service_at_locations")
        if formset is None:
            return
        for form in [*formset.forms, formset.empty_form]:
            form.fields["location"].queryset = locations
