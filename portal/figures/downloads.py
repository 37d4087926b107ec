from django.http import Http404


def figures_csv_response(neighborhood):
    raise Http404
