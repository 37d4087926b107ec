"""Administration of agencies and memberships in the Wagtail admin (superusers only).

Who works for which agency decides what they see, so only administrators
(superusers) manage it, and every write goes through the audited services:
``agency_create`` (which gives the agency its own group), ``agency_update``,
``membership_set`` and ``membership_end`` (each a ``membership_changed``
entry). Nobody may grant these screens through Wagtail group permissions:
the viewsets register no permissions and their policy asks only
``is_superuser``.

Agencies are not confidential records, and nothing here shows markets,
subjects, cases or notes. Agencies are never deleted from here: they own
records and the log names them; memberships are ended, not edited away.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies.base import BasePermissionPolicy

from agencies.models import Agency, Membership
from agencies.permissions import AUDITORS_GROUP
from agencies.services.memberships import (
    agency_create,
    agency_update,
    membership_end,
    membership_set,
)


class SuperuserPermissionPolicy(BasePermissionPolicy):
    """Active superusers may do ``actions``; nobody else may do anything."""

    def __init__(self, model, actions):
        super().__init__(model)
        self.actions = frozenset(actions)

    def user_has_permission(self, user, action):
        return bool(
            user.is_authenticated
            and user.is_active
            and user.is_superuser
            and action in self.actions
        )

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        User = get_user_model()
        if not self.actions.intersection(actions):
            return User.objects.none()
        return User.objects.filter(is_active=True, is_superuser=True)


DROPPED_VIEWS = {"usage", "history", "history_results"}


class SuperuserViewSet(ModelViewSet):
    """A model viewset only superusers see; no copy, usage, history or index.

    The audit log is the history of these changes: Wagtail's own log entries
    are not written for the agencies app (tests/security checks that none
    exist), so its history and usage screens would only ever be empty.
    """

    allowed_actions = ("add", "change")
    add_to_reference_index = False
    copy_view_enabled = False

    @property
    def permission_policy(self):
        return SuperuserPermissionPolicy(self.model, self.allowed_actions)

    def get_permissions_to_register(self):
        # Group permissions must never open these screens to anyone else.
        return Permission.objects.none()

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{**kwargs, "usage_url_name": None, "history_url_name": None}
        )

    def get_urlpatterns(self):
        return [
            pattern
            for pattern in super().get_urlpatterns()
            if pattern.name not in DROPPED_VIEWS
        ]


# --- agencies ----------------------------------------------------------------


class AgencyForm(forms.ModelForm):
    class Meta:
        model = Agency
        fields = ["name", "kind", "jurisdiction"]

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        group_name = f"Agency: {name}"[:150]
        others = Group.objects.filter(name=group_name)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.group_id)
        if others.exists():
            raise forms.ValidationError(
                _(
                    "A group named “%(group)s” already exists; "
                    "rename or remove it first."
                ),
                params={"group": group_name},
            )
        return name


class AgencyCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        agency = agency_create(
            name=data["name"],
            kind=data["kind"],
            jurisdiction=data["jurisdiction"],
            by=self.request.user,
            request=self.request,
        )
        return agency


class AgencyEditView(generic.EditView):
    def save_instance(self):
        data = self.form.cleaned_data
        agency = agency_update(
            agency=self.object,
            name=data["name"],
            kind=data["kind"],
            jurisdiction=data["jurisdiction"],
            by=self.request.user,
            request=self.request,
        )
        self.has_content_changes = self.form.has_changed()
        return agency


class AgencyViewSet(SuperuserViewSet):
    model = Agency
    form_class = AgencyForm
    add_view_class = AgencyCreateView
    edit_view_class = AgencyEditView
    icon = "group"
    menu_order = 100
    list_display = ["name", "kind", "jurisdiction"]
    list_filter = ["kind"]
    search_fields = ["name", "jurisdiction"]

    def get_form_class(self, for_update=False):
        return AgencyForm


# --- memberships ----------------------------------------------------------------


class MembershipForm(forms.ModelForm):
    """Who joins which agency, and as what; the user is typed by username."""

    user = forms.ModelChoiceField(
        label=_("User (username)"),
        queryset=get_user_model().objects.all(),
        to_field_name="username",
        widget=forms.TextInput,
        error_messages={"invalid_choice": _("No account has this username.")},
    )

    class Meta:
        model = Membership
        fields = ["user", "agency", "role"]

    def clean_user(self):
        user = self.cleaned_data["user"]
        if not user.is_active:
            raise forms.ValidationError(_("This account is disabled."))
        if user.groups.filter(name=AUDITORS_GROUP).exists():
            raise forms.ValidationError(
                _(
                    "Auditors read the audit log and nothing confidential; "
                    "they cannot join an agency."
                )
            )
        current = Membership.objects.select_related("agency").filter(user=user).first()
        if current is not None:
            raise forms.ValidationError(
                _(
                    "This person already works for %(agency)s; "
                    "edit that membership to move them."
                ),
                params={"agency": current.agency},
            )
        return user

    def validate_unique(self):
        # clean_user says it in words; the model check would repeat it.
        pass


class MembershipEditForm(forms.ModelForm):
    """Move someone to another agency or change their role; the person stays."""

    class Meta:
        model = Membership
        fields = ["agency", "role"]


class MembershipCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        membership = membership_set(
            user=data["user"],
            agency=data["agency"],
            role=data["role"],
            by=self.request.user,
            request=self.request,
        )
        return membership


class MembershipEditView(generic.EditView):
    def save_instance(self):
        data = self.form.cleaned_data
        membership = membership_set(
            user=self.object.user,
            agency=data["agency"],
            role=data["role"],
            by=self.request.user,
            request=self.request,
        )
        self.has_content_changes = self.form.has_changed()
        return membership


class MembershipDeleteView(generic.DeleteView):
    page_title = _("End membership")
    success_message = _("Membership of %(object)s ended.")

    @property
    def confirmation_message(self):
        return gettext(
            "End this membership? %(user)s loses access to everything shared with "
            "%(agency)s at once."
        ) % {"user": self.object.user, "agency": self.object.agency}

    def delete_action(self):
        membership_end(
            membership=self.object, by=self.request.user, request=self.request
        )


class MembershipIndexView(generic.IndexView):
    # One query for a page of people and their agencies, whatever its size.
    queryset = Membership.objects.select_related("user", "agency")


class MembershipViewSet(SuperuserViewSet):
    model = Membership
    index_view_class = MembershipIndexView
    allowed_actions = ("add", "change", "delete")
    add_view_class = MembershipCreateView
    edit_view_class = MembershipEditView
    delete_view_class = MembershipDeleteView
    icon = "user"
    menu_order = 200
    list_display = ["user", "agency", "role", "since"]
    list_filter = ["agency", "role"]
    search_fields = ["user__username", "agency__name"]

    def get_form_class(self, for_update=False):
        return MembershipEditForm if for_update else MembershipForm


class AgencyAdminGroup(ModelViewSetGroup):
    menu_label = _("Agencies")
    menu_icon = "group"
    menu_order = 250
    items = (AgencyViewSet("agencies"), MembershipViewSet("memberships"))
