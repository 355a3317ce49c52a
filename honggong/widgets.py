"""ipywidgets 탐색기: 슬라이더를 움직이면 그림이 바로 바뀝니다.

    from honggong import widgets
    ex = widgets.optimizer_explorer()       # shows the explorer (in Jupyter) and returns it
    ex.lr_slider.value = 0.5                # the same as moving the slider: the image is redrawn

Four explorers, each an object with its controls as attributes, ``.image`` (an ipywidgets.Image
holding PNG bytes), ``.readout`` (an HTML text such as "최종 손실 = 1.234e-03"), ``.widget`` (the VBox
that is displayed), ``.redraw()`` and ``.state`` (what was computed last):

- OptimizerExplorer: honggong.trajectory paths of one or several optimizers on a 2-D surface.
- LearningRateExplorer: trains a small model, loss curves grow live, epoch by epoch; earlier runs stay.
- ActivationExplorer: an activation, its derivative and the tangent at a point x.
- LossExplorer: a loss as a function of the prediction, its value and gradient at ŷ.
- Playground: TensorFlow Playground — a small Sequential learns a 2-D data set with play / pause /
  one step; the decision boundary and the loss curves update after every epoch.

How it stays fast and flicker-free: each explorer owns ONE matplotlib Figure that is not managed
by pyplot (no figures pile up). A change updates the existing artists (``Line2D.set_data``), draws
with Agg and puts the PNG bytes into the same Image widget, so the browser swaps one picture.
No ipympl needed. Without a front end (nbval, plain Python, a static render) the explorers still
run, and their display includes a PNG of the default settings as a fallback.
"""
from __future__ import annotations

import base64
import contextlib
import html
import io
import re

import ipywidgets as W
import numpy as np

from . import checks, fonts, plots  # plots registers the Hangul font
from .backend import HonggongError, message
from .checks import error as _error, type_error as _type_error
from . import surfaces as _surfaces
from .trajectory import describe, make_optimizer, trajectory

__all__ = [
    "OptimizerExplorer", "LearningRateExplorer", "ActivationExplorer", "LossExplorer",
    "optimizer_explorer", "learning_rate_explorer", "activation_explorer", "loss_explorer",
    "figure_png", "Playground", "playground", "playground_data",
]

def _optimizer_classes():
    """The optimizer classes of honggong.optimizers, in the order the widgets list them
    (the textbook order SGD, RMSprop, Adam first; classes added later come at the end)."""
    from . import optimizers

    found = [c for c in vars(optimizers).values()
             if isinstance(c, type) and issubclass(c, optimizers.Optimizer) and c is not optimizers.Optimizer
             and c.__module__ == optimizers.__name__]
    first = ["SGD", "RMSprop", "Adam", "Adagrad", "AdamW", "Nadam"]
    return sorted(found, key=lambda c: (first.index(c.__name__) if c.__name__ in first else len(first),
                                        c.__name__))


# Names ("adam") and labels ("Adam") come from the optimizer classes, so every optimizer compile
# accepts is in the widgets too; compile's spellings ("Adam", "ADAM") are accepted (_optimizer_key).
OPTIMIZER_LABELS = {c.__name__.lower(): c.__name__ for c in _optimizer_classes()}
OPTIMIZER_NAMES = tuple(OPTIMIZER_LABELS)
OPTIMIZER_COLORS = {n: plots.COLORS[i % len(plots.COLORS)] for i, n in enumerate(OPTIMIZER_NAMES)}


def _require_name(name, kind, example, where):
    """A name argument must be a string (the registries look names up)."""
    if not isinstance(name, str):
        raise _type_error(
            f"{where}: expected a {kind} name such as {example!r}, received {type(name).__name__} {name!r}. "
            f"해결: {example!r} 같은 이름을 문자열로 주세요."
        )


def _optimizer_key(name, where):
    """The widget's name for an optimizer name as compile accepts it ("Adam" -> "adam")."""
    from . import optimizers

    _require_name(name, "optimizer", "adam", where)
    try:
        key = type(optimizers.get(name)).__name__.lower()
    except checks.HonggongError:
        key = None
    if key not in OPTIMIZER_LABELS:
        raise checks.unknown_name(f"optimizer for {where}", name, OPTIMIZER_NAMES)
    return key


def _check_range(where, name, value, low, high):
    """A setting inside the range its slider can show; otherwise an error naming the range (a slider
    would clamp it silently)."""
    value = checks.number(value, name, where=where)
    if not low <= value <= high:
        raise _error(
            f"{where}: expected {name} between {low:g} and {high:g} (the slider's range), received {value:g}. "
            f"해결: {name}를 {low:g}에서 {high:g} 사이의 값으로 주세요."
        )
    return value

# Which optimizer uses which setting (Keras 3 argument names); a slider is shown only when one of
# the selected optimizers uses it.
USES = {
    "momentum": {"sgd", "rmsprop"},
    "nesterov": {"sgd"},
    "rho": {"rmsprop"},
    "beta_1": {"adam", "adamw", "nadam"},
    "beta_2": {"adam", "adamw", "nadam"},
}


def figure_png(fig) -> bytes:
    """Draw ``fig`` with Agg and encode it as PNG bytes."""
    fig.canvas.draw()
    return _canvas_png(fig.canvas)


def _canvas_png(canvas) -> bytes:
    """PNG bytes of what the Agg canvas holds now (zlib level 1: quick, slightly larger files)."""
    from PIL import Image

    buf = io.BytesIO()
    Image.fromarray(np.asarray(canvas.buffer_rgba())).save(buf, format="png", compress_level=1)
    return buf.getvalue()


class _Explorer:
    """Shared machinery: one figure → PNG → ``self.image``; ``redraw()``; a static PNG fallback."""

    figsize = (7.0, 4.6)
    dpi = 90

    def __init__(self):
        self.fig, self.ax = plots.new_figure(figsize=self.figsize, layout=None)
        self.fig.set_dpi(self.dpi)
        # The picture shrinks to the space left beside the controls (never wider than its pixels).
        self.image = W.Image(format="png", layout=W.Layout(
            width="100%", max_width=f"{int(self.figsize[0] * self.dpi)}px", height="auto"))
        self.image.add_class("honggong-image")
        self.readout = W.HTML(value="")
        self.readout.add_class("honggong-readout")
        self.state = {"redraws": 0}
        self._held = 0
        self._background, self._background_key = None, None     # see _blit

    # --- drawing -----------------------------------------------------------------------------
    def redraw(self):
        """Recompute from the current control values and update the image and readout in place."""
        if self._held:
            return
        self._update()
        self.image.value = self._render()
        self.state["redraws"] += 1

    def _update(self):  # pragma: no cover - every explorer defines it
        raise NotImplementedError

    def _render(self) -> bytes:
        return figure_png(self.fig)

    def _blit(self, artists, key=None) -> bytes:
        """Blitting: the figure without its animated artists is drawn once and cached; each call
        restores that background and draws only ``artists`` on top. The cache is rebuilt when
        ``self._background`` is None (set by whoever changes the background) or ``key`` changes."""
        canvas = self.fig.canvas
        if self._background is None or key != self._background_key:
            canvas.draw()                       # skips the animated artists
            self._background, self._background_key = canvas.copy_from_bbox(self.fig.bbox), key
        else:
            canvas.restore_region(self._background)
        for artist in artists:
            artist.axes.draw_artist(artist)
        return _canvas_png(canvas)

    @contextlib.contextmanager
    def hold(self):
        """Change several controls at once with one redraw at the end: ``with ex.hold(): ...``."""
        self._held += 1
        try:
            yield self
        finally:
            self._held -= 1
        self.redraw()

    def _on_change(self, change):
        self.redraw()

    def _observe(self, *controls):
        for c in controls:
            c.observe(self._on_change, names="value")

    # --- display -----------------------------------------------------------------------------
    @property
    def png(self) -> bytes:
        """The current picture as PNG bytes."""
        return self.image.value

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = dict(self.widget._repr_mimebundle_(include=include, exclude=exclude) or {})
        bundle["image/png"] = base64.b64encode(self.png).decode("ascii")   # static fallback
        bundle["text/plain"] = f"{type(self).__name__}: {html.unescape(_strip_tags(self.readout.value))}"
        return bundle

    def close(self):
        """Close this explorer's widgets (free their front-end models); the figure is dropped."""
        def close_tree(w):
            for child in getattr(w, "children", ()):
                close_tree(child)
            w.close()
        close_tree(self.widget)


