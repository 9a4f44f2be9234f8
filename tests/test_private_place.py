"""An intimate-image offence whose image must have been made in a private place narrows Art. 16(2), which asks only
that the image was private when recorded, wherever that was (an image of intimate parts taken covertly in a public
place may be); a structured summary of a provision encoded from recollection says so above its text, in every
drafting style (final legal read: France's art. 226-2 as recalled, a lieu privé, its English summary unmarked)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_run import run

pytestmark = pytest.mark.usefixtures("bundled_only")

DRAFT = '''provision nz.hdca.93 {{
  jurisdiction nz
  status       in-force
  title        en "Disclosing an intimate image"
  source       "a recollection of the section, for this test"
  provenance   {provenance}
  actors       natural-person
  mental       intent
  conduct      share
  object       intimate-image {{
    depicts sexual-activity | exposed-sexual-organs
    person  any-person
    place   {place}
  }}
  consent      absent
  prosecution  public
  penalty
    base imprisonment <= 2 years
}}
'''
SAID = "The image must have been made in a private place"


def _draft(tmp_path: Path, place: str, provenance: str = "v-secondary") -> str:
    path = tmp_path / "d.lexd"
    path.write_text(DRAFT.format(place=place, provenance=provenance), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("place", "said"), [("private-place", True), ("private-place | dwelling", True),
                                             ("private-place | public-place", False)])
def test_a_private_place_limit_narrows_the_definition(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                      place: str, said: bool) -> None:
    packs = str(Path(__file__).parent / "packs")
    _, out, err = run(capsys, "check", _draft(tmp_path, place), "--pack", packs, "--against", "uncc.16", "--no-cache")
    assert "uncc.16.2" in out, err
    section = out.split("uncc.16.2")[1].split("uncc.16.3")[0]
    assert (SAID in section) == said, section
    if said:
        assert "[16(2), obligatory]  partly-met" in out or "[16(2), obligatory]  not-met" in out, section


def test_a_summary_from_recollection_says_so_above_its_text(capsys: pytest.CaptureFixture[str],
                                                            tmp_path: Path) -> None:
    packs = str(Path(__file__).parent / "packs")
    code, out, err = run(capsys, "render", _draft(tmp_path, "private-place", "r-memory"), "--pack", packs,
                         "--lang", "en", "--no-cache")
    assert code == 0, err
    lines = out.splitlines()
    assert "(structured summary)" in lines[0]
    rests = next(i for i, line in enumerate(lines) if line.startswith("This entry rests in whole or in part on a "
                                                                     "recollection"))
    assert rests < next(i for i, line in enumerate(lines) if line.startswith("(1) "))
