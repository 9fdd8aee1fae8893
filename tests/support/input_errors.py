"""The core's error contract, checked the same way by every reader's tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsdiff.core.errors import InputError


def one_line_input_error(read: Callable[[], object], path: str, message: str) -> str:
    """``read()`` raises ``InputError``: one line, naming ``path`` first, containing ``message``."""
    with pytest.raises(InputError) as caught:
        read()
    text = str(caught.value)
    assert text.startswith(f"{path}: "), text
    assert message in text, text
    assert "\n" not in text, text
    return text
