"""What keeps a rebuild in ``dossier serve`` short, kept across rebuilds.

MkDocs makes a new theme environment for every build, so the theme's
templates (mkdocs-material's dozens of partials) would be compiled again on
each edit. Compiled templates are kept by source checksum, so a changed
template is compiled afresh.
"""

from __future__ import annotations

from jinja2.bccache import Bucket, BytecodeCache


class CompiledTemplates(BytecodeCache):
    """Jinja's compiled code in memory, for the life of the serving process."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if (code := self.code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)  # discarded by Jinja when the checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()
