"""The real URLs plus a signed-in page with a form marked to survive a time-out.

Stands in for the workspace's forms (case notes and the like) until they exist.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template import engines
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns

PAGE = engines["django"].from_string(
    '{% extends "base.html" %}{% block title %}Case note{% endblock %}'
    "{% block content %}<h1>Case note</h1>"
    '<form method="post" id="note-form" data-session-keep>{% csrf_token %}'
    '<label class="usa-label" for="note">Note</label>'
    '<textarea class="usa-textarea" id="note" name="note"></textarea>'
    '<label class="usa-label" for="pin">PIN</label>'
    '<input class="usa-input" type="password" id="pin" name="pin">'
    '<button class="usa-button" type="submit">Save</button></form>'
    "{% endblock %}"
)


@login_required
def note_form(request):
    return HttpResponse(PAGE.render({}, request))


urlpatterns = [path("note-form/", note_form), *portal_urlpatterns]
