"""The gold scorer through the real CLI: every fact type must stay at or above its recorded floor.

The floors live in score_floors.json, one F1 per fact type score.py prints, one key per article set.
The corpus is read at run time from shared/ beside the checkout and never copied into the repo."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from corpus_kit import SHARED

HERE = Path(__file__).resolve().parent
SCORER = SHARED / "eval" / "score.py"
FLOORS = json.loads((HERE / "score_floors.json").read_text())


def scores(articles: Path, gold: Path, tmp_path: Path) -> dict[str, float]:
    out = tmp_path / "scores.json"
    run = subprocess.run([sys.executable, str(SCORER), str(articles), str(gold), "--json", str(out)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, f"score.py failed:\n{run.stdout}\n{run.stderr}"
    return {fact: s["f1"] for fact, s in json.loads(out.read_text()).items()}


def below_floors(got: dict[str, float], floors: dict[str, float]) -> list[str]:
    return [f"{fact}: F1 {got[fact]:.3f} < floor {floor:.3f}" if fact in got else f"{fact}: not scored"
            for fact, floor in floors.items() if got.get(fact, -1.0) < floor]


@pytest.mark.skipif(not SCORER.is_file() or not (SHARED / "corpus" / "gold").is_dir(),
                    reason="shared/eval/score.py and shared/corpus are not beside this checkout")
def test_corpus_scores_hold_their_floors(tmp_path):
    got = scores(SHARED / "corpus" / "articles", SHARED / "corpus" / "gold", tmp_path)
    assert not below_floors(got, FLOORS["corpus"]), "\n".join(below_floors(got, FLOORS["corpus"]))
