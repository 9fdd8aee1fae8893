"""The comparison of two sources: summary, column heads, the aligned rows, and the keys to read them.

Alignment can take seconds on long documents, so it runs in a thread worker while the row list
shows a loading indicator (and, when it takes a while, a progress bar); the keys that need a
comparison are greyed out until it is ready. Leaving the screen or quitting cancels it.

Keys that share a letter are routed by ``check_action``: during a search ``n`` goes to the next
match and ``escape`` clears the search; otherwise ``n`` is the next difference and ``escape``
goes back. The keys themselves are in ``compare_keys``; export and copying in ``compare_export``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.widgets import ProgressBar, Static
from textual.worker import Worker, WorkerState, get_current_worker

from newsdiff.core.align import LOOSER_THRESHOLD
from newsdiff.core.article import Article
from newsdiff.core.comparison.filters import facts_disagree
from newsdiff.core.comparison.model import Comparison, compare
from newsdiff.core.errors import Cancelled
from newsdiff.core.search import Hit, Matches
from newsdiff.core.settings import Settings
from newsdiff.core.worddiff import DiffOptions
from newsdiff.screens.app_settings import app_settings, observe_settings
from newsdiff.screens.article_url import open_article_url
from newsdiff.screens.background import BackgroundWork
from newsdiff.screens.compare_export import CompareExport
from newsdiff.screens.compare_keys import COMPARE_BINDINGS, NEEDS_COMPARISON
from newsdiff.screens.search_mixin import SEARCH_ACTIONS, SearchableScreen
from newsdiff.widgets.compare_header import ColumnHeads, SummaryBar, state_content
from newsdiff.widgets.diff_layout import Columns
from newsdiff.widgets.diff_rows import EMPTY_MESSAGE, SearchLocation
from newsdiff.widgets.diff_view import DiffView
from newsdiff.widgets.key_footer import KeyFooter
from newsdiff.widgets.search_bar import SearchBar

PROGRESS_DELAY = 0.3
"""Seconds of aligning before the progress bar appears (short alignments never show it)."""


NO_DISAGREEMENT = "No pair's numbers or names disagree (press f to show every row again)."


class CompareScreen(CompareExport, SearchableScreen[SearchLocation]):
    """Side by side: A on the left, B on the right, one row per aligned group of paragraphs."""

    AREA = "compare"
    SEARCH_NOTICES = False
    AUTO_FOCUS = ""
    """Nothing takes the keys from the screen's bindings until ``/`` opens the search line
    (``""``, not None: None means "the app's", which focuses the first focusable widget)."""
    BINDINGS: ClassVar[list[BindingType]] = COMPARE_BINDINGS

    def __init__(self, a: Article, b: Article, *, name: str | None = None) -> None:
        super().__init__(name=name)
        self.a = a
        self.b = b
        self.looser = False
        """True while ``T`` has loosened pairing to ``LOOSER_THRESHOLD``; new settings end it."""
        self.comparison: Comparison | None = None
        self.aligning = BackgroundWork[Comparison](
            self, "align", self._show_progress, delay=PROGRESS_DELAY, abandonable=True
        )

    def compose(self) -> ComposeResult:
        yield SummaryBar(id="summary")
        yield Static(Content(""), id="state", markup=False)
        yield ProgressBar(total=100, show_eta=False, id="align-progress")
        yield ColumnHeads(id="heads")
        yield DiffView(id="diff")
        yield SearchBar(id="compare-search")
        yield KeyFooter()

    @property
    def diff_view(self) -> DiffView:
        return self.query_one(DiffView)

    @property
    def setting_threshold(self) -> float:
        """The settings' threshold (the app's, read when needed: never a copy)."""
        return app_settings(self).threshold

    @property
    def threshold(self) -> float:
        """The threshold this comparison aligns at: the settings', or the looser one after ``T``."""
        return LOOSER_THRESHOLD if self.looser else self.setting_threshold

    @property
    def options(self) -> DiffOptions:
        """The settings' word-diff options."""
        return app_settings(self).diff_options()

    def on_mount(self) -> None:
        self.query_one(ColumnHeads).show(self.a, self.b)
        self.query_one(SummaryBar).waiting(self.a, self.b)
        settings = app_settings(self)
        self.diff_view.wrap_width = settings.wrap_width
        self.diff_view.show_scores = settings.show_scores
        observe_settings(self, self._settings_changed)
        self.query_one("#align-progress").display = False
        self.diff_view.loading = True
        self._align()

    def _align(self) -> None:
        """Align off the event loop (at the threshold and options of now); stops soon after the
        worker is cancelled."""
        a, b, threshold, options = self.a, self.b, self.threshold, self.options
        self.aligning.start(
            lambda cancelled, progress: compare(a, b, threshold, options, cancel=cancelled, progress=progress)
        )

    def _show_progress(self, share: float, _stage: str) -> None:
        """Shown only while a long alignment runs: "how much longer" matters then."""
        bar = self.query_one("#align-progress", ProgressBar)
        if self.comparison is not None or not self.diff_view.loading:
            bar.display = False
            return
        bar.display = True
        bar.update(progress=round(share * 100))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if not self.aligning.ended(event):
            return
        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, Comparison):
            self._show(event.worker.result)
            self.diff_view.loading = False
        elif event.state == WorkerState.ERROR and not isinstance(event.worker.error, Cancelled):
            self.diff_view.loading = False
            message = f"Could not compare the two articles: {event.worker.error}"
            self.query_one(SummaryBar).failed(message)
            self.notify(message, severity="error", markup=False)
        if event.state in (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            self.query_one("#align-progress").display = False

    def on_unmount(self) -> None:
        """Leaving the screen (or quitting) stops an alignment nobody will see."""
        self.aligning.cancel()
        self.workers.cancel_group(self, "facts")

    def _show(self, comparison: Comparison, keep: int | None = None) -> None:
        self.comparison = comparison
        self.query_one(SummaryBar).show(comparison, self._pairing_note(comparison))
        self.query_one(ColumnHeads).show(comparison.a, comparison.b)
        facts_only = self.diff_view.row_filter is not None
        self.diff_view.row_filter = None  # a new comparison's facts are read again, off the loop
        self.diff_view.empty_message = EMPTY_MESSAGE
        self.diff_view.show(comparison, keep)
        self._update_state()
        self.refresh_bindings()
        if facts_only:
            self._find_facts(comparison)
        if self.matches is not None:
            self.search(self.search_bar.query_text)

    def on_diff_view_columns_changed(self, event: DiffView.ColumnsChanged) -> None:
        """The headings follow the cells: same gutter, same widths."""
        self._fit_heads(event.columns)

    def _fit_heads(self, columns: Columns) -> None:
        heads = self.query_one(ColumnHeads)
        heads.query_one(".gutter").display = columns.gutter > 0
        heads.query_one("#head-a").styles.width = columns.box_a
        heads.query_one("#head-b").styles.width = columns.box_b

    def _update_state(self) -> None:
        view = self.diff_view
        total = len(self.comparison.rows) if self.comparison else 0
        self.query_one("#state", Static).update(
            state_content(
                view.word_level,
                view.hide_identical,
                view.hide_boilerplate,
                view.cursor,
                len(view.order),
                total,
                facts_only=view.row_filter is not None,
                hide_unpaired=view.hide_unpaired,
            )
        )

    def on_diff_view_cursor_moved(self, _: DiffView.CursorMoved) -> None:
        if self.comparison is not None:
            self._update_state()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that need the comparison are shown greyed out while it is computed; the search
        keys exist only during a search (so ``n`` and ``escape`` fall through to their other
        meaning otherwise)."""
        if action in NEEDS_COMPARISON and self.comparison is None:
            return None
        if action in SEARCH_ACTIONS:
            return self.search_allowed(action)
        return True

    # -- moving -----------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        self.diff_view.move_by(step)

    def action_next_diff(self) -> None:
        self._jump(1)

    def action_previous_diff(self) -> None:
        self._jump(-1)

    def _jump(self, step: int, pairs: bool = False) -> None:
        """To the next (``step=1``) or previous difference, or pair with ``pairs``."""
        view = self.diff_view
        position = view.find_pair(step) if pairs else view.find_change(step)
        if position is None:
            what = "pairs" if pairs else "differences"
            self.notify(f"No more {what} {'below' if step > 0 else 'above'}.", timeout=2, markup=False)
            return
        view.move_to(position)

    def action_next_pair(self) -> None:
        self._jump(1, pairs=True)

    def action_previous_pair(self) -> None:
        self._jump(-1, pairs=True)

    def action_top(self) -> None:
        self.diff_view.move_to(0)

    def action_bottom(self) -> None:
        self.diff_view.move_to(len(self.diff_view.order) - 1)

    def action_page(self, step: int) -> None:
        """Scroll a page; the cursor follows to the first row wholly in view."""
        self.diff_view.page(step)

    # -- changing the view ------------------------------------------------------------------

    def _pairing_note(self, comparison: Comparison) -> str:
        """Said in the header when pairing was loosened, or when little pairs at the setting."""
        if self.looser:
            return f"paired loosely (threshold {self.threshold:g}): T for {self.setting_threshold:g}"
        if comparison.summary().pairs_little and self.threshold > LOOSER_THRESHOLD:
            return f"little pairs: T pairs more loosely ({LOOSER_THRESHOLD:g})"
        return ""

    def action_toggle_looser(self) -> None:
        """Re-align at the looser threshold, or back at the setting's: one key either way."""
        if self.looser:
            self.looser = False
        elif self.threshold > LOOSER_THRESHOLD:
            self.looser = True
        else:
            self.notify(f"the threshold is already {self.threshold:g}", markup=False)
            return
        self.comparison = None
        self.query_one(SummaryBar).waiting(self.a, self.b)
        self.diff_view.loading = True
        self._align()

    def action_swap(self) -> None:
        """Exchange the sides; the cursor stays on the same content."""
        if self.comparison is None:
            return
        current = self.diff_view.current_row
        swapped = self.comparison.swapped()
        keep = None
        if current is not None:
            old = self.comparison.rows[current]
            keep = next((k for k, row in enumerate(swapped.rows) if (row.a, row.b) == (old.b, old.a)), None)
        self._show(swapped, keep)

    def action_toggle_identical(self) -> None:
        self.diff_view.hide_identical = not self.diff_view.hide_identical
        self._refilter()

    def action_toggle_boilerplate(self) -> None:
        self.diff_view.hide_boilerplate = not self.diff_view.hide_boilerplate
        self._refilter()

    def action_toggle_unpaired(self) -> None:
        self.diff_view.hide_unpaired = not self.diff_view.hide_unpaired
        self._refilter()

    def action_toggle_facts(self) -> None:
        """Only the pairs whose numbers or names disagree, or all again. A row filter of the view,
        as ``i`` and ``b`` are; reading every pair's figures and names runs in a worker first."""
        if self.diff_view.row_filter is not None:
            self.diff_view.row_filter = None
            self.diff_view.empty_message = EMPTY_MESSAGE
            self._refilter()
        elif self.comparison is not None:
            self._find_facts(self.comparison)

    @work(thread=True, exclusive=True, group="facts", exit_on_error=False)
    def _find_facts(self, comparison: Comparison) -> None:
        """Compute each row's discrepancies (cached on the comparison), then filter by them."""
        worker = get_current_worker()
        slow = self.app.call_from_thread(self.set_timer, PROGRESS_DELAY, self._facts_loading)
        try:
            for k in range(len(comparison.rows)):
                if worker.is_cancelled:
                    return
                comparison.discrepancies(k)
        finally:
            self.app.call_from_thread(slow.stop)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_facts_only, comparison)

    def _facts_loading(self) -> None:
        self.diff_view.loading = True

    def _show_facts_only(self, comparison: Comparison) -> None:
        self.diff_view.loading = False
        if comparison is not self.comparison:
            return  # swapped or re-diffed meanwhile: that comparison's own run follows
        self.diff_view.row_filter = facts_disagree
        self.diff_view.empty_message = NO_DISAGREEMENT
        self._refilter()

    def _refilter(self) -> None:
        """After a filter changed: the same row stays current if shown, and the search covers
        only what is shown."""
        self.diff_view.rebuild(self.diff_view.current_row)
        self._update_state()
        if self.matches is not None:
            self.search(self.search_bar.query_text)

    def action_toggle_word_level(self) -> None:
        self.diff_view.set_word_level(not self.diff_view.word_level)
        self._update_state()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_open_url(self, side: str) -> None:
        """Open side A's or B's source in the browser (after ``s``, the sides as shown)."""
        shown = (self.comparison.a, self.comparison.b) if self.comparison else (self.a, self.b)
        open_article_url(self, shown[0] if side == "a" else shown[1])

    # -- search (SearchableScreen: / n N escape) ----------------------------------------------

    def searchable(self) -> bool:
        return self.comparison is not None

    def search_texts(self) -> list[tuple[SearchLocation, str]]:
        return self.diff_view.search_texts()

    def search_start(self) -> Callable[[SearchLocation], bool]:
        """From the current row down."""
        current = self.diff_view.current_row or 0
        return lambda location: location[0] >= current

    def show_matches(self, matches: Matches[SearchLocation] | None) -> None:
        if matches is None:
            self.diff_view.show_matches(None)

    def go_to_match(self, hit: Hit[SearchLocation] | None, previous: Hit[SearchLocation] | None) -> None:
        self.diff_view.show_matches(self.matches)
        self.diff_view.reveal_match()

    # -- settings -------------------------------------------------------------------------

    def _settings_changed(self, settings: Settings) -> None:
        """New settings (observed on the app): the next alignment uses the threshold (a ``T``
        loosening ends); new wording options re-run the word diff of this comparison at once (the
        alignment itself does not depend on them); the column settings re-wrap the rows at once,
        keeping the reader's place."""
        self.diff_view.wrap_width = settings.wrap_width
        self.diff_view.show_scores = settings.show_scores
        self.looser = False
        if self.comparison is not None and self.comparison.options != settings.diff_options():
            self.call_later(self._show_with_options)

    def _show_with_options(self) -> None:
        if self.comparison is not None:
            self._show(self.comparison.with_options(self.options), self.diff_view.current_row)
