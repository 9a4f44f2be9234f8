"""What encoding statutes of States lexdraft had never seen showed (Canada, England and Wales, Germany, encoded from
docs/language.md alone): each check here is a small synthetic draft of the shape such a statute has, not its text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cli_run import run

HERE = Path(__file__).resolve().parent
NZ = HERE / "packs" / "nz"

pytestmark = pytest.mark.usefixtures("bundled_only")

# An offence of possessing material of persons of one age band only (14 to 17, or under 13, as some codes draw it).
BAND = '''provision nz.hdca.9{band_id} {{
  jurisdiction nz
  status       in-force
  title        en "Possessing material of persons of one age band"
  actors       natural-person
  mental       intent
  conduct      possess
  object       csam {{
    depicts    sexual-activity | presence-at-sexual-activity | sexual-parts-for-sexual-purpose | sexual-torture
    person     {band}
  }}
  prosecution  public
  penalty
    base imprisonment <= 2 years
}}
'''


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A drafts repository whose own New Zealand pack adds an age band its statutes use."""
    shutil.copytree(NZ, tmp_path / "packs" / "nz")
    with (tmp_path / "packs" / "nz" / "vocabulary.yaml").open("a", encoding="utf-8") as f:
        f.write("object-attributes:\n  person:\n"
                "    child-under-13: {zh: 不满十三周岁的儿童, en: a child under 13 years of age, ages: [0, 13]}\n")
    (tmp_path / "lexdraft.toml").write_text('packs = ["packs"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_pack_adds_an_age_band_the_checker_reads(office: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (office / "drafts" / "band.lexd").write_text(BAND.format(band_id="0", band="child-under-13"), encoding="utf-8")
    code, out, err = run(capsys, "check", "drafts", "--against", "uncc.14")
    assert code == 1, err
    assert "The object reaches persons under 13 only; the article concerns every person under 18." in out


def test_the_base_vocabulary_has_the_band_of_fourteen_to_seventeen(office: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    (office / "drafts" / "band.lexd").write_text(BAND.format(band_id="1", band="minor-aged-14-to-17"),
                                                 encoding="utf-8")
    code, out, err = run(capsys, "check", "drafts", "--against", "uncc.14")
    assert code == 1, err
    assert "The object reaches persons aged 14 to 17 only" in out
