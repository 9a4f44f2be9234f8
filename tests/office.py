"""LibreOffice and pdftotext for the tests that print Word documents to PDF. Where they are missing the test skips
with the reason, except under CI (.ci/run sets LEXDRAFT_CI=1, having installed them where it may): there a missing
tool fails the test, so that CI never passes with the printing check silently left out."""

from __future__ import annotations

import os
import shutil

import pytest

CI = "LEXDRAFT_CI"
MISSING = ("LibreOffice or pdftotext is not installed (Debian: apt-get install libreoffice-writer-nogui "
           "poppler-utils fonts-noto-cjk; .ci/run installs them where it may)")


def soffice() -> str:
    """The LibreOffice command, pdftotext beside it; else a skip, or under CI a failure."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None or shutil.which("pdftotext") is None:
        if os.environ.get(CI):
            pytest.fail(f"{MISSING}: under CI ({CI} is set) the PDF check must run", pytrace=False)
        pytest.skip(MISSING)
    return found
