"""The statistics office's area codes (RegSO/DeSO) and the district each lies in.

Reference data, not demo data: ``load_structure`` (omradesutveckling.structure, also run in
production by ``manage.py load_structure``) loads ``data/area_codes.csv`` so
that a statistics file keyed by area code imports anywhere.

The key follows the shape of SCB's codes: the municipality 0127, RegSO
``0127R001`` … and DeSO ``0127A0010`` / ``0127B1090`` / ``0127C1010`` (municipality,
category A/B/C, a three-digit running number, a reserve digit). The list must
be checked against SCB's published key (RegSO and DeSO for Botkyrka, with
the DeSO → RegSO table) before real statistics are imported: the codes and the
district of each were drawn up from the districts' extent, not copied from
SCB's files. A code that is wrong here sends a figure to the wrong district.

Idempotent: a code that exists is left as it is (an administrator may have
corrected it in the admin).
"""

import csv
from pathlib import Path

from simple_history.utils import bulk_create_with_history

from areas.models import District
from planning.models import AreaCode

KEY_FILE = Path(__file__).parent / "data" / "area_codes.csv"


def load_structure(out=None) -> int:
    """Create the area codes that are missing; returns how many were created."""
    with KEY_FILE.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    existing = set(AreaCode.objects.values_list("code", flat=True))
    districts = {d.slug: d for d in District.objects.all()}
    missing = [
        AreaCode(code=row["områdeskod"].strip(), kind=row["typ"].strip(), name=row["namn"].strip(),
                 district=districts[row["stadsdel"].strip()] if row["stadsdel"].strip() else None)
        for row in rows if row["områdeskod"].strip() not in existing
    ]
    # Every test's structure loads these: two queries instead of two per code. The
    # history rows are written too (bulk_create_with_history), so the audit is whole.
    bulk_create_with_history(missing, AreaCode)
    return len(missing)
