"""Placeholder until the figures work lands: no panels."""


def figure_panels_for(neighborhood):
    return []
