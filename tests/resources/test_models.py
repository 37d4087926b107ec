"""The directory's page tree, HSDS ids, seeded categories and query helpers."""

import pytest
from wagtail.models import Page

from resources.choices import ServiceStatus
from resources.models import ServicePage, TaxonomyTerm
from tests import factories

pytestmark = pytest.mark.django_db


def test_seeded_categories_include_medication_for_opioid_use_disorder(db):
    moud = TaxonomyTerm.objects.get(code="moud")
    assert moud.parent.code == "substance-use"
    assert set(moud.children.values_list("code", flat=True)) == {
        "buprenorphine",
        "methadone",
        "naltrexone",
    }


def test_every_hsds_object_has_its_own_uuid_distinct_from_wagtail_ids(org):
    service = factories.service(org, hours=[(0, "09:00", "17:00")])
    ids = {
        org.hsds_id,
        service.hsds_id,
        org.locations.get().hsds_id,
        org.phones.get().hsds_id,
        service.opening_hours.get().hsds_id,
        service.service_at_locations.get().hsds_id,
        service.categories.get().hsds_id,
        service.languages.get().hsds_id,
    }
    assert len(ids) == 8


def test_defunct_service_keeps_its_record_but_is_not_listed(org):
    factories.service(org, title="Closed for good", status=ServiceStatus.DEFUNCT)
    factories.service(org, title="Still open")
    assert ServicePage.objects.count() == 2
    assert list(ServicePage.objects.listed().values_list("title", flat=True)) == [
        "Still open"
    ]


def test_service_page_keeps_wagtails_url_and_has_a_website_field(org):
    service = factories.service(org, website="https://help.example.org/")
    assert service.url == "/find-help/riverton-recovery-center/walk-in-counseling/"
    assert service.website == "https://help.example.org/"


def test_service_pages_render(client, org):
    service = factories.service(org)
    for page in (service, org, org.get_parent()):
        response = client.get(page.url)
        assert response.status_code == 200
        assert page.title.encode() in response.content


class TestFilters:
    """Each public filter is one SQL condition and they combine by AND."""

    def test_free_filter_uses_the_is_free_flag(self, org):
        factories.service(org, title="Free one", is_free=True)
        factories.service(org, title="Paid one")
        assert titles(ServicePage.objects.free()) == {"Free one"}

    def test_age_filter_respects_both_bounds_and_open_ends(self, org):
        factories.service(org, title="Youth", minimum_age=14, maximum_age=24)
        factories.service(org, title="Adults", minimum_age=18)
        factories.service(org, title="Anyone")
        assert titles(ServicePage.objects.for_age(15)) == {"Youth", "Anyone"}
        assert titles(ServicePage.objects.for_age(30)) == {"Adults", "Anyone"}
        assert titles(ServicePage.objects.for_age(20)) == {"Youth", "Adults", "Anyone"}

    def test_category_filter_includes_subcategories(self, org):
        factories.service(org, title="Bup", categories=["buprenorphine"])
        factories.service(org, title="Rehab", categories=["residential-treatment"])
        factories.service(org, title="Jobs", categories=["job-placement"])
        substance_use = TaxonomyTerm.objects.get(code="substance-use")
        moud = TaxonomyTerm.objects.get(code="moud")
        assert titles(ServicePage.objects.in_category(substance_use)) == {
            "Bup",
            "Rehab",
        }
        assert titles(ServicePage.objects.in_category(moud)) == {"Bup"}

    def test_neighborhood_and_language_filters(self, org, neighborhood):
        factories.service(
            org, title="Here", neighborhoods=[neighborhood], languages=["es"]
        )
        factories.service(org, title="Elsewhere", languages=["en"])
        assert titles(ServicePage.objects.in_neighborhood(neighborhood)) == {"Here"}
        assert titles(ServicePage.objects.in_language("es")) == {"Here"}

    def test_filters_combine_by_and(self, org, neighborhood):
        factories.service(org, title="Both", is_free=True, neighborhoods=[neighborhood])
        factories.service(org, title="Free only", is_free=True)
        combined = ServicePage.objects.listed().free().in_neighborhood(neighborhood)
        assert titles(combined) == {"Both"}

    def test_unpublished_service_is_not_listed(self, org):
        factories.service(org, title="Draft", live=False)
        assert not ServicePage.objects.listed().exists()


class TestSearch:
    def test_keyword_search_finds_description_and_category(self, org):
        factories.service(org, title="Clinic A", categories=["buprenorphine"])
        factories.service(org, title="Pantry", categories=["food"], description="Food.")
        found = titles(ServicePage.objects.listed().search("buprenorphine"))
        assert found == {"Clinic A"}

    def test_search_finds_services_by_organization_name(self, directory):
        other = factories.organization(directory, title="Harbor Legal Aid")
        factories.service(other, title="Clinic B", description="Papers.")
        assert titles(ServicePage.objects.listed().search("Harbor")) == {"Clinic B"}

    def test_search_chains_after_the_filters(self, org):
        factories.service(org, title="Free counseling", is_free=True)
        factories.service(org, title="Paid counseling")
        found = ServicePage.objects.listed().free().search("counseling")
        assert titles(found) == {"Free counseling"}

    def test_defunct_service_leaves_the_search_index(self, org):
        service = factories.service(org, title="Warming center")
        assert titles(Page.objects.live().search("warming")) == {"Warming center"}
        service.status = ServiceStatus.DEFUNCT
        service.save_revision().publish()
        assert not Page.objects.live().search("warming")
        assert ServicePage.objects.filter(pk=service.pk).exists()


class TestCopy:
    def test_copied_service_gets_fresh_hsds_ids_for_itself_and_its_rows(self, org):
        service = factories.service(org, hours=[(0, "09:00", "17:00")])
        copy = service.copy(update_attrs={"slug": "copy", "title": "Copy"})
        copy = ServicePage.objects.get(pk=copy.pk)
        assert copy.hsds_id != service.hsds_id
        assert copy.opening_hours.get().hsds_id != service.opening_hours.get().hsds_id
        assert copy.categories.get().hsds_id != service.categories.get().hsds_id

    def test_copied_revision_publishes_without_reusing_the_originals_ids(self, org):
        from resources.services import pages_renew_hsds_ids

        service = factories.service(org, hours=[(0, "09:00", "17:00")])
        copy = service.copy(update_attrs={"slug": "copy", "title": "Copy"})
        pages_renew_hsds_ids(root=copy, source_root=service)
        copy = ServicePage.objects.get(pk=copy.pk)
        copy.get_latest_revision().publish()
        copy = ServicePage.objects.get(pk=copy.pk)
        assert copy.opening_hours.get().hsds_id != service.opening_hours.get().hsds_id


class TestServiceForm:
    def test_where_offers_only_the_organizations_own_locations(self, org, directory):
        other = factories.organization(directory, title="Harbor Legal Aid")
        service = factories.service(org)
        form_class = ServicePage.get_edit_handler().get_form_class()
        form = form_class(instance=service, parent_page=org, for_user=None)
        choices = form.formsets["service_at_locations"].empty_form.fields["location"]
        assert set(choices.queryset) == set(org.locations.all())
        assert not set(choices.queryset) & set(other.locations.all())


def titles(queryset):
    return {page.title for page in queryset}
