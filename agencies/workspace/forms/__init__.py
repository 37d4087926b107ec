"""Forms of the workspace screens, one module per screen owner."""
