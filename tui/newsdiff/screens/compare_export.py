"""The comparison screen's export (``e``: Markdown, HTML or JSON to a file) and copying (``y``, ``Y``:
Markdown to the terminal's clipboard): a base class of ``CompareScreen``, which supplies the
comparison. Rendering runs in thread workers: a long comparison takes a moment to render.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.screen import Screen

from newsdiff.core.comparison.model import Comparison
from newsdiff.core.errors import InputError
from newsdiff.core.files import write_atomic
from newsdiff.core.render.formats import DEFAULT_FORMAT, render
from newsdiff.core.render.markdown import row_markdown, to_markdown
from newsdiff.screens.app_settings import app_settings
from newsdiff.screens.confirm_dialog import ConfirmDialog
from newsdiff.screens.export_dialog import ExportChoice, ExportDialog, default_export_path
from newsdiff.widgets.diff_view import DiffView


class CompareExport(Screen[None]):
    """Export and copy the comparison shown (nothing while it is computed)."""

    comparison: Comparison | None

    # -- export -----------------------------------------------------------------------------

    def action_export(self) -> None:
        if self.comparison is None:
            return
        folder = app_settings(self).export_folder()
        fmt = getattr(self.app, "export_format", None) or DEFAULT_FORMAT
        proposal = default_export_path(self.comparison.a, self.comparison.b, folder, fmt)
        self.app.push_screen(ExportDialog(proposal, fmt), self._export_to)

    def _export_to(self, choice: ExportChoice | None) -> None:
        if choice is None:
            return
        path, fmt = choice.path, choice.fmt
        if hasattr(self.app, "export_format"):
            self.app.export_format = fmt  # proposed by the next export
        if path.exists():
            question = f"{path} already exists. Overwrite it?"

            def answered(overwrite: bool | None) -> None:
                if overwrite:
                    self._write(path, True, fmt)

            self.app.push_screen(ConfirmDialog(question), answered)
        else:
            self._write(path, False, fmt)

    @work(thread=True, group="export")
    def _write(self, path: Path, force: bool, fmt: str = "md") -> None:
        """Render and write off the event loop: a long comparison takes a moment to render."""
        comparison = self.comparison
        if comparison is None:
            return
        try:
            write_atomic(path, render(comparison, fmt), force)
        except InputError as exc:
            self.app.call_from_thread(
                self.notify, str(exc), severity="error", title="Export failed", markup=False
            )
        except OSError as exc:
            message = f"{path}: {exc.strerror or exc}"
            self.app.call_from_thread(
                self.notify, message, severity="error", title="Export failed", markup=False
            )
        else:
            self.app.call_from_thread(self.notify, f"Exported to {path}", title="Export", markup=False)

    # -- clipboard ----------------------------------------------------------------------------

    def action_copy_row(self) -> None:
        """The current row as Markdown, to the terminal's clipboard (OSC 52)."""
        current = self.query_one(DiffView).current_row
        if self.comparison is None or current is None:
            return
        self._copied(row_markdown(self.comparison, current), "the current row")

    @work(thread=True, group="copy", exclusive=True)
    def action_copy_all(self) -> None:
        """The whole comparison as Markdown; rendered off the event loop, as an export is."""
        comparison = self.comparison
        if comparison is not None:
            self.app.call_from_thread(self._copied, to_markdown(comparison), "the whole comparison")

    def _copied(self, text: str, what: str) -> None:
        self.app.copy_to_clipboard(text)
        self.notify(f"Copied {len(text)} characters ({what}) as Markdown", title="Clipboard", markup=False)
