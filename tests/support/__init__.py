"""Test helpers shared by several test folders (importable as ``support`` from any test)."""
