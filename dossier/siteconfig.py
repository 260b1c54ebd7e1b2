"""The settings of mkdocs.yml that Dossier itself reads: checked like a
content file (path:line:column and a hint), before MkDocs sees the file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from . import locales
from .diagnostics import Diagnostics, DossierError, Position
from .files import FileError, read_source
from .limits import YAML_BYTES
from .workspace import DEFAULT_OUTPUT
from .yamlfile import syntax_error


class _TolerantLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]  # libyaml when there
    """mkdocs.yml uses tags such as !ENV that only MkDocs understands."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_config(config_file: Path, shown: str = "") -> dict[str, Any]:
    """The settings of mkdocs.yml; a broken file raises DossierError with
    path:line:column and a hint, as a content file would."""
    shown = shown or config_file.name
    diagnostics = Diagnostics()
    config = None
    try:
        raw = read_source(config_file, os.path.realpath(config_file.parent), YAML_BYTES)
    except FileError as exc:
        diagnostics.error(Position(shown), exc.message, exc.hint)
    else:
        try:
            text = raw.decode("utf-8")
            config = yaml.load(text, Loader=_TolerantLoader)
        except UnicodeDecodeError as exc:
            diagnostics.error(Position(shown, raw[: exc.start].count(b"\n") + 1),
                              f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
                              "Save the file as UTF-8 in your editor.")
        except yaml.MarkedYAMLError as exc:
            syntax_error(text, shown, exc, diagnostics)
        except RecursionError:  # PyYAML builds nested values recursively
            diagnostics.error(Position(shown), "values are nested too deeply", "check that every [ and { is closed")
        except yaml.YAMLError as exc:
            diagnostics.error(Position(shown), f"YAML error: {exc}")
    if not diagnostics.errors and not isinstance(config, (dict, type(None))):
        diagnostics.error(Position(shown), "the site configuration must be settings (key: value lines)",
                          "start from the mkdocs.yml of the Dossier repository")
    if not diagnostics.errors and isinstance(config, dict):
        try:
            locales.module(site_language(config))
        except locales.LocaleError as exc:
            diagnostics.error(Position(shown), str(exc), "the site's words are in dossier/locales/<language>.py; CONTRIBUTING.md says how to add one")
    if diagnostics.errors:
        raise DossierError(diagnostics)
    return config or {}


def site_language(config: dict[str, Any]) -> str:
    """theme.language of mkdocs.yml: the language of the site's words, numbers and dates."""
    theme = config.get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    return str(language) if language else locales.DEFAULT


def output_setting(config: dict[str, Any]) -> str:
    """The dossier plugin's ``output`` in mkdocs.yml, where MkDocs will look for the tree."""
    plugins = config.get("plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else (
        next(iter(entry.items())) if isinstance(entry, dict) and entry else (entry, None) for entry in plugins
    )
    for name, options in entries:
        if name == "dossier" and isinstance(options, dict) and "output" in options:
            return str(options["output"])
    return DEFAULT_OUTPUT
