"""Dossier: a static site generator for annotated news dossiers."""
