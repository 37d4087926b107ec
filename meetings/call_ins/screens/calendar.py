"""Call-in screens: calendar (see the package docstring)."""

urlpatterns = []
