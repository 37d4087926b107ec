"""Permission-aware reads for the workspace screens; each asks agencies.permissions."""
