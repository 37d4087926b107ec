"""Printable invitation letters from the host agency's own template.

The template is plain text with ``{{ placeholder }}`` slots, filled by a
tiny substitution of our own — never the Django template engine, so a
template cannot reach any object, setting or tag. An unknown placeholder is
refused when the template is saved, so a printed letter never shows one.
"""

from __future__ import annotations

import re

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agencies.models import AuditAction
from agencies.permissions import agency_of
from meetings.call_ins.base import (
    audit,
    clean_text,
    refuse_unless,
    require_invitee_access,
)
from meetings.models import InvitationLetterTemplate

PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
PLACEHOLDERS = {
    "name": gettext_lazy("the invited person's full name"),
    "date": gettext_lazy("the call-in's date"),
    "time": gettext_lazy("the call-in's start time"),
    "place": gettext_lazy("where it is held"),
    "host": gettext_lazy("the host agency's name"),
    "influentials": gettext_lazy("the people invited with them"),
}
DEFAULT_TEXT = gettext_lazy(
    "Dear {{ name }},\n\n"
    "You are invited to a meeting on {{ date }} at {{ time }}, at {{ place }}.\n"
    "People who care about you, the police, prosecutors and people from your\n"
    "neighborhood will be there. You are not being arrested. Help with work,\n"
    "treatment, housing and school will be offered.\n\n"
    "Please bring someone who supports you: {{ influentials }}.\n\n"
    "{{ host }}"
)


def placeholders_unknown(text: str) -> list[str]:
    return sorted({m for m in PLACEHOLDER.findall(text) if m not in PLACEHOLDERS})


@transaction.atomic
def invitation_letter_template_save(
    *, by, text, request=None
) -> InvitationLetterTemplate:
    """The staff of an agency edit its one template."""
    agency = agency_of(by)
    refuse_unless(agency is not None, _("Only agency staff can edit a letter."))
    text = clean_text(text, label=_("Letter"), max_length=10000)
    unknown = placeholders_unknown(text)
    refuse_unless(
        not unknown,
        _("Unknown placeholders: %(names)s. Use only: %(known)s.")
        % {
            "names": ", ".join(f"{{{{ {name} }}}}" for name in unknown),
            "known": ", ".join(f"{{{{ {name} }}}}" for name in PLACEHOLDERS),
        },
    )
    template, created = InvitationLetterTemplate.objects.update_or_create(
        agency=agency, defaults={"text": text, "updated_by": by}
    )
    audit(
        by=by,
        obj=template,
        event="letter_template_saved",
        action=AuditAction.RECORD_CREATED if created else AuditAction.RECORD_CHANGED,
        request=request,
    )
    return template


def letter_text_for(agency) -> str:
    template = InvitationLetterTemplate.objects.filter(agency=agency).first()
    return template.text if template is not None else str(DEFAULT_TEXT)


def fill(text: str, values: dict[str, str]) -> str:
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def invitation_letter_render(*, invitee, by, request=None) -> str:
    """The letter for one invitee, from the host's template; audited (it names them)."""
    require_invitee_access(by, invitee)
    call_in = invitee.call_in
    starts = timezone.localtime(call_in.starts_at)
    influentials = [i.name for i in invitee.influentials.all()]
    values = {
        "name": invitee.subject.full_name,
        "date": formats.date_format(starts, "DATE_FORMAT"),
        "time": formats.time_format(starts, "TIME_FORMAT"),
        "place": call_in.location,
        "host": call_in.host_agency.name,
        "influentials": ", ".join(influentials) or _("a family member or friend"),
    }
    text = fill(letter_text_for(call_in.host_agency), values)
    audit(
        by=by,
        obj=invitee,
        event="invitation_letter",
        action=AuditAction.RECORD_VIEWED,
        request=request,
        call_in_id=call_in.pk,
    )
    return text
