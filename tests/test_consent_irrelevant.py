"""Art. 16(4): an Art. 14 offence whose statute says consent is irrelevant (`consent irrelevant`, the Philippines'
RA 11930 s. 5: consent "is not material or relevant and shall not be a defense") is one that reaches the
dissemination whatever the consent, as one with no consent element is, and the reviewer's question names it."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_run import run

pytestmark = pytest.mark.usefixtures("bundled_only")
PH = Path(__file__).resolve().parents[1] / "drafts" / "ph" / "in-force"


def test_an_offence_saying_consent_is_irrelevant_is_named_under_16_4(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, err = run(capsys, "check", str(PH), "--against", "uncc.16", "--no-cache")
    section = out.split("uncc.16.4")[1].split("uncc.16.5")[0]
    assert "whatever the consent (in the set: ph.ra-11930.4, which the consent of the person depicted does not " \
           "take outside the offence)" in section, section or err
