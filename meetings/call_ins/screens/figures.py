"""Call-in screens: figures (see the package docstring)."""

urlpatterns = []