def _strip_tags(text):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip()


def _panel(controls, image, readout):
    """Controls on the left (fixed width, never squeezed), the picture beside them, readout below."""
    left = W.VBox(controls, layout=W.Layout(flex="0 0 auto", width="390px"))
    right = W.Box([image], layout=W.Layout(flex="1 1 0%", min_width="320px"))
    return W.VBox([W.HBox([left, right], layout=W.Layout(width="100%")), readout])


def _slider_layout():
    return W.Layout(width="380px")


_STYLE = {"description_width": "110px"}


# =============================================================================================
# Optimizer explorer
# =============================================================================================

class OptimizerExplorer(_Explorer):
    """Optimizer paths on a 2-D surface, recomputed with honggong.trajectory on every change.

    Controls (attributes): ``optimizer_select`` (SelectMultiple), ``lr_slider`` (FloatLogSlider
    1e-4 … 10), ``momentum_slider``, ``nesterov_checkbox``, ``rho_slider``, ``beta_1_slider``,
    ``beta_2_slider`` (each visible only when a selected optimizer uses it), ``steps_slider``,
    ``surface_dropdown``, ``start_x_slider``, ``start_y_slider``.
    ``state["trajectories"]`` maps optimizer name → the last Trajectory.
    """

    def __init__(self, optimizers=("sgd", "adam"), surface="bowl", learning_rate=0.1, steps=50,
                 start=None, momentum=0.0, rho=0.9, beta_1=0.9, beta_2=0.999, nesterov=False):
        super().__init__()
        where = "optimizer_explorer"
        if isinstance(optimizers, str):
            optimizers = (optimizers,)
        if not isinstance(optimizers, (list, tuple)) or not optimizers:
            raise _type_error(
                f"{where}: expected a list of optimizer names, received {optimizers!r}. "
                "해결: optimizers=['sgd', 'adam']처럼 이름의 리스트를 주세요."
            )
        optimizers = tuple(dict.fromkeys(_optimizer_key(o, where) for o in optimizers))
        surf = _surfaces.get(surface)
        learning_rate = _check_range(where, "learning_rate", learning_rate, 1e-4, 10.0)
        steps = checks.integer(steps, "steps", 0, 300, where=where)
        momentum = _check_range(where, "momentum", momentum, 0.0, 0.99)
        rho = _check_range(where, "rho", rho, 0.0, 0.999)
        beta_1 = _check_range(where, "beta_1", beta_1, 0.0, 0.999)
        beta_2 = _check_range(where, "beta_2", beta_2, 0.9, 0.9999)
        start = surf.start if start is None else start
        if isinstance(start, (str, bytes)) or np.shape(start) != (2,):
            raise _error(
                f"{where}: expected start as a point (x, y), received {start!r}. 해결: start=(-7.0, 2.0)처럼 주세요."
            )
        start = (_check_range(where, "start x", start[0], *surf.xlim),
                 _check_range(where, "start y", start[1], *surf.ylim))
        self.optimizer_select = W.SelectMultiple(
            options=[(OPTIMIZER_LABELS[n], n) for n in OPTIMIZER_NAMES], value=tuple(optimizers),
            rows=len(OPTIMIZER_NAMES), description="옵티마이저", style=_STYLE)
        self.lr_slider = W.FloatLogSlider(value=learning_rate, base=10, min=-4, max=1, step=0.05,
                                          description="learning_rate", readout_format=".4g",
                                          style=_STYLE, layout=_slider_layout())
        self.momentum_slider = W.FloatSlider(value=momentum, min=0.0, max=0.99, step=0.01,
                                             description="momentum", style=_STYLE, layout=_slider_layout())
        self.nesterov_checkbox = W.Checkbox(value=nesterov, description="nesterov (SGD)", indent=False)
        self.rho_slider = W.FloatSlider(value=rho, min=0.0, max=0.999, step=0.001, readout_format=".3f",
                                        description="rho", style=_STYLE, layout=_slider_layout())
        self.beta_1_slider = W.FloatSlider(value=beta_1, min=0.0, max=0.999, step=0.001, readout_format=".3f",
                                           description="beta_1", style=_STYLE, layout=_slider_layout())
        self.beta_2_slider = W.FloatSlider(value=beta_2, min=0.9, max=0.9999, step=0.0001, readout_format=".4f",
                                           description="beta_2", style=_STYLE, layout=_slider_layout())
        self.steps_slider = W.IntSlider(value=steps, min=0, max=300, step=1, description="스텝 수",
                                        style=_STYLE, layout=_slider_layout())
        self.surface_dropdown = W.Dropdown(
            options=[(_surfaces.KOREAN_NAMES[n], n) for n in _surfaces.names()], value=surf.name,
            description="곡면", style=_STYLE, layout=_slider_layout())
        self.start_x_slider = W.FloatSlider(description="시작 x", style=_STYLE, layout=_slider_layout())
        self.start_y_slider = W.FloatSlider(description="시작 y", style=_STYLE, layout=_slider_layout())
        self.setting_controls = {
            "momentum": self.momentum_slider, "nesterov": self.nesterov_checkbox, "rho": self.rho_slider,
            "beta_1": self.beta_1_slider, "beta_2": self.beta_2_slider,
        }
        self._surface = surf
        self._set_start_range(surf, start)
        self._draw_background(surf)
        self._artists = {}
        for i, name in enumerate(OPTIMIZER_NAMES):
            arts = plots.draw_trajectory(self.ax, np.zeros((1, 2)), index=i, color=OPTIMIZER_COLORS[name],
                                         label=OPTIMIZER_LABELS[name])
            for a in arts.values():
                a.set_gid(a.get_gid().split(":")[0] + ":" + name)
                a.set_visible(False)
                a.set_animated(True)      # drawn on top of the cached background (see _render)
            self._artists[name] = arts
        self.ax.set_title(fonts.math_text(surf.title))   # x² as mathtext: the Hangul font draws ² as a tick
        self.info_text = self.ax.text(0.01, 0.015, "", transform=self.ax.transAxes, fontsize=9, va="bottom",
                                      gid="settings", animated=True, zorder=6,
                                      bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"})
        self._legend_key = None

        self.surface_dropdown.observe(self._on_surface, names="value")
        self.optimizer_select.observe(self._on_optimizers, names="value")
        self._observe(self.lr_slider, self.momentum_slider, self.nesterov_checkbox, self.rho_slider,
                      self.beta_1_slider, self.beta_2_slider, self.steps_slider,
                      self.start_x_slider, self.start_y_slider)
        self._update_visibility()
        controls = [self.optimizer_select, self.lr_slider, self.momentum_slider, self.nesterov_checkbox,
                    self.rho_slider, self.beta_1_slider, self.beta_2_slider, self.steps_slider,
                    self.surface_dropdown, self.start_x_slider, self.start_y_slider]
        self.widget = _panel(controls, self.image, self.readout)
        self.widget.add_class("honggong-optimizer-explorer")
        self.redraw()

    # --- controls ----------------------------------------------------------------------------
    def _set_start_range(self, surf, start):
        for slider, lim, value in ((self.start_x_slider, surf.xlim, start[0]),
                                   (self.start_y_slider, surf.ylim, start[1])):
            step = (lim[1] - lim[0]) / 200
            # widen first so that a new value/min/max is never clamped by the old range
            slider.min, slider.max = -1e9, 1e9
            slider.step = step
            slider.value = float(value)
            slider.min, slider.max = float(lim[0]), float(lim[1])

    def _render(self) -> bytes:
        """Blitting: the contour map is drawn once and cached; each redraw restores that background
        and draws only the paths and one settings text on top (about 10× less drawing than a full draw).
        The legend names only the optimizers, so it is part of the background; text is the costly
        part of drawing (~4 ms per label), so the settings go into one text and the HTML readout."""
        shown = [a for arts in self._artists.values() for a in arts.values() if a.get_visible()]
        return self._blit(shown + [self.info_text])

    def _draw_background(self, surf):
        self._background = None
        for coll in list(self.ax.collections):
            coll.remove()
        for line in [ln for ln in self.ax.lines if ln.get_gid() in ("minimum", "saddle")]:
            line.remove()
        plots.plot_surface(surf, ax=self.ax)
        self.fig.subplots_adjust(left=0.08, right=0.98, bottom=0.1, top=0.92)

    def _update_legend(self, chosen, surf):
        """Legend with the optimizer names (colours); rebuilt, with the background, only when they change."""
        key = (tuple(chosen), surf.name)
        if key == self._legend_key:
            return
        self._legend_key = key
        marks = [ln for ln in self.ax.lines if ln.get_gid() in ("minimum", "saddle")]
        handles = marks + [self._artists[n]["path"] for n in chosen]
        labels = [ln.get_label() for ln in marks] + [OPTIMIZER_LABELS[n] for n in chosen]
        if self.ax.get_legend() is not None:
            self.ax.get_legend().remove()
        if handles:
            self.ax.legend(handles=handles, labels=labels, loc="upper right", fontsize=8)
        self._background = None

    def _on_surface(self, change):
        surf = _surfaces.get(change["new"])
        self._surface = surf
        with self.hold():
            self._set_start_range(surf, surf.start)
            self._draw_background(surf)

    def _on_optimizers(self, change):
        self._update_visibility()
        self.redraw()

    def _update_visibility(self):
        chosen = set(self.optimizer_select.value)
        for key, control in self.setting_controls.items():
            control.layout.display = None if chosen & USES[key] else "none"

    def visible_settings(self):
        """Names of the setting controls now shown, e.g. ['beta_1', 'beta_2'] for Adam alone."""
        return [k for k, c in self.setting_controls.items() if c.layout.display != "none"]

    def settings_for(self, name):
        """Constructor arguments for optimizer ``name`` from the current controls."""
        kwargs = {"learning_rate": float(self.lr_slider.value)}
        for key, control in self.setting_controls.items():
            if name in USES[key]:
                kwargs[key] = control.value if key == "nesterov" else float(control.value)
        return kwargs

    # --- computing ---------------------------------------------------------------------------
    def _update(self):
        surf = self._surface
        start = (float(self.start_x_slider.value), float(self.start_y_slider.value))
        steps = int(self.steps_slider.value)
        chosen = [n for n in OPTIMIZER_NAMES if n in self.optimizer_select.value]
        trajs, lines = {}, []
        for name in OPTIMIZER_NAMES:
            arts = self._artists[name]
            if name not in chosen:
                for a in arts.values():
                    a.set_visible(False)
                continue
            t = trajectory(make_optimizer(name, **self.settings_for(name)), surf, start=start, steps=steps)
            trajs[name] = t
            pts = np.asarray(t, dtype=np.float64)
            arts["path"].set_data(pts[:, 0], pts[:, 1])
            arts["start"].set_data(pts[:1, 0], pts[:1, 1])
            arts["end"].set_data(pts[-1:, 0], pts[-1:, 1])
            for a in arts.values():
                a.set_visible(True)
            color = OPTIMIZER_COLORS[name]
            if t.diverged:
                text = f"발산 (스텝 {t.stopped_at}, {'무한대' if t.reason == 'non-finite' else '화면 밖'})"
            else:
                text = f"최종 손실 = {float(t.losses[-1]):.3e}"
            lines.append(f'<span style="color:{color}">■</span> <b>{html.escape(t.label)}</b>: {text}')
        self._update_legend(chosen, surf)
        shown = [f"{k} = {self.setting_controls[k].value:g}" for k in self.visible_settings() if k != "nesterov"]
        if "nesterov" in self.visible_settings() and self.nesterov_checkbox.value:
            shown.append("nesterov")
        info = ", ".join([f"learning_rate = {self.lr_slider.value:.4g}", *shown, f"{steps} 스텝"])
        diverged = [f"{OPTIMIZER_LABELS[n]} 발산 (스텝 {t.stopped_at})" for n, t in trajs.items() if t.diverged]
        self.info_text.set_text("\n".join([info, *diverged]))
        self.readout.value = "<br>".join(lines) if lines else "옵티마이저를 하나 이상 고르세요."
        self.state.update(trajectories=trajs, start=start, steps=steps, surface=surf.name,
                          settings={n: self.settings_for(n) for n in chosen})


def optimizer_explorer(optimizers=("sgd", "adam"), surface="bowl", learning_rate=0.1, steps=50, display=True,
                       **settings):
    """Make an OptimizerExplorer, display it (in IPython) and return it. See OptimizerExplorer."""
    ex = OptimizerExplorer(optimizers=optimizers, surface=surface, learning_rate=learning_rate, steps=steps,
                           **settings)
    return _maybe_display(ex, display)


def _maybe_display(ex, display):
    if display:
        try:
            from IPython import get_ipython
            from IPython.display import display as ipy_display
        except ImportError:  # pragma: no cover
            return ex
        if get_ipython() is not None:
            ipy_display(ex)
    return ex


# =============================================================================================
# Learning-rate explorer: real training, live loss curves
# =============================================================================================

DATASETS = {"moons": "반달 (moons)", "spirals": "나선 (spirals)", "blobs": "덩어리 (blobs)",
            "fashion_mnist": "패션 MNIST 일부 (2000장)"}


def _load_dataset(name, seed=0):
    from .datasets import synthetic

    if name == "moons":
        return synthetic.moons(n=400, noise=0.2, seed=seed)
    if name == "spirals":
        return synthetic.spirals(n_per_class=150, n_classes=3, noise=0.2, seed=seed)
    if name == "blobs":
        return synthetic.blobs(n=400, centers=3, std=1.5, seed=seed)
    if name == "fashion_mnist":
        from .datasets import fashion_mnist
        (x, y), _ = fashion_mnist.load_data()
        x = (x[:2000].reshape(2000, -1) / 255.0).astype(np.float32)
        return x, y[:2000]
    raise checks.unknown_name("dataset", name, list(DATASETS))


class LearningRateExplorer(_Explorer):
    """Train a small model with the chosen optimizer and learning rate; the loss curves grow live.

    Every run (button ``train_button`` or ``train()``) is kept for comparison (up to ``max_runs``);
    ``clear_button`` / ``clear()`` forgets them, and so does choosing another dataset (losses on
    different data are not comparable). A callback redraws after every epoch.
    Controls: ``optimizer_dropdown``, ``lr_slider``, ``epochs_slider``, ``dataset_dropdown``.
    ``state["runs"]`` is a list of {"label", "loss", "val_loss", "accuracy", "val_accuracy"} lists per epoch.
    """

    figsize = (7.0, 4.2)

    def __init__(self, optimizer="sgd", learning_rate=0.1, epochs=20, dataset="moons", train=True,
                 max_runs=6, seed=42):
        where = "learning_rate_explorer"
        optimizer = _optimizer_key(optimizer, where)
        learning_rate = _check_range(where, "learning_rate", learning_rate, 1e-4, 10.0)
        epochs = checks.integer(epochs, "epochs", 1, 100, where=where)
        if dataset not in DATASETS:
            raise checks.unknown_name(f"dataset for {where}", dataset, list(DATASETS))
        max_runs = checks.integer(max_runs, "max_runs", 1, where=where)
        super().__init__()
        self.optimizer_dropdown = W.Dropdown(options=[(OPTIMIZER_LABELS[n], n) for n in OPTIMIZER_NAMES],
                                             value=optimizer, description="옵티마이저", style=_STYLE)
        self.lr_slider = W.FloatLogSlider(value=learning_rate, base=10, min=-4, max=1, step=0.05,
                                          description="learning_rate", readout_format=".4g",
                                          style=_STYLE, layout=_slider_layout())
        self.epochs_slider = W.IntSlider(value=epochs, min=1, max=100, description="에포크",
                                         style=_STYLE, layout=_slider_layout())
        self.dataset_dropdown = W.Dropdown(options=[(v, k) for k, v in DATASETS.items()], value=dataset,
                                           description="데이터", style=_STYLE, layout=_slider_layout())
        self.train_button = W.Button(description="훈련 시작", button_style="primary", icon="play")
        self.clear_button = W.Button(description="기록 지우기", icon="trash")
        self.train_button.on_click(lambda _: self.train())
        self.dataset_dropdown.observe(lambda _: self.clear(), names="value")   # compare runs on one dataset
        self.clear_button.on_click(lambda _: self.clear())
        self.max_runs, self.seed = max_runs, seed
        self.state["runs"] = []
        self.ax.set_xlabel("에포크")
        self.ax.set_ylabel("손실")
        self.ax.set_title("학습률에 따른 손실 곡선 (실선: 훈련, 점선: 검증)")
        self.fig.subplots_adjust(left=0.1, right=0.98, bottom=0.12, top=0.92)
        controls = [self.optimizer_dropdown, self.lr_slider, self.epochs_slider, self.dataset_dropdown,
                    W.HBox([self.train_button, self.clear_button])]
        self.widget = _panel(controls, self.image, self.readout)
        self.widget.add_class("honggong-lr-explorer")
        if train:
            self.train()
        else:
            self.redraw()

    def _build_model(self, n_features, n_classes):
        from . import layers, models

        hidden = 100 if n_features > 2 else 16
        model = models.Sequential([
            layers.Input(shape=(n_features,)),
            layers.Dense(hidden, activation="relu"),
            layers.Dense(n_classes, activation="softmax"),
        ])
        opt = make_optimizer(self.optimizer_dropdown.value, learning_rate=float(self.lr_slider.value))
        model.compile(optimizer=opt, loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        return model, opt

    def train(self):
        """Train one run with the current settings (same seed and data for every run) and return its History."""
        from . import callbacks, utils

        x, y = _load_dataset(self.dataset_dropdown.value)
        utils.set_random_seed(self.seed)
        model, opt = self._build_model(x.shape[1], int(y.max()) + 1)
        run = {"label": f"{describe(opt)}", "dataset": self.dataset_dropdown.value,
               "loss": [], "val_loss": [], "accuracy": [], "val_accuracy": []}
        runs = self.state["runs"]
        runs.append(run)
        del runs[:-self.max_runs]
        explorer = self

        class LiveCurves(callbacks.Callback):
            def on_epoch_end(self, epoch, logs=None):
                for key in ("loss", "val_loss", "accuracy", "val_accuracy"):
                    run[key].append(float((logs or {}).get(key, np.nan)))
                explorer.redraw()

        history = model.fit(x, y, epochs=int(self.epochs_slider.value), batch_size=32, validation_split=0.2,
                            verbose=0, callbacks=[LiveCurves()])
        self.state["model"] = model
        return history

    def clear(self):
        """Forget all runs."""
        self.state["runs"] = []
        self.redraw()

    def _update(self):
        ax = self.ax
        for line in list(ax.lines):
            line.remove()
        lines = []
        finite = []
        for i, run in enumerate(self.state["runs"]):
            color = plots.COLORS[i % len(plots.COLORS)]
            epochs = np.arange(1, len(run["loss"]) + 1)
            ax.plot(epochs, run["loss"], "-", color=color, label=run["label"], gid=f"train:{i}")
            ax.plot(epochs, run["val_loss"], "--", color=color, gid=f"val:{i}")
            finite += [v for v in run["loss"] + run["val_loss"] if np.isfinite(v)]
            if run["loss"]:
                lines.append(f'<span style="color:{color}">■</span> <b>{html.escape(run["label"])}</b>: '
                             f'에포크 {len(run["loss"])}, 훈련 손실 = {run["loss"][-1]:.3e}, '
                             f'검증 손실 = {run["val_loss"][-1]:.3e}, 검증 정확도 = {run["val_accuracy"][-1]:.3f}')
        if finite:
            ax.set_xlim(0.5, max(len(r["loss"]) for r in self.state["runs"]) + 0.5)
            top = min(max(finite), 10 * np.median(finite))
            ax.set_ylim(0, top * 1.05 + 1e-9)
            ax.legend(loc="upper right", fontsize=8)
        elif ax.get_legend() is not None:
            ax.get_legend().remove()
        self.readout.value = "<br>".join(lines) if lines else "'훈련 시작'을 누르세요."


def learning_rate_explorer(optimizer="sgd", learning_rate=0.1, epochs=20, dataset="moons", display=True, **kw):
    """Make a LearningRateExplorer (one default run trained), display it and return it."""
    return _maybe_display(LearningRateExplorer(optimizer, learning_rate, epochs, dataset, **kw), display)


# =============================================================================================
# Activation explorer
# =============================================================================================

def _activation_names():
    """Every elementwise activation of honggong.activations under its own name (aliases such as
    "swish" resolve to "silu"; softmax is left out: it mixes a whole row, a 1-D curve cannot show it)."""
    from . import activations

    first = {}
    for n in activations.NAMES:
        if n != "softmax":
            first.setdefault(activations.get(n).function, n)
    return tuple(first.values())


ACTIVATION_NAMES = _activation_names()


def _activation_key(name, where="activation_explorer"):
    """The explorer's name for an activation name as Dense(activation=...) accepts it ("ReLU", "swish")."""
    from . import activations

    _require_name(name, "activation", "relu", where)
    try:
        function = activations.get(name).function
    except checks.HonggongError:
        raise checks.unknown_name(f"activation for {where}", name, ACTIVATION_NAMES) from None
    key = next((n for n in ACTIVATION_NAMES if activations.get(n).function is function), None)
    if key is None:
        raise _error(
            f"{where}: expected an elementwise activation from {list(ACTIVATION_NAMES)}, received {name!r}. "
            "해결: softmax는 한 행 전체를 함께 바꾸므로 곡선 하나로 그릴 수 없습니다. "
            "plots.plot_activations()나 4장의 소프트맥스 예를 보세요."
        )
    return key


class ActivationExplorer(_Explorer):
    """An activation f (blue), its derivative f′ (red, dashed) and the tangent line at ``x_slider``.

    Controls: ``activation_dropdown``, ``x_slider``. ``state`` holds name, x, f(x), f′(x).
    """

    figsize = (6.4, 4.2)

    def __init__(self, activation="sigmoid", x=1.0):
        activation = _activation_key(activation)
        x = _check_range("activation_explorer", "x", x, -5.0, 5.0)
        super().__init__()
        self.activation_dropdown = W.Dropdown(options=list(ACTIVATION_NAMES), value=activation,
                                              description="활성화 함수", style=_STYLE)
        self.x_slider = W.FloatSlider(value=x, min=-5.0, max=5.0, step=0.05, description="x",
                                      style=_STYLE, layout=_slider_layout())
        ax = self.ax
        self.xs = np.linspace(-5.0, 5.0, 401)
        ax.axhline(0, color="lightgray", linewidth=0.8)
        ax.axvline(0, color="lightgray", linewidth=0.8)
        self.f_line, = ax.plot([], [], color="tab:blue", label="f(x)", gid="f")
        self.df_line, = ax.plot([], [], "--", color="tab:red", label="f′(x) 도함수", gid="df")
        self.tangent_line, = ax.plot([], [], ":", color="black", label="접선", gid="tangent")
        self.point, = ax.plot([], [], "o", color="tab:blue", gid="point")
        self.slope_point, = ax.plot([], [], "o", color="tab:red", gid="slope_point")
        ax.set_xlim(-5, 5)
        ax.set_xlabel("x")
        ax.legend(loc="upper left", fontsize=9)
        self.fig.subplots_adjust(left=0.1, right=0.98, bottom=0.12, top=0.92)
        self._observe(self.activation_dropdown, self.x_slider)
        self.widget = _panel([self.activation_dropdown, self.x_slider], self.image, self.readout)
        self.redraw()

    def _update(self):
        from . import activations

        name, x0 = self.activation_dropdown.value, float(self.x_slider.value)
        act = activations.get(name)
        f = np.asarray(act(self.xs), dtype=np.float64)
        df = np.asarray(act.derivative(self.xs), dtype=np.float64)
        fx = float(np.asarray(act(np.array([x0]))).ravel()[0])
        dfx = float(np.asarray(act.derivative(np.array([x0]))).ravel()[0])
        self.f_line.set_data(self.xs, f)
        self.df_line.set_data(self.xs, df)
        t = np.array([x0 - 1.5, x0 + 1.5])
        self.tangent_line.set_data(t, fx + dfx * (t - x0))
        self.point.set_data([x0], [fx])
        self.slope_point.set_data([x0], [dfx])
        lo, hi = min(f.min(), df.min(), 0.0), max(f.max(), df.max(), 1.0)
        pad = 0.08 * (hi - lo)
        self.ax.set_ylim(lo - pad, hi + pad)
        self.ax.set_title(f"{name}: f({x0:.2f}) = {fx:.3f}, f′({x0:.2f}) = {dfx:.3f}")
        self.readout.value = f"<b>{name}</b>: f({x0:.2f}) = {fx:.4f}, 기울기 f′({x0:.2f}) = {dfx:.4f}"
        self.state.update(name=name, x=x0, f=fx, derivative=dfx)


def activation_explorer(activation="sigmoid", x=1.0, display=True):
    """Make an ActivationExplorer, display it and return it."""
    return _maybe_display(ActivationExplorer(activation, x), display)


# =============================================================================================
# Loss explorer
# =============================================================================================

def _loss_names():
    """The losses of honggong.losses that work on one prediction (the categorical ones need a row of
    class scores), each under the first name honggong.losses lists for it."""
    from . import losses

    names = {}
    for n in losses.NAMES:
        cls = type(losses.get(n))
        if cls not in (losses.CategoricalCrossentropy, losses.SparseCategoricalCrossentropy):
            names.setdefault(cls, n)
    return tuple(names.values())


LOSS_NAMES = _loss_names()


def _loss_key(name, where="loss_explorer"):
    """The explorer's name for a loss name as compile accepts it ("mse" -> "mean_squared_error")."""
    from . import losses

    _require_name(name, "loss", "mse", where)
    try:
        cls = type(losses.get(name))
    except checks.HonggongError:
        raise checks.unknown_name(f"loss for {where}", name, LOSS_NAMES + ("mse", "mae")) from None
    key = next((n for n in LOSS_NAMES if type(losses.get(n)) is cls), None)
    if key is None:
        raise _error(
            f"{where}: expected a loss of one prediction from {list(LOSS_NAMES)}, received {name!r}. "
            "해결: 범주형 크로스엔트로피는 클래스 점수 한 행이 필요해 곡선 하나로 그릴 수 없습니다. "
            "이진 분류의 'binary_crossentropy'를 보세요."
        )
    return key


class LossExplorer(_Explorer):
    """Move the prediction ŷ and see the loss L(y, ŷ) and its gradient dL/dŷ (the tangent's slope).

    Controls: ``loss_dropdown``, ``y_true_slider`` (regression), ``label_toggle`` (0/1, binary
    cross-entropy; shown instead of the slider), ``y_pred_slider``. Values come from honggong.losses:
    ``loss(y, ŷ)`` and ``loss.gradient(y, ŷ)`` for one sample.
    ``loss`` takes the names and aliases compile takes ("mse", "MeanSquaredError", ...); ``y_true``
    is the regression target (default 0) or, for binary cross-entropy, the label 0 or 1 (default 1).
    A setting outside its slider's range is refused (a slider would clamp it silently).
    """

    figsize = (6.4, 4.2)

    def __init__(self, loss="mean_squared_error", y_true=None, y_pred=1.5):
        where = "loss_explorer"
        loss = _loss_key(loss)
        label = 1
        if loss == "binary_crossentropy":
            if y_true is not None:
                label = checks.number(y_true, "y_true", where=where)
                if label not in (0.0, 1.0):
                    raise _error(f"{where}: binary_crossentropy expects the label y_true 0 or 1, received "
                                 f"{label:g}. 해결: y_true=0 또는 y_true=1을 주세요.")
            y_true, label = 0.0, int(label)
            y_pred = _check_range(where, "y_pred", y_pred, 0.001, 0.999)
        else:
            y_true = _check_range(where, "y_true", 0.0 if y_true is None else y_true, -2.0, 2.0)
            y_pred = _check_range(where, "y_pred", y_pred, -3.0, 3.0)
        super().__init__()
        self.loss_dropdown = W.Dropdown(options=list(LOSS_NAMES), value=loss, description="손실 함수", style=_STYLE)
        self.y_true_slider = W.FloatSlider(value=y_true, min=-2.0, max=2.0, step=0.1, description="정답 y",
                                           style=_STYLE, layout=_slider_layout())
        self.label_toggle = W.ToggleButtons(options=[0, 1], value=label, description="정답 y", style=_STYLE)
        self.y_pred_slider = W.FloatSlider(value=y_pred, min=-3.0, max=3.0, step=0.01, description="예측 ŷ",
                                           style=_STYLE, layout=_slider_layout())
        ax = self.ax
        self.curve, = ax.plot([], [], color="tab:blue", gid="loss_curve")
        self.tangent_line, = ax.plot([], [], ":", color="black", label="접선 (기울기 = dL/dŷ)", gid="tangent")
        self.point, = ax.plot([], [], "o", color="tab:red", markersize=8, gid="point")
        ax.set_xlabel("예측 ŷ")
        ax.set_ylabel("손실 L")
        self.fig.subplots_adjust(left=0.1, right=0.98, bottom=0.12, top=0.92)
        self.loss_dropdown.observe(self._on_loss, names="value")
        self._observe(self.y_true_slider, self.label_toggle, self.y_pred_slider)
        self.widget = _panel([self.loss_dropdown, self.y_true_slider, self.label_toggle, self.y_pred_slider],
                             self.image, self.readout)
        with self.hold():
            self._configure(loss)

    def _is_probability(self):
        return self.loss_dropdown.value == "binary_crossentropy"

    def _configure(self, name):
        s = self.y_pred_slider
        s.min, s.max = -1e9, 1e9
        if name == "binary_crossentropy":
            s.step, s.value = 0.001, min(max(s.value, 0.01), 0.99)
            s.min, s.max = 0.001, 0.999
            s.description = "예측 확률 p"
        else:
            s.step, s.value = 0.01, min(max(s.value, -3.0), 3.0)
            s.min, s.max = -3.0, 3.0
            s.description = "예측 ŷ"
        self.y_true_slider.layout.display = "none" if self._is_probability() else None
        self.label_toggle.layout.display = None if self._is_probability() else "none"

    def _on_loss(self, change):
        with self.hold():
            self._configure(change["new"])

    def _update(self):
        from . import losses

        name = self.loss_dropdown.value
        loss = losses.get(name)
        y_true = float(self.label_toggle.value if self._is_probability() else self.y_true_slider.value)
        y_pred = float(self.y_pred_slider.value)
        s = self.y_pred_slider
        grid = np.linspace(s.min, s.max, 300).reshape(-1, 1)
        curve = np.asarray(loss.call(np.full_like(grid, y_true), grid), dtype=np.float64)
        yt, yp = np.array([[y_true]]), np.array([[y_pred]])
        value = float(loss(yt, yp))
        grad = float(np.asarray(loss.gradient(yt, yp)).ravel()[0])
        self.curve.set_data(grid[:, 0], curve)
        self.curve.set_label(name)
        half = 0.2 * (s.max - s.min)
        t = np.array([y_pred - half, y_pred + half])
        self.tangent_line.set_data(t, value + grad * (t - y_pred))
        self.point.set_data([y_pred], [value])
        self.ax.set_xlim(s.min, s.max)
        top = float(np.nanmax(curve[np.isfinite(curve)]))
        self.ax.set_ylim(-0.05 * top, 1.05 * top)
        self.ax.set_xlabel("예측 확률 p" if self._is_probability() else "예측 ŷ")
        self.ax.set_title(f"{name} (정답 y = {y_true:g})")
        self.ax.legend(handles=[self.curve, self.tangent_line], loc="upper center", fontsize=9)
        self.readout.value = (f"<b>{name}</b>: 손실 L({y_true:g}, {y_pred:.3f}) = {value:.4f}, "
                              f"기울기 dL/dŷ = {grad:.4f}")
        self.state.update(name=name, y_true=y_true, y_pred=y_pred, loss=value, gradient=grad)


def loss_explorer(loss="mean_squared_error", y_true=None, y_pred=1.5, display=True):
    """Make a LossExplorer, display it and return it."""
    return _maybe_display(LossExplorer(loss, y_true, y_pred), display)


# =============================================================================================
# Playground (TensorFlow Playground in the notebook, trained by honggong's Sequential)
# =============================================================================================

PLAYGROUND_DATASETS = {"circles": "원 (circles)", "xor": "XOR", "moons": "반달 (moons)",
                       "spirals": "나선 (spirals)"}
PLAYGROUND_ACTIVATIONS = ("relu", "tanh", "sigmoid", "leaky_relu", "linear")
PLAYGROUND_L2 = (0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1)
PLAYGROUND_BATCH_SIZES = (1, 2, 4, 8, 10, 16, 32, 64, 100)


def playground_data(name, n=200, noise=0.1, seed=0):
    """(x_train, y_train), (x_test, y_test): ``n`` points of a 2-class set, split half and half.

    circles / xor / moons / spirals from honggong.datasets.synthetic (spirals: two arms), the
    coordinates centred and scaled to about [-1, 1] so every set suits the same learning rates.
    """
    from .datasets import synthetic

    makers = {
        "circles": lambda: synthetic.circles(n=n, noise=noise, seed=seed),
        "xor": lambda: synthetic.xor(n=n, noise=noise, seed=seed),
        "moons": lambda: synthetic.moons(n=n, noise=noise, seed=seed),
        "spirals": lambda: synthetic.spirals(n_per_class=n // 2, n_classes=2, noise=noise, seed=seed),
    }
    if name not in makers:
        raise HonggongError(message(f"Unknown playground dataset {name!r}.",
                                    "'circles', 'xor', 'moons', 'spirals' 중 하나를 쓰세요.",
                                    expected=f"one of {list(makers)}", received=repr(name)))
    x, y = makers[name]()
    x = x - (x.max(axis=0) + x.min(axis=0)) / 2
    x = (x / np.abs(x).max()).astype(np.float32)
    half = len(x) // 2
    return (x[:half], y[:half]), (x[half:], y[half:])


class Playground(_Explorer):
    """A neural-network playground: a small ``Sequential`` learns a 2-D, 2-class data set while the
    decision boundary and the loss curves update live — TensorFlow Playground, trained by honggong.

    Model: ``Input(2)`` → ``hidden_layers`` × [``Dense(units, activation, kernel_regularizer=L2(l2))``
    (+ ``Dropout(dropout)``)] → ``Dense(1, sigmoid)``; ``binary_crossentropy``, metric ``accuracy``;
    the optimizer is the real honggong class (``sgd``, ``adam``, ...) with ``learning_rate``.
    One **step** = one epoch: ``model.fit(x_train, y_train, batch_size, epochs=1)`` over the 100
    training points (the same fit as everywhere in the book), then ``model.evaluate`` on the training
    and the test half (dropout off) for the curves, and ``model.predict`` on a grid for the picture.

    Controls (attributes): ``dataset_dropdown``, ``noise_slider``, ``layers_slider``, ``units_slider``,
    ``activation_dropdown``, ``optimizer_dropdown``, ``lr_slider``, ``l2_slider``, ``dropout_slider``,
    ``batch_slider``; ``play`` (ipywidgets.Play: ▶ trains one epoch per tick in the browser, ⏸ pauses;
    no threads, so it works in Colab too), ``step_button`` (한 스텝), ``reset_button``.
    Changing any setting starts again from new weights (the seed is fixed, so the same settings give
    the same run). ``state``: "epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy"
    (lists per epoch), "model", "probabilities" (the grid of p(class 1)).
    """

    figsize = (8.6, 3.9)
    dpi = 80
    grid = 50

    def __init__(self, dataset="circles", hidden_layers=1, units=4, activation="tanh", optimizer="sgd",
                 learning_rate=0.1, l2=0.0, dropout=0.0, batch_size=10, noise=0.1, epochs=0, seed=42,
                 max_epochs=500):
        super().__init__()
        self.fig.clear()
        self.ax, self.loss_ax = self.fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.25]})
        self.fig.subplots_adjust(left=0.05, right=0.98, bottom=0.13, top=0.9, wspace=0.2)
        self.seed, self.max_epochs = seed, max_epochs
        slider = dict(style=_STYLE, layout=_slider_layout(), continuous_update=False)
        self.dataset_dropdown = W.Dropdown(options=[(v, k) for k, v in PLAYGROUND_DATASETS.items()],
                                           value=dataset, description="데이터", style=_STYLE)
        self.noise_slider = W.FloatSlider(value=noise, min=0.0, max=0.5, step=0.05, description="잡음", **slider)
        self.layers_slider = W.IntSlider(value=hidden_layers, min=0, max=4, description="은닉층 수", **slider)
        self.units_slider = W.IntSlider(value=units, min=1, max=16, description="층마다 뉴런", **slider)
        self.activation_dropdown = W.Dropdown(options=list(PLAYGROUND_ACTIVATIONS), value=activation,
                                              description="활성화 함수", style=_STYLE)
        self.optimizer_dropdown = W.Dropdown(options=[(OPTIMIZER_LABELS[n], n) for n in OPTIMIZER_NAMES],
                                             value=optimizer, description="옵티마이저", style=_STYLE)
        self.lr_slider = W.FloatLogSlider(value=learning_rate, base=10, min=-4, max=1, step=0.25,
                                          description="learning_rate", readout_format=".4g", **slider)
        self.l2_slider = W.SelectionSlider(options=list(PLAYGROUND_L2), value=l2, description="L2 규제",
                                           **slider)
        self.dropout_slider = W.FloatSlider(value=dropout, min=0.0, max=0.6, step=0.1, description="드롭아웃",
                                            **slider)
        self.batch_slider = W.SelectionSlider(options=list(PLAYGROUND_BATCH_SIZES), value=batch_size,
                                              description="batch_size", **slider)
        self.play = W.Play(value=0, min=0, max=max_epochs, step=1, interval=150, description="훈련",
                           show_repeat=False)
        self.step_button = W.Button(description="한 스텝", icon="step-forward",
                                    tooltip="한 에포크만 훈련합니다")
        self.reset_button = W.Button(description="처음부터", icon="refresh")
        self.settings = [self.dataset_dropdown, self.noise_slider, self.layers_slider, self.units_slider,
                         self.activation_dropdown, self.optimizer_dropdown, self.lr_slider, self.l2_slider,
                         self.dropout_slider, self.batch_slider]
        for control in self.settings:
            control.observe(lambda _: self.reset(), names="value")
        self.play.observe(self._on_play, names="value")
        self.step_button.on_click(lambda _: self.step())
        self.reset_button.on_click(lambda _: self.reset())
        self._setup_axes()
        controls = self.settings + [W.HBox([self.play, self.step_button, self.reset_button])]
        self.widget = _panel(controls, self.image, self.readout)
        self.widget.add_class("honggong-playground")
        self.reset()
        if epochs:
            self.step(epochs)

    # --- figure --------------------------------------------------------------------------------
    def _setup_axes(self):
        ax, lax = self.ax, self.loss_ax
        g = np.linspace(-1.2, 1.2, self.grid, dtype=np.float32)
        gx, gy = np.meshgrid(g, g)
        self._grid_points = np.stack([gx.ravel(), gy.ravel()], axis=1)
        cmap = matplotlib_colormap()
        self.boundary = ax.imshow(np.full((self.grid, self.grid), 0.5), origin="lower", extent=(-1.2, 1.2, -1.2, 1.2),
                                  cmap=cmap, vmin=0.0, vmax=1.0, interpolation="bilinear", gid="boundary")
        dark = matplotlib_colormap(points=True)     # points darker than the plane, so they show on it
        self.train_points = ax.scatter(np.zeros(0), np.zeros(0), c=np.zeros(0), s=14, edgecolors="white", linewidths=0.6, cmap=dark, vmin=0, vmax=1,
                                       gid="train_points")
        self.test_points = ax.scatter(np.zeros(0), np.zeros(0), c=np.zeros(0), s=14, marker="s", edgecolors="black", linewidths=0.6, cmap=dark,
                                      vmin=0, vmax=1, gid="test_points")
        ax.set_xlim(-1.2, 1.2)
        ax.set_ylim(-1.2, 1.2)
        ax.set_xticks([-1, 0, 1])
        ax.set_yticks([-1, 0, 1])
        ax.set_title("결정 경계 (동그라미: 훈련, 네모: 테스트)", fontsize=10)
        self.train_line, = lax.plot([], [], color="tab:blue", label="훈련 손실", gid="train_loss")
        self.test_line, = lax.plot([], [], color="tab:orange", label="테스트 손실", gid="test_loss")
        lax.set_title("손실 곡선", fontsize=10)
        lax.set_xlabel("에포크")
        lax.set_ylabel("손실 (binary crossentropy)")
        lax.legend(loc="upper right", fontsize=8)
        lax.grid(alpha=0.3)
        self.info_text = lax.text(0.02, 0.03, "", transform=lax.transAxes, fontsize=9, gid="info")
        self._animated = [self.boundary, self.train_points, self.test_points, self.train_line, self.test_line,
                          self.info_text]
        for artist in self._animated:
            artist.set_animated(True)     # drawn on top of the cached background (see _render)

    def _render(self) -> bytes:
        """Blitting, as in OptimizerExplorer: axes, ticks, labels and legend are drawn once and cached;
        each update restores them and draws only the boundary image, the points, the two curves and
        one text. The cache is rebuilt when the loss axes' limits change (the x range doubles)."""
        return self._blit(self._animated, key=(self.loss_ax.get_xlim(), self.loss_ax.get_ylim()))

    def _update(self):
        s = self.state
        p = s["probabilities"]
        self.boundary.set_data(p.reshape(self.grid, self.grid))
        epochs = np.arange(len(s["train_loss"]))
        self.train_line.set_data(epochs, s["train_loss"])
        self.test_line.set_data(epochs, s["test_loss"])
        n = len(epochs) - 1
        right = 10
        while right < n:                 # the x range doubles when it fills up: the ticks rarely change
            right *= 2
        self.loss_ax.set_xlim(0, right)
        top = max(max(s["train_loss"][:1] + s["test_loss"][:1] + [0.75]), 0.1)
        self.loss_ax.set_ylim(0, 1.1 * top)
        self.info_text.set_text(f"에포크 {n}: 훈련 손실 {s['train_loss'][-1]:.3f}, "
                                f"테스트 손실 {s['test_loss'][-1]:.3f}")
        self.readout.value = (
            f"<b>에포크 {n}</b> · 훈련 손실 {s['train_loss'][-1]:.4f} · 테스트 손실 {s['test_loss'][-1]:.4f} · "
            f"테스트 정확도 {s['test_accuracy'][-1]:.1%} · {html.escape(s['description'])}")

    # --- training ------------------------------------------------------------------------------
    def _build(self):
        from . import layers, models, regularizers, utils

        utils.set_random_seed(self.seed)
        l2 = float(self.l2_slider.value)
        stack = [layers.Input(shape=(2,))]
        for _ in range(int(self.layers_slider.value)):
            stack.append(layers.Dense(int(self.units_slider.value), activation=self.activation_dropdown.value,
                                      kernel_regularizer=regularizers.L2(l2) if l2 else None))
            if self.dropout_slider.value:
                stack.append(layers.Dropout(float(self.dropout_slider.value)))
        stack.append(layers.Dense(1, activation="sigmoid"))
        model = models.Sequential(stack)
        opt = make_optimizer(self.optimizer_dropdown.value, learning_rate=float(self.lr_slider.value))
        model.compile(optimizer=opt, loss="binary_crossentropy", metrics=["accuracy"])
        return model, opt

    def reset(self):
        """New data (if the dataset or noise changed) and a new model from the seed; epoch 0."""
        if self._held:
            return
        (self.x_train, self.y_train), (self.x_test, self.y_test) = playground_data(
            self.dataset_dropdown.value, noise=float(self.noise_slider.value))
        model, opt = self._build()
        hidden = int(self.layers_slider.value)
        shape = " → ".join(["2"] + [str(self.units_slider.value)] * hidden + ["1"])
        extras = [f"L2 {self.l2_slider.value:g}" if self.l2_slider.value else "",
                  f"드롭아웃 {self.dropout_slider.value:g}" if self.dropout_slider.value else ""]
        self.state.update(model=model, epoch=0, train_loss=[], test_loss=[], train_accuracy=[],
                          test_accuracy=[], description=", ".join(
                              [shape, self.activation_dropdown.value, describe(opt),
                               f"batch_size {self.batch_slider.value}"] + [e for e in extras if e]))
        self.train_points.set_offsets(self.x_train)
        self.train_points.set_array(self.y_train.astype(float))
        self.test_points.set_offsets(self.x_test)
        self.test_points.set_array(self.y_test.astype(float))
        with _one_blas_thread():
            self._measure()
        with self._quiet_play():
            self.play.value = 0
        self.redraw()

    def _measure(self, grid=True):
        """Losses and accuracies on both halves (appended to the curves); the grid only when drawn next."""
        s, model = self.state, self.state["model"]
        train = model.evaluate(self.x_train, self.y_train, batch_size=1024, verbose=0, return_dict=True)
        test = model.evaluate(self.x_test, self.y_test, batch_size=1024, verbose=0, return_dict=True)
        s["train_loss"].append(float(train["loss"]))
        s["test_loss"].append(float(test["loss"]))
        s["train_accuracy"].append(float(train["accuracy"]))
        s["test_accuracy"].append(float(test["accuracy"]))
        if grid:
            s["probabilities"] = model.predict(self._grid_points, batch_size=4096, verbose=0).ravel()

    def step(self, epochs=1):
        """Train ``epochs`` epochs (one ``model.fit(..., epochs=1)`` each), then redraw once."""
        s = self.state
        with _one_blas_thread():
            for k in range(int(epochs)):
                s["model"].fit(self.x_train, self.y_train, batch_size=int(self.batch_slider.value), epochs=1,
                               verbose=0, shuffle=True)
                s["epoch"] += 1
                self._measure(grid=k == int(epochs) - 1)
        self.redraw()
        return self

    @contextlib.contextmanager
    def _quiet_play(self):
        self._play_quiet = True
        try:
            yield
        finally:
            self._play_quiet = False

    def _on_play(self, change):
        """The Play widget ticks in the browser (no kernel threads); each tick trains one epoch."""
        if getattr(self, "_play_quiet", False):
            return
        ahead = int(change["new"]) - int(change["old"])
        if ahead > 0:
            self.step(ahead)
        if self.state["epoch"] >= self.max_epochs:
            self.play.playing = False


