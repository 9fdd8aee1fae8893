"""The comparison model: the one thing every presenter of a comparison reads.

``model`` holds the rows and the cached word diff per row, ``tags`` the one wording of what a row
is ("same wording", "numbers changed", "⚠ numbers or names disagree", boilerplate), ``filters``
what a difference is and which rows a view shows, ``summary`` the counts; ``figures`` and
``order`` say where the changed figures are and which pairs moved. The app's diff view, the
terminal's ``newsdiff diff`` and the Markdown, HTML and JSON renderers (``core.render``) all read
these, so none of them diffs, words or decides anything again.
"""
