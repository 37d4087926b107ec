""" "Report an error" on a service: the form, and storing + mailing a report.

Kept out of ``services.py`` so the public-pages code stays in modules of its
own; ``error_report_create`` is the one write.
"""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resources.choices import DIRECTORY_EDITORS_GROUP
from resources.models import ErrorReport


class ErrorReportForm(forms.ModelForm):
    """Name and email optional; a hidden "website" field catches bots."""

    website = forms.CharField(
        required=False,
        label=gettext_lazy("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = ErrorReport
        fields = ["message", "name", "email"]
        labels = {
            "message": gettext_lazy("What is wrong or out of date?"),
            "name": gettext_lazy("Your name (optional)"),
            "email": gettext_lazy("Your email (optional)"),
        }
        help_texts = {
            "message": gettext_lazy(
                "For example: the phone number has changed, it is closed on Fridays."
            ),
            "email": gettext_lazy("Only if you would like us to reply."),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}

    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def cleaned_data_for_report(self) -> dict:
        return {field: self.cleaned_data[field] for field in self.Meta.fields}


def directory_editor_emails() -> list[str]:
    """Active members of "Directory editors", else settings.EDITORS_EMAIL."""
    emails = (
        get_user_model()
        .objects.filter(groups__name=DIRECTORY_EDITORS_GROUP, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    return sorted(set(emails)) or [settings.EDITORS_EMAIL]


@transaction.atomic
def error_report_create(*, service, name="", email="", message, page_url=""):
    """Store the report and mail the directory editors (after the commit)."""
    report = ErrorReport.objects.create(
        service=service, name=name, email=email, message=message
    )
    body = render_to_string(
        "resources/email/error_report.txt",
        {"report": report, "service": service, "page_url": page_url},
    )
    subject = _("Directory: error reported on “%(title)s”") % {"title": service.title}
    recipients = directory_editor_emails()
    mail = EmailMessage(
        subject, body, to=recipients, reply_to=[email] if email else None
    )
    transaction.on_commit(mail.send)
    return report
