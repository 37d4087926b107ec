"""Writes of the confidential workspace. Each one is audited where it happens."""
