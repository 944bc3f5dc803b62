"""Exports: PNG, SVG (parsed with ElementTree) and Mermaid, from the view and `export-graph`."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from core.graph.model import GraphModel
from core.graph.text_size import wrap_label
from core.lifecycle.tables import TABLES, graph_for
from gui.graph import StateGraphView
from gui.graph.cli import main as export_graph
from gui.sandbox_host import SandboxHost

ROOT = Path(__file__).resolve().parents[2]
TABLE_KEYS = sorted(TABLES)
SVG = "{http://www.w3.org/2000/svg}"


def svg_texts(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    return ["".join(e.itertext()) for e in root.iter(f"{SVG}text")]


def assert_svg_draws(model: GraphModel, path: Path) -> None:
    texts = svg_texts(path)
    joined = "\n".join(texts)
    for node in model.nodes:
        for line in wrap_label(node.label, 16).split("\n"):
            assert line in texts, (node.id, line)
    for edge in model.edges:
        for line in wrap_label(edge.label).split("\n"):
            assert line in joined, (edge.id, line)
    root = ET.parse(path).getroot()
    assert len(list(root.iter(f"{SVG}path"))) >= len(model.edges)


def assert_png(path: Path, min_w: int = 400) -> None:
    image = QImage(str(path))
    assert not image.isNull()
    assert image.width() >= min_w and image.height() >= 150
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 9) for y in range(0, image.height(), 9)
    }
    assert len(colours) > 10  # a drawing, not a blank page


def flow_args(key: tuple[str, str]) -> list[str]:
    kind, variant = key
    return ["--kind", kind] + (["--flow", variant] if variant else [])


@pytest.mark.parametrize("key", TABLE_KEYS, ids=lambda k: "-".join(x for x in k if x))
def test_export_graph_svg_png_mermaid_for_every_table(
    qtbot: Any, tmp_path: Path, key: tuple[str, str]
) -> None:
    model = graph_for(*key)
    svg, png, mmd = tmp_path / "g.svg", tmp_path / "g.png", tmp_path / "g.mmd"
    assert export_graph([*flow_args(key), "--format", "svg", str(svg)]) == 0
    assert export_graph([*flow_args(key), "--format", "png", str(png)]) == 0
    assert export_graph([*flow_args(key), "--format", "mermaid", str(mmd)]) == 0
    assert_svg_draws(model, svg)
    assert_png(png)
    text = mmd.read_text(encoding="utf-8")
    assert text.splitlines()[3] == "stateDiagram-v2"
    assert sum("-->" in line and "[*]" not in line for line in text.splitlines()) == len(
        model.edges
    )


def test_the_format_follows_the_extension(qtbot: Any, tmp_path: Path) -> None:
    assert export_graph(["--kind", "token", str(tmp_path / "t.png")]) == 0
    assert_png(tmp_path / "t.png", min_w=200)


def test_export_to_a_missing_directory_fails_cleanly(
    qtbot: Any, tmp_path: Path, capsys: Any
) -> None:
    assert export_graph(["--kind", "charge", str(tmp_path / "no" / "c.svg")]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_flow_is_for_sources_only(capsys: Any) -> None:
    with pytest.raises(SystemExit) as exc:
        export_graph(["--kind", "token", "--flow", "redirect", "x.svg"])
    assert exc.value.code == 2


def run_chargeable(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gui.app", *args],
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_command_line_subcommand(tmp_path: Path) -> None:
    out = tmp_path / "redirect.svg"
    result = run_chargeable(
        "export-graph", "--kind", "source", "--flow", "redirect", "--format", "svg", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert_svg_draws(graph_for("source", "redirect"), out)
    result = run_chargeable("export-graph", "--kind", "token", "--format", "mermaid", "-")
    assert result.returncode == 0
    assert "unused --> used : charge (succeeds)" in result.stdout
    result = run_chargeable("export-graph", "--format", "gif", "x")
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_the_view_exports_what_it_shows(qtbot: Any, tmp_path: Path) -> None:
    from helpers.table_sandbox import TableSandbox

    sandbox = TableSandbox()
    sandbox.add("src_1", "source", "redirect", "pending")
    sandbox.add("tok_1", "token", "", "unused")
    view = StateGraphView(SandboxHost(sandbox))
    view.set_animation_duration(0)
    qtbot.addWidget(view)
    view.set_object("src_1")
    sandbox.take("src_1", "T1")
    view.pin()
    view.set_object("tok_1")
    assert view.export_svg(str(tmp_path / "v.svg"))
    texts = svg_texts(tmp_path / "v.svg")
    assert "● current" in texts and "previous" in texts
    assert any(t.startswith("Pinned: src_1") for t in texts)
    assert any(t.startswith("tok_1") for t in texts)
    assert view.export_png(str(tmp_path / "v.png"))
    assert_png(tmp_path / "v.png", min_w=800)
    assert view.export_mermaid(str(tmp_path / "v.mmd"))
    assert "class unused current" in (tmp_path / "v.mmd").read_text()
    assert not view.export_png(str(tmp_path / "missing" / "v.png"))
