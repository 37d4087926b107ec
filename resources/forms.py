"""Admin form of a service page: its locations come from its own organization."""

import copy

from wagtail.admin.forms import WagtailAdminPageForm


def _limit_choices(formset, field_name, queryset):
    """Limit one field of every form of ``formset``, including its empty form.

    ``empty_form`` is rebuilt on every access, so the limit goes on a
    per-request subclass of the formset's form, never on the shared class.
    """
    field = copy.deepcopy(formset.form.base_fields[field_name])
    field.queryset = queryset
    limited = type(formset.form.__name__, (formset.form,), {})
    limited.base_fields = {**formset.form.base_fields, field_name: field}
    formset.form = limited
    for form in formset.__dict__.get("forms", []):  # any already built
        form.fields[field_name].queryset = queryset


class ServicePageForm(WagtailAdminPageForm):
    """Offers only the organization's locations in "Where".

    Without this the location list would show every provider's addresses,
    and a provider could attach a service to another organization's site
    (the limited queryset also makes such a choice fail validation).
    """

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        from resources.models import Location

        organization = parent_page or (
            self.instance.get_parent() if self.instance.pk else None
        )
        formset = self.formsets.get("service_at_locations")
        if formset is not None:
            locations = Location.objects.filter(
                organization_id=getattr(organization, "pk", None)
            )
            _limit_choices(formset, "location", locations)
