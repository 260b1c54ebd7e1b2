"""Stage 6, publish: MkDocs builds the HTML site from the generated tree.

The site is built into a fresh folder and swapped in only when MkDocs
succeeded, so a failed build (a strict-mode warning, say) never leaves a
half-written site where the last good one was.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class PublishError(Exception):
    pass


def publish(config_file: Path, site_dir: Path, *, strict: bool = True) -> None:
    """Build the site into ``site_dir`` from an already generated tree."""
    staging = site_dir.with_name(site_dir.name + ".new")
    retired = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(staging, ignore_errors=True)
    config = load_config(str(config_file), site_dir=str(staging), strict=strict)
    plugin = config.plugins.get("dossier")
    if plugin is not None:
        plugin.pregenerated = True
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("MkDocs %(levelname)s: %(message)s"))
    handler.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        config.plugins.on_startup(command="build", dirty=False)
        build(config)  # in strict mode, MkDocs aborts on any warning
    except MkDocsException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise PublishError(str(exc)) from None
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
        config.plugins.on_shutdown()
    shutil.rmtree(retired, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    shutil.rmtree(retired, ignore_errors=True)

