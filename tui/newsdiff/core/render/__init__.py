"""A comparison rendered as a document: Markdown, HTML and JSON, and the registry of those formats.

Every renderer reads the comparison model (``core.comparison``); none diffs or words a row itself.
"""
