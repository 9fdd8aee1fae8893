"""The core stays pure: importing it must not pull in Textual or Rich."""

from __future__ import annotations

import subprocess
import sys


def test_core_imports_no_ui_library() -> None:
    code = (
        "import sys, pkgutil, importlib, newsdiff.core as c\n"
        "for m in pkgutil.iter_modules(c.__path__): importlib.import_module('newsdiff.core.' + m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in {'textual', 'rich'})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core imported UI modules: {out.stdout.strip()}"
