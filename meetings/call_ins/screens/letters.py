"""Call-in screens: letters (see the package docstring)."""

urlpatterns = []
