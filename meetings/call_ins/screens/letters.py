"""Call-in screens: invitation letters (the agency's template, one letter per invitee).

* The letter template belongs to the signed-in person's agency (the host
  uses its own when it hosts); any of its staff edit it. Placeholders are
  the ones ``meetings.call_ins.letters`` fills; an unknown one is refused
  with the list of those allowed, and nothing is saved.
* The printable letter names the person: only participants whose agency may
  see them get it (404 otherwise), and it is audited as a read by
  ``letters.invitation_letter_render``. The page prints clean: no
  navigation, no banner, just the letter.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.services.records import WorkspaceError
from agencies.workspace.access import audit_read, workspace_view
from meetings.call_ins import letters
from meetings.call_ins.screens.forms_invitees import LetterTemplateForm
from meetings.call_ins.screens.invitees import call_in_url, invitee_for
from meetings.models import InvitationLetterTemplate


@workspace_view
def letter_template(request):
    """The agency's letter: edit it, with the placeholders it may use."""
    saved = InvitationLetterTemplate.objects.filter(agency=request.agency).first()
    initial = {"text": saved.text if saved else str(letters.DEFAULT_TEXT)}
    form = LetterTemplateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            letters.invitation_letter_template_save(
                by=request.user, text=form.cleaned_data["text"], request=request
            )
        except WorkspaceError as error:
            form.add_error("text", str(error))
        else:
            messages.success(request, _("Letter saved."))
            return redirect("call_ins:letter_template")
    audit_read(request, saved, view="letter_template")
    return render(
        request,
        "meetings/call_ins/letters/template.html",
        {
            "form": form,
            "saved": saved,
            "placeholders": [
                (f"{{{{ {name} }}}}", meaning)
                for name, meaning in letters.PLACEHOLDERS.items()
            ],
        },
    )


@workspace_view
def letter(request, pk):
    """One invitee's letter, ready to print; audited by the service."""
    invitee = invitee_for(request, pk)
    text = letters.invitation_letter_render(
        invitee=invitee, by=request.user, request=request
    )
    return render(
        request,
        "meetings/call_ins/letters/letter.html",
        {
            "invitee": invitee,
            "call_in": invitee.call_in,
            "call_in_url": call_in_url(invitee.call_in),
            "text": text,
            "printed_at": timezone.now(),
        },
    )


urlpatterns = [
    path("letter-template/", letter_template, name="letter_template"),
    path("invitees/<int:pk>/letter/", letter, name="letter"),
]
