"""Benchmarks and synthetic corpora for Dossier (not part of the package)."""
