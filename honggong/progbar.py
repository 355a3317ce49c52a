"""The progress bar ``fit``, ``evaluate`` and ``predict`` print (Keras 3 look, plain text).

    1500/1500 ━━━━━━━━━━━━━━━━━━━━ 2s 1ms/step - accuracy: 0.8123 - loss: 0.5432

``callbacks.ProgbarLogger`` is the callback that feeds it; this module only draws.
"""
import math
import sys
import time

__all__ = ["Progbar"]


def _format_value(value):
    """Keras' number format in the progress bar: 4 decimals, or scientific when |v| <= 1e-3."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return f" {value}"
    return f" {value:.4f}" if abs(value) > 1e-3 else f" {value:.4e}"


def _format_step_time(seconds, unit="step"):
    """0.0012 -> ' 1ms/step'; 3.2 -> ' 3s/step'; 0.0004 -> ' 400us/step'."""
    if seconds >= 1 or seconds == 0:
        return f" {seconds:.0f}s/{unit}"
    if seconds >= 1e-3:
        return f" {seconds * 1e3:.0f}ms/{unit}"
    return f" {seconds * 1e6:.0f}us/{unit}"


def _format_eta(seconds):
    if seconds > 3600:
        return "%d:%02d:%02d" % (seconds // 3600, (seconds % 3600) // 60, seconds % 60)
    if seconds > 60:
        return "%d:%02d" % (seconds // 60, seconds % 60)
    return "%ds" % seconds


class Progbar:
    """One progress bar (an epoch, an evaluate or a predict run) written to ``sys.stdout``.

    verbose=1: the line is rewritten in place (``\\r``) at most every ``interval`` seconds and once
    at the end; verbose=2: only the final line. Finished line (Keras 3 layout)::

        1500/1500 ━━━━━━━━━━━━━━━━━━━━ 2s 1ms/step - accuracy: 0.8123 - loss: 0.5432

    Time per step ignores the first step (it includes one-off costs), as Keras does.
    The values shown are the logs as given (fit passes running epoch means). Unlike Keras there
    are no terminal colour codes: the unfinished part of the bar is drawn with "─" instead of a
    grey "━", so the text reads the same in a terminal, a notebook and a log file.
    """

    def __init__(self, target, width=20, verbose=1, interval=0.2, unit_name="step", clock=None):
        self.target = target
        self.width = width
        self.verbose = verbose
        self.interval = interval
        self.unit_name = unit_name
        self._clock = clock or time.perf_counter
        self._start = self._clock()
        self._last_update = -math.inf
        self._time_after_first_step = None
        self._prev_width = 0

    def _step_time(self, current, now):
        if not current:
            return 0.0
        if self._time_after_first_step is not None and current > 1:
            per_step = (now - self._time_after_first_step) / (current - 1)
        else:
            per_step = (now - self._start) / current
        if current == 1:
            self._time_after_first_step = now
        return per_step

    def _count(self, current):
        """' 15/1500' style: right-aligned to the width of the target."""
        if not self.target:
            return "%7d/Unknown" % current
        digits = int(math.log10(self.target)) + 1
        return f"%{digits}d/%d" % (current, self.target)

    def _bar(self, current):
        if not self.target:
            return self._count(current)
        done = min(int(self.width * current / self.target), self.width)
        return self._count(current) + " " + "━" * done + "─" * (self.width - done)

    def update(self, current, logs=None, finalize=False):
        """Show step ``current`` (1-based) with ``logs`` ({name: value}, shown in that order)."""
        if self.verbose not in (1, 2):
            return
        now = self._clock()
        if not finalize and (self.verbose == 2 or now - self._last_update < self.interval):
            if current == 1:        # the first step's end: later steps are timed from here
                self._time_after_first_step = now
            return      # cheap path: most batches only pay for one clock read
        per_step = self._step_time(current, now)
        self._last_update = now
        metrics = "".join(f" - {k}:{_format_value(v)}" for k, v in (logs or {}).items())
        if self.verbose == 2:
            if finalize:
                sys.stdout.write(f"{self._count(current)} - {now - self._start:.0f}s -"
                                 f"{_format_step_time(per_step, self.unit_name)}{metrics}\n")
                sys.stdout.flush()
            return
        if finalize or not self.target:
            when = f" {now - self._start:.0f}s"
        else:
            when = " " + _format_eta(per_step * (self.target - current))
        line = self._bar(current) + when + _format_step_time(per_step, self.unit_name) + metrics
        if finalize and self._prev_width > len(line):     # wipe the longer line, then write
            sys.stdout.write("\r" + " " * self._prev_width)  # the final one with no trailing pad
        pad = "" if finalize else " " * max(self._prev_width - len(line), 0)
        self._prev_width = len(line)
        sys.stdout.write("\r" + line + pad + ("\n" if finalize else ""))
        sys.stdout.flush()
