"""mkdocs.yml read as plain data, without a build: for the tests and the benchmark.

MkDocs' own tags are resolved simply: ``!ENV [NAME, default]`` gives the
default (what a build without that variable sees); Python tags give ``None``.
"""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONFIG_FILE = ROOT / "mkdocs.yml"


class _Loader(yaml.SafeLoader):
    """A YAML loader that knows MkDocs' ``!ENV`` tag."""


def _env(loader: _Loader, node: yaml.Node):
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if len(values) > 1 else None
    return None


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("tag:yaml.org,2002:python", lambda loader, suffix, node: None)


def read(path: Path = CONFIG_FILE) -> dict:
    """The settings in ``path``, naming the file in any error."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: cannot be read: {exc}") from exc


def nav_sources(nav: list) -> list[str]:
    """The Markdown sources in the nav, in order (``guide/what-to-expect.md``, ...)."""
    out = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        out.extend(nav_sources(value) if isinstance(value, list) else [value])
    return out


def markdown_extensions_yaml(config: dict) -> str:
    """The ``markdown_extensions:`` block, as YAML (for a site built with the same Markdown)."""
    return yaml.safe_dump({"markdown_extensions": config["markdown_extensions"]}, sort_keys=False)
