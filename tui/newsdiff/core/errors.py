"""The one exception type the user is meant to see."""


class InputError(Exception):
    """Bad input the user can fix: the message is one line, shown as is, never a traceback.

    Messages name files, URLs and what servers said, all untrusted: the message is made one safe
    line here (``untrusted.safe_line``), once, so no display of it can forward an escape sequence.
    """

    def __init__(self, message: str) -> None:
        from newsdiff.core.untrusted import safe_line

        super().__init__(safe_line(str(message)))


class Cancelled(Exception):  # noqa: N818 -- a request honoured, not an error
    """Work stopped because the caller asked (the reader left the screen or quit): not an error."""
