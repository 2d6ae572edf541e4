"""The build reads in one place: mkdocs.yml loads one hook, scripts/pipeline.py,
and its STEPS list is exactly what its on_* functions do, in the order they run."""

from __future__ import annotations

import ast

import pipeline  # noqa: E402
from conftest import ROOT

PIPELINE = ROOT / "scripts" / "pipeline.py"
# The order in which MkDocs 1.6 fires the events a build uses (mkdocs/commands/build.py):
# every page's Markdown and content come before the template environment, and the
# theme's own templates (404) are rendered before the pages.
MKDOCS_ORDER = ["on_config", "on_files", "on_nav", "on_page_markdown", "on_page_content", "on_env",
                "on_post_template", "on_post_page", "on_post_build"]


def _tree() -> ast.Module:
    return ast.parse(PIPELINE.read_text(encoding="utf-8"))


def _step_modules(tree: ast.Module) -> set[str]:
    """Modules of scripts/ that the pipeline imports."""
    local = {path.stem for path in (ROOT / "scripts").glob("*.py")}
    names = {alias.name for node in tree.body if isinstance(node, ast.Import) for alias in node.names}
    return names & local


def _calls(function: ast.FunctionDef, modules: set[str]) -> list[str]:
    """``module.name`` for each step module's function the event calls, in source order."""
    found = [node for node in ast.walk(function) if isinstance(node, ast.Call)
             and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
             and node.func.value.id in modules]
    found.sort(key=lambda node: (node.lineno, node.col_offset))
    return [f"{node.func.value.id}.{node.func.attr}" for node in found]


def test_mkdocs_yml_loads_the_pipeline_and_nothing_else(config):
    assert config["hooks"] == ["scripts/pipeline.py"]


def test_each_event_does_exactly_its_listed_steps_in_order():
    tree = _tree()
    modules = _step_modules(tree)
    events = {node.name: node for node in tree.body
              if isinstance(node, ast.FunctionDef) and node.name.startswith("on_")}
    assert list(events) == list(pipeline.STEPS), "the on_* functions and STEPS list different events"
    for name, function in events.items():
        assert _calls(function, modules) == list(pipeline.STEPS[name]), f"{name}: code and STEPS differ"


def test_events_are_listed_in_the_order_mkdocs_runs_them():
    assert list(pipeline.STEPS) == [event for event in MKDOCS_ORDER if event in pipeline.STEPS]


def test_every_module_the_pipeline_imports_is_a_listed_step():
    modules = _step_modules(_tree())
    listed = {step.split(".")[0] for steps in pipeline.STEPS.values() for step in steps}
    assert modules == listed, f"imported, not a step: {modules - listed}; a step, not imported: {listed - modules}"


def test_every_listed_step_exists():
    for steps in pipeline.STEPS.values():
        for step in steps:
            module, name = step.split(".")
            assert callable(getattr(getattr(pipeline, module), name, None)), step
