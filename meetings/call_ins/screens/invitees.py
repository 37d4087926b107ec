"""Call-in screens: invitees (see the package docstring)."""

urlpatterns = []
