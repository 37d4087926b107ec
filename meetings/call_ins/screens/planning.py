"""Call-in screens: planning (see the package docstring)."""

urlpatterns = []
