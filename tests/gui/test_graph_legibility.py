"""No graph text under its floor: 12 px at 1280x800, 24 px presenter, 32 px presenter at 1080.

Each case runs ``graph_legibility_probe.py`` in its own process on an offscreen
screen of that size (Qt fixes the screen at start-up), for every kind, flow and
usage, in English and Japanese, with and without "Show every flow". Sizes are
font metrics times the item's transform onto the screen (the view's zoom
included), so a picture scaled down to fit would fail here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("graph_legibility_probe.py")

CASES = {
    "1280x800-normal": (1280, 800, False, 12.0),
    "1280x800-presenter": (1280, 800, True, 24.0),
    "1920x1080-presenter": (1920, 1080, True, 32.0),
}


def run_probe(tmp_path: Path, width: int, height: int, presenter: bool) -> dict:
    screens = tmp_path / "screens.json"
    screens.write_text(
        json.dumps(
            {
                "synchronousWindowSystemEvents": True,
                "windowFrameMargins": False,
                "screens": [
                    {
                        "name": "probe",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ],
            }
        )
    )
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screens}")
    args = [sys.executable, str(PROBE), "--width", str(width), "--height", str(height)]
    if presenter:
        args.append("--presenter")
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_graph_text_meets_its_floor(tmp_path: Path, case: str) -> None:
    width, height, presenter, floor = CASES[case]
    report = run_probe(tmp_path, width, height, presenter)
    assert report["screen"] == [width, height]
    assert report["objects"] >= 20  # every source type and usage, tokens, charges, walks
    assert set(report["runs"]) == {"en-own", "en-every", "ja-own", "ja-every"}
    for name, run in report["runs"].items():
        assert run["floor"] >= floor, name
        assert run["checked"] > 300, name  # every node, label, badge, title was read
        # PaymentIntents (fresh, requires_action, succeeded after 3DS, requires_capture...),
        # SetupIntents and a PaymentMethod, drawn focused unless every flow is shown
        focused = run.get("focused", 0)
        assert focused == 0 if name.endswith("every") else focused >= 7, (name, focused)
        assert not run["failures"], (name, run["failures"][:10])
        assert run["min_em"] >= floor and run["min_cap"] >= floor * 0.75, (name, run)
        if name.startswith("ja"):
            assert run["min_cjk"] >= floor * 0.75, (name, run)  # CJK glyphs are measured
    smallest = min(r["min_em"] for r in report["runs"].values())
    print(f"{case}: smallest graph text {smallest:.1f} px (floor {floor})")
