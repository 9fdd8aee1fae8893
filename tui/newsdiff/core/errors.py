"""The one exception type the user is meant to see."""


class InputError(Exception):
    """Bad input the user can fix: the message is one line, shown as is, never a traceback."""


class Cancelled(Exception):  # noqa: N818 -- a request honoured, not an error
    """Work stopped because the caller asked (the reader left the screen or quit): not an error."""
