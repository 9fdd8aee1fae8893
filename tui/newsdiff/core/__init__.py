"""The pure core: plain data in, plain data out.

Nothing under this package may import Textual or Rich (a test enforces it), so the same code serves
the app, the command line and the tests.
"""
