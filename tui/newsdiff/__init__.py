"""newsdiff: see how different outlets tell the same story.

The package splits into a pure core (``newsdiff.core``: loading, cleaning, alignment, word diff,
export; no Textual or Rich import) and thin presentation layers (``cli``, ``terminal``, the Textual
``app`` with its ``screens`` and ``widgets``) that only show what the core computes.
"""

__version__ = "0.1.0"
