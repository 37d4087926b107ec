"""The printable list of chosen services, kept in the session, no JavaScript."""

import uuid

import pytest
from django.urls import reverse

from resources.models import RequiredDocument
from tests import factories

pytestmark = pytest.mark.django_db
ADD = reverse("directory:my_list_add")
LIST = reverse("directory:my_list")


def listed_titles(client):
    return [service.title for service in client.get(LIST).context["services"]]


def test_ticked_services_appear_on_the_print_page_with_what_to_bring(client, org):
    food = factories.service(
        org,
        title="Food pantry",
        application_process="Walk in with a bag.",
        hours=[(2, "10:00", "14:00")],
    )
    food.required_documents.add(RequiredDocument(document="Proof of address"))
    factories.publish(food)
    shelter = factories.service(org, title="Night shelter")
    factories.service(org, title="Not chosen")
    response = client.post(
        ADD, {"service": [str(food.hsds_id), str(shelter.hsds_id)], "next": "/x/"}
    )
    assert response.status_code == 302
    html = client.get(LIST).content.decode()
    for text in (
        "Food pantry",
        "Night shelter",
        "555-0100",
        "1 Main St, Riverton, CA 94000",
        "Wednesday: 10:00–14:00",
        "Walk in with a bag.",
        "Proof of address",
    ):
        assert text in html, text
    assert "Not chosen" not in html


def test_list_keeps_the_order_chosen_and_ignores_repeats(client, org):
    first = factories.service(org, title="Zebra help")
    second = factories.service(org, title="Aardvark help")
    client.post(ADD, {"service": str(first.hsds_id)})
    client.post(ADD, {"service": [str(second.hsds_id), str(first.hsds_id)]})
    assert listed_titles(client) == ["Zebra help", "Aardvark help"]


def test_remove_and_empty_the_list(client, org):
    one = factories.service(org, title="One")
    two = factories.service(org, title="Two")
    client.post(ADD, {"service": [str(one.hsds_id), str(two.hsds_id)]})
    client.post(reverse("directory:my_list_remove"), {"service": str(one.hsds_id)})
    assert listed_titles(client) == ["Two"]
    client.post(reverse("directory:my_list_clear"))
    assert listed_titles(client) == []
    assert "Your list is empty" in client.get(LIST).content.decode()


def test_tampered_unknown_and_defunct_ids_are_left_out(client, org):
    gone = factories.service(org, title="Gone", status="defunct")
    client.post(ADD, {"service": ["not-a-uuid", str(uuid.uuid4()), str(gone.hsds_id)]})
    assert client.get(LIST).status_code == 200
    assert listed_titles(client) == []


def test_add_redirects_only_to_this_site(client, org):
    service = factories.service(org, title="One")
    response = client.post(
        ADD, {"service": str(service.hsds_id), "next": "https://evil.example/"}
    )
    assert response["Location"] == LIST
    response = client.post(
        ADD, {"service": str(service.hsds_id), "next": "/directory/search/?q=food"}
    )
    assert response["Location"] == "/directory/search/?q=food"


def test_adding_needs_a_post_with_csrf(org):
    from django.test import Client

    service = factories.service(org, title="One")
    strict = Client(enforce_csrf_checks=True)
    assert strict.get(ADD, {"service": str(service.hsds_id)}).status_code == 405
    assert strict.post(ADD, {"service": str(service.hsds_id)}).status_code == 403


def test_results_mark_services_already_on_the_list(client, org):
    service = factories.service(org, title="Chosen one")
    client.post(ADD, {"service": str(service.hsds_id)})
    html = client.get(reverse("directory:search")).content.decode()
    assert "Chosen one is on my list" in html
    assert "My printable list (1 service)" in html
