"""Providers edit their own organization's listings and nothing else.

Checked twice: with Wagtail's permission API, which every admin view asks,
and through the admin views themselves, signed in with password and TOTP.
"""

import pytest
from wagtail.models import Page

from resources.choices import DIRECTORY_WORKFLOW_NAME
from resources.models import ServicePage, TaxonomyTerm
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_org(org):
    return org


@pytest.fixture
def own_service(own_org):
    return factories.service(own_org, title="Peer recovery coaching")


@pytest.fixture
def other_service(other_org):
    return factories.service(other_org, title="Record clearing clinic")


def perms(page, user):
    return page.permissions_for_user(user)


class TestPermissionApi:
    def test_provider_can_edit_and_add_within_own_organization(
        self, provider, own_org, own_service
    ):
        assert perms(own_org, provider).can_edit()
        assert perms(own_service, provider).can_edit()
        assert perms(own_org, provider).can_add_subpage()

    def test_provider_cannot_publish_even_own_pages(self, provider, own_service):
        assert not perms(own_service, provider).can_publish()
        assert not perms(own_service, provider).can_unpublish()

    def test_provider_cannot_touch_another_providers_pages(
        self, provider, other_org, other_service
    ):
        for page in (other_org, other_service):
            tester = perms(page, provider)
            assert not tester.can_edit()
            assert not tester.can_delete()
            assert not tester.can_publish()
            assert not tester.can_unpublish()
            assert not tester.can_move()
            assert not tester.can_lock()
            assert not tester.can_add_subpage()

    def test_provider_cannot_move_own_service_to_another_organization(
        self, provider, own_service, other_org
    ):
        assert not perms(own_service, provider).can_move_to(other_org)

    def test_provider_cannot_edit_the_directory_or_home(self, provider, directory):
        assert not perms(directory, provider).can_edit()
        assert not perms(directory, provider).can_add_subpage()
        assert not perms(directory.get_parent(), provider).can_edit()

    def test_provider_cannot_delete_a_published_service(self, provider, own_service):
        assert not perms(own_service, provider).can_delete()

    def test_provider_may_read_but_not_change_the_categories(self, provider):
        assert provider.has_perm("resources.view_taxonomyterm")
        for action in ("add", "change", "delete"):
            assert not provider.has_perm(f"resources.{action}_taxonomyterm")
            assert not provider.has_perm(f"resources.{action}_taxonomy")
            assert not provider.has_perm(f"resources.{action}_language")

    def test_each_organization_has_its_own_group(self, own_org, other_org):
        assert own_org.provider_group != other_org.provider_group


class TestWorkflow:
    def test_directory_pages_go_through_directory_review(self, own_service):
        assert own_service.get_workflow().name == DIRECTORY_WORKFLOW_NAME

    def test_provider_submits_and_a_directory_editor_approves(
        self, provider, own_service
    ):
        editor = factories.directory_editor("dora")
        own_service.title = "Peer recovery coaching (evenings too)"
        revision = own_service.save_revision(user=provider)
        workflow_state = own_service.get_workflow().start(own_service, provider)
        assert workflow_state.status == "in_progress"
        own_service.refresh_from_db()
        assert own_service.title == "Peer recovery coaching"  # not live yet

        task_state = workflow_state.current_task_state
        actions = [
            name
            for name, *_ in task_state.task.specific.get_actions(own_service, editor)
        ]
        assert "approve" in actions
        assert task_state.task.specific.get_actions(own_service, provider) == []
        task_state.task.specific.on_action(task_state, editor, "approve")

        own_service.refresh_from_db()
        assert own_service.live_revision_id == revision.pk
        assert own_service.title == "Peer recovery coaching (evenings too)"

    def test_another_provider_cannot_approve(self, own_service, other_org):
        stranger = factories.provider_user(other_org, "bob")
        workflow_state = own_service.get_workflow().start(own_service, stranger)
        task = workflow_state.current_task_state.task.specific
        assert task.get_actions(own_service, stranger) == []


class TestAdminViews:
    def test_provider_opens_own_service_in_the_editor(
        self, provider_client, own_service
    ):
        response = provider_client.get(f"/admin/pages/{own_service.pk}/edit/")
        assert response.status_code == 200

    @pytest.mark.parametrize(
        "view", ["edit", "delete", "move", "copy", "unpublish", "history"]
    )
    def test_provider_is_refused_every_view_of_another_providers_service(
        self, provider_client, other_service, view
    ):
        response = provider_client.get(f"/admin/pages/{other_service.pk}/{view}/")
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert f"/pages/{other_service.pk}/" not in response["Location"]

    def test_posting_an_edit_to_another_providers_service_changes_nothing(
        self, provider_client, other_service
    ):
        revisions = other_service.revisions.count()
        provider_client.post(
            f"/admin/pages/{other_service.pk}/edit/",
            {"title": "Hijacked", "slug": "hijacked", "action-submit": "1"},
        )
        other_service.refresh_from_db()
        assert other_service.title == "Record clearing clinic"
        assert other_service.revisions.count() == revisions
        assert not other_service.workflow_in_progress

    def test_posting_a_lock_on_another_providers_service_does_not_lock_it(
        self, provider_client, other_service
    ):
        provider_client.post(f"/admin/pages/{other_service.pk}/lock/")
        other_service.refresh_from_db()
        assert not other_service.locked

    def test_posting_a_delete_of_another_providers_service_keeps_it(
        self, provider_client, other_service
    ):
        provider_client.post(f"/admin/pages/{other_service.pk}/delete/")
        assert ServicePage.objects.filter(pk=other_service.pk).exists()

    def test_provider_cannot_add_a_service_under_another_organization(
        self, provider_client, other_org
    ):
        url = f"/admin/pages/add/resources/servicepage/{other_org.pk}/"
        response = provider_client.post(url, {"title": "Sneaky", "slug": "sneaky"})
        assert response.status_code in (302, 403)
        assert not ServicePage.objects.filter(title="Sneaky").exists()

    def test_provider_cannot_move_own_service_under_another_organization(
        self, provider_client, own_service, other_org
    ):
        url = f"/admin/pages/{own_service.pk}/move/{other_org.pk}/confirm/"
        provider_client.post(url)
        own_service.refresh_from_db()
        assert Page.objects.get(pk=own_service.pk).get_parent().pk != other_org.pk

    def test_explorer_of_another_organization_is_not_offered(
        self, provider_client, other_org
    ):
        response = provider_client.get(f"/admin/pages/{other_org.pk}/")
        assert response.status_code in (302, 403, 404) or (
            b"Record clearing clinic" not in response.content
        )

    def test_provider_cannot_edit_or_delete_a_category(self, provider_client):
        term = TaxonomyTerm.objects.get(code="housing")
        base = "/admin/snippets/resources/taxonomyterm"
        assert provider_client.get(f"{base}/edit/{term.pk}/").status_code in (302, 403)
        assert provider_client.get(f"{base}/add/").status_code in (302, 403)
        provider_client.post(f"{base}/edit/{term.pk}/", {"name": "Changed"})
        provider_client.post(f"{base}/delete/{term.pk}/")
        term.refresh_from_db()
        assert term.name == "Housing"

    def test_provider_can_list_categories_to_choose_them(self, provider_client):
        response = provider_client.get("/admin/snippets/choose/resources/taxonomyterm/")
        assert response.status_code == 200