_BLAS = {}


def _one_blas_thread():
    """One BLAS thread for the playground's tiny products (as fit does, see models.BLAS_THREADS_IN_FIT):
    on a busy 2-core machine a 2-thread product of a 2,500×16 grid waits for the second core (measured
    3 ms per Dense instead of 0.05 ms). The controller is made once: scanning the libraries costs ~2 ms."""
    try:
        if "controller" not in _BLAS:
            from threadpoolctl import ThreadpoolController
            _BLAS["controller"] = ThreadpoolController()
        limit = _BLAS["controller"].limit(limits=1, user_api="blas")
    except Exception:            # pragma: no cover - threadpoolctl missing or no BLAS found
        return contextlib.nullcontext()
    return _fit_leaves_blas_alone(limit)


@contextlib.contextmanager
def _fit_leaves_blas_alone(limit):
    """While our limit holds, fit need not set its own (models.BLAS_THREADS_IN_FIT = None): its
    threadpoolctl call rescans the loaded libraries, ~2.5 ms per fit call, more than a small epoch."""
    from . import models

    saved = models.BLAS_THREADS_IN_FIT
    models.BLAS_THREADS_IN_FIT = None
    try:
        with limit:
            yield
    finally:
        models.BLAS_THREADS_IN_FIT = saved


def matplotlib_colormap(points=False):
    """Orange (class 0) → white → blue (class 1), as TensorFlow Playground colours its plane;
    ``points=True``: the darker pair for the data points drawn on top."""
    from matplotlib.colors import LinearSegmentedColormap

    if points:
        return LinearSegmentedColormap.from_list("playground_points", ["#b35900", "#04476f"])
    return LinearSegmentedColormap.from_list("playground", ["#f59322", "#e8eaeb", "#0877bd"])


def playground(dataset="circles", hidden_layers=1, units=4, activation="tanh", optimizer="sgd",
               learning_rate=0.1, l2=0.0, dropout=0.0, batch_size=10, noise=0.1, epochs=0, display=True,
               **kw):
    """Make a Playground (``epochs`` epochs already trained), display it and return it.

        pg = widgets.playground("xor", hidden_layers=1, units=4, activation="relu", epochs=50)
        pg.step(10)                  # train 10 more epochs from code
        pg.activation_dropdown.value = "tanh"    # any setting change starts again
    """
    return _maybe_display(Playground(dataset, hidden_layers, units, activation, optimizer, learning_rate, l2,
                                     dropout, batch_size, noise, epochs, **kw), display)
