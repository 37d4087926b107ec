from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    """Public community meetings now; confidential joint call-ins later."""

    name = "meetings"
    verbose_name = "Meetings"
