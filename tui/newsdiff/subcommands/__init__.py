"""Commands beyond diff/export/align, one module each (see ``newsdiff.cli.MODULE_COMMANDS``).

Each module defines ``build_parser()`` (using ``newsdiff.cli`` helpers such as ``_Parser``) and
``run(args) -> int``; it raises ``InputError``/``UsageError`` for the one-line errors ``cli.main``
prints. Keeping each command in its own module keeps ``cli.py`` small and every command's imports lazy.
"""
