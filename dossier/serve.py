"""``dossier serve``: MkDocs' live-reload server, made quick for large dossiers.

MkDocs' own ``serve`` polls the watched folders every 0.5 s and then waits
0.1 s for quiet, and every rebuild walks all files of the site (file list,
navigation, static files, the whole search index). Here:

- changes are noticed by the operating system's file events (inotify on
  Linux, through watchdog), not by polling;
- an edit under ``content/`` or ``seeds/`` goes to the dossier plugin's
  quick rebuild (``DossierPlugin.quick_rebuild``): when the generated tree
  still holds the same files, only the pages it rewrote are rendered again,
  with MkDocs' file list, navigation and theme environment of the last
  build; anything else (mkdocs.yml, a page added or removed) is a normal
  MkDocs build, dirty unless ``--full``;
- the search index is rebuilt after the page is served (``search.Indexer``).
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from os.path import isdir, isfile, join
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import watchdog.events
import watchdog.observers
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer, _serve_url

from .plugin import DossierPlugin

log = logging.getLogger("mkdocs.commands.serve")

#: seconds without further file events before a rebuild starts (an editor's save is several events)
QUIET = 0.03
#: the file events that are changes. Not opening or reading a file: every rebuild reads every
#: source file, and their events, 30,000 at 5,000 articles, kept the watcher thread (and the
#: interpreter lock) busy while the rebuild ran (generating 3.6-3.9 s in serve against 2.2-2.8 s alone)
CHANGES: list[type[watchdog.events.FileSystemEvent]] = [
    watchdog.events.FileCreatedEvent, watchdog.events.FileModifiedEvent, watchdog.events.FileClosedEvent,
    watchdog.events.FileDeletedEvent, watchdog.events.FileMovedEvent, watchdog.events.DirCreatedEvent,
    watchdog.events.DirModifiedEvent, watchdog.events.DirDeletedEvent, watchdog.events.DirMovedEvent,
]


class Server(LiveReloadServer):
    """MkDocs' server with file events instead of polling, and the paths that changed."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.build_delay = QUIET
        self.observer = watchdog.observers.Observer()  # type: ignore[assignment]  # inotify on Linux; MkDocs polls
        #: paths changed since the last rebuild began (read and cleared by the builder)
        self.changed: set[str] = set()

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        """As MkDocs' ``watch``, but remembers which paths changed."""
        path = str(Path(path).resolve())
        if path in self._watched_paths:
            self._watched_paths[path] += 1
            return
        self._watched_paths[path] = 1

        def callback(event: watchdog.events.FileSystemEvent) -> None:
            if event.is_directory:
                return
            with self._rebuild_cond:
                self.changed.update(str(p) for p in (event.src_path, event.dest_path) if p)
                self._want_rebuild = True
                self._rebuild_cond.notify_all()

        handler = watchdog.events.FileSystemEventHandler()
        handler.on_any_event = callback  # type: ignore[method-assign]
        self._watch_refs[path] = self.observer.schedule(handler, path, recursive=recursive, event_filter=CHANGES)

    def take_changes(self) -> set[str]:
        with self._rebuild_cond:
            changed, self.changed = self.changed, set()
        return changed


def _plugin(config: MkDocsConfig) -> DossierPlugin | None:
    return next((p for p in config.plugins.values() if isinstance(p, DossierPlugin)), None)


def serve(config_file: str, dev_addr: str, *, full: bool = False) -> None:
    """Serve the site at ``dev_addr``, rebuilding on every change (as ``mkdocs serve``)."""
    site_dir = tempfile.mkdtemp(prefix="dossier_")

    def get_config() -> MkDocsConfig:
        return load_config(config_file=config_file, site_dir=site_dir, dev_addr=dev_addr)

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=not full)
    plugin = _plugin(config)
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    config.site_url = serve_url = _serve_url(host, port, mount_path)
    sources = [Path(config.docs_dir).resolve(), *(Path(p).resolve() for p in config.watch)]
    server = Server(builder=lambda: None, host=host, port=port, root=site_dir, mount_path=mount_path)

    def builder(first: MkDocsConfig | None = None) -> None:
        changed = server.take_changes()
        quick = (first is None and plugin is not None and not full and changed
                 and all(any(Path(p).is_relative_to(s) for s in sources) for p in changed))
        if quick and plugin is not None and plugin.quick_rebuild():
            return
        log.info("Building documentation...")
        if first is None:
            first = get_config()
            first.site_url = serve_url
        build(first, serve_url=serve_url, dirty=not full)

    server.builder = builder

    def error_handler(code: int) -> bytes | None:
        if code in (404, 500):
            page = join(site_dir, f"{code}.html")
            if isfile(page):
                with open(page, "rb") as f:
                    return f.read()
        return None

    server.error_handler = error_handler
    try:
        builder(config)
        server.watch(config.docs_dir)
        if config.config_file_path:
            server.watch(config.config_file_path)
        served = config.plugins.on_serve(server, config=config, builder=builder)
        for item in config.watch:
            served.watch(item)
        try:
            served.serve()  # type: ignore[no-untyped-call]  # MkDocs' serve is untyped
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            served.shutdown()
    finally:
        config.plugins.on_shutdown()
        if isdir(site_dir):
            shutil.rmtree(site_dir)
