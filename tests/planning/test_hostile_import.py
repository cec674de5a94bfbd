"""Hostile input to the statistics import (a CSV upload), in the manner of
tests/trust/test_hostile.py and with its strategies: never a 500, nothing shown
back unescaped, a refused file changes nothing saved."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given

from tests.trust.test_hostile import HYPOTHESIS, _assert_escaped, hostile, snapshot

HEADER = "stadsdel;år;indikator;värde;enhet;källa\n"
SHAPES = {
    # Every cell hostile: refused (or, rarely, a value that happens to be valid).
    "every_cell": lambda t: HEADER + f"{t};{t};{t};{t};{t};{t}\n",
    # A good line with hostile texts: imported when they fit, refused when not.
    "texts_of_a_good_line": lambda t: HEADER + f"Alby;2025;{t};12,5;{t};{t}\n",
}


@pytest.mark.django_db
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_hostile_statistics_file_never_500_never_executed_refusal_changes_nothing(
    shape, client, reader, alby_analysis
):
    reader.user_permissions.add(Permission.objects.get(codename="manage_cycle"))
    client.force_login(reader)
    url = reverse("planning:statistics_import")

    @HYPOTHESIS
    @given(text=hostile)
    def run(text):
        before = snapshot()
        upload = SimpleUploadedFile(f"{text[:50]}.csv", SHAPES[shape](text).encode(), "text/csv")
        response = client.post(url, {"file": upload})
        assert response.status_code < 500
        if response.status_code == 302:
            for page in (response["Location"], alby_analysis.get_absolute_url()):
                shown = client.get(page)
                assert shown.status_code < 500
                _assert_escaped(shown.content.decode(), page)
        else:
            _assert_escaped(response.content.decode(), url)
            assert snapshot() == before, "a refused file changed saved data"

    run()
