"""Stage 6, publish: MkDocs builds the HTML site from the generated tree.

The site is built into a staging folder of its own and swapped in only when
MkDocs succeeded, so a failed build (a strict-mode warning, a full disk)
never leaves a half-written site where the last good one was. On Linux the
swap is one atomic exchange of the two folders: there is no moment without
a site. A staging folder is removed however the build ends; one left by a
killed process is removed by the next build.
"""

from __future__ import annotations

import ctypes
import errno
import logging
import os
import secrets
import shutil
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from . import manifest

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class PublishError(Exception):
    pass


def publish(config_file: Path, site_dir: Path, *, strict: bool = True, fast_path: bool = True) -> None:
    """Build the site into ``site_dir`` from an already generated, complete tree.

    ``fast_path=False`` renders every page with Python-Markdown (``fastpath.py``).
    Call it holding the build lock (``workspace.BuildLock``): it removes the
    staging folders of earlier builds, which only a killed build leaves.
    """
    for stale in site_dir.parent.glob(f".{site_dir.name}.staging-*"):
        _remove(stale)
    staging = site_dir.with_name(f".{site_dir.name}.staging-{os.getpid()}-{secrets.token_hex(4)}")
    staging.mkdir(parents=True)
    try:
        _build(config_file, staging, strict, fast_path)
        _install(staging, site_dir)
    finally:
        _remove(staging)  # after an exchange, the old site


def _build(config_file: Path, staging: Path, strict: bool, fast_path: bool) -> None:
    config = load_config(str(config_file), site_dir=str(staging), strict=strict)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("MkDocs %(levelname)s: %(message)s"))
    handler.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        config.plugins.on_startup(command="build", dirty=False)
        plugin = config.plugins.get("dossier")
        if plugin is not None:  # after on_startup, which starts the plugin afresh
            out = plugin.output_dir(config)
            tree = manifest.read(out)
            if tree is None or not tree.complete:
                raise PublishError(f"{out} is incomplete (a build stopped while writing it); run dossier build again")
            plugin.pregenerated = True
            plugin.generated = sorted(tree.files)
            if not fast_path:
                plugin.config["fast_path"] = False
        build(config)  # in strict mode, MkDocs aborts on any warning
    except MkDocsException as exc:
        raise PublishError(str(exc)) from None
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
        config.plugins.on_shutdown()


def _install(staging: Path, site_dir: Path) -> None:
    """Put the built site in place: exchanged at once with the old one where the
    system can, else by two renames (a moment without a site)."""
    if not site_dir.exists() and not site_dir.is_symlink():
        staging.rename(site_dir)
    elif not exchange(staging, site_dir):
        retired = staging.with_name(staging.name + ".old")
        site_dir.rename(retired)
        staging.rename(site_dir)
        _remove(retired)


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 with RENAME_EXCHANGE); False
    where the system or its file system cannot."""
    renameat2 = getattr(_libc(), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))


def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(None, use_errno=True)
    except (OSError, TypeError):  # no C library to open by that name (Windows)
        return None


def _remove(path: Path) -> None:
    if path.is_symlink():
        path.unlink()
    else:
        shutil.rmtree(path, ignore_errors=True)
