"""Bundled rule data of conflictner (installed as the package `conflictner.models`)."""
