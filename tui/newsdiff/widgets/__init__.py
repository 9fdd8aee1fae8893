"""Reusable widgets: the article table and the side-by-side diff rows."""
