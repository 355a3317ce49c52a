"""그림 그리기: 옵티마이저 궤적, 손실 곡선, 활성화 함수, 이미지, 혼동 행렬, 결정 경계,
뉴런과 밀집층, 드롭아웃, 계산 그래프, 배치 정규화.

    from honggong import plots
    fig = plots.plot_trajectories([honggong.trajectory("adam", learning_rate=0.1)])

Every function returns a matplotlib ``Figure`` and does not show it (``show=True`` displays it).
The figures are not registered with pyplot, so they never pile up in ``plt.get_fignums()``;
a Figure as the last expression of a notebook cell is shown once, as an image.
Functions with ``ax=`` draw into your Axes instead and return its figure.

Artists carry a ``gid`` so tests (and curious learners) can find them: ``"trajectory:0"``,
``"start:0"``, ``"end:0"``, ``"minimum"``, ``"train:loss"``, ``"val:loss"``, ``"best:loss"`` ...

Importing this module registers a Hangul font once (``honggong.fonts.use_korean_font``).
"""
from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt  # noqa: F401  (in Jupyter this activates the inline PNG display)
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from . import fonts
from . import checks
from .checks import error as _error, type_error as _type_error
from . import surfaces as _surfaces

fonts.use_korean_font()

__all__ = [
    "new_figure", "show", "COLORS",
    "plot_surface", "plot_trajectories", "draw_trajectory", "plot_loss_steps",
    "plot_history", "plot_activations", "plot_losses", "plot_images",
    "confusion_matrix", "plot_confusion_matrix", "plot_decision_boundary", "class_names",
    "plot_neuron", "plot_network", "plot_dropout", "plot_computational_graph", "computational_graph_values",
    "plot_batch_norm",
]

COLORS = ("tab:red", "tab:blue", "tab:green", "tab:orange", "tab:purple", "tab:brown", "tab:pink")

METRIC_NAMES_KO = {
    "loss": "손실", "accuracy": "정확도", "binary_accuracy": "정확도",
    "categorical_accuracy": "정확도", "sparse_categorical_accuracy": "정확도",
    "mae": "평균 절댓값 오차", "mse": "평균 제곱 오차",
}


# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------

def new_figure(nrows=1, ncols=1, figsize=(6.4, 4.8), layout="constrained", **subplot_kw):
    """A Figure (not managed by pyplot) with an Agg canvas and an (nrows, ncols) grid of Axes.

    Returns (fig, axes); axes is one Axes for 1×1, else a 2-D array.
    """
    fig = Figure(figsize=figsize, layout=layout)
    FigureCanvasAgg(fig)
    axes = fig.subplots(nrows, ncols, squeeze=False, subplot_kw=subplot_kw or None)
    return fig, (axes[0, 0] if nrows == ncols == 1 else axes)


def _axes_list(axes):
    """new_figure's axes as a flat list (a 1×1 grid gives one Axes, not an array)."""
    return list(axes.ravel()) if isinstance(axes, np.ndarray) else [axes]


def _fig_ax(ax, figsize):
    if ax is not None:
        return ax.figure, ax
    return new_figure(figsize=figsize)


def show(fig):
    """Display ``fig`` now: in Jupyter as an image output, elsewhere saved to a temporary PNG."""
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython is installed with jupyter
        get_ipython = None
    if get_ipython is not None and get_ipython() is not None:
        display(fig)
        return fig
    import tempfile
    path = tempfile.NamedTemporaryFile(suffix=".png", delete=False).name
    fig.savefig(path)
    print(f"그림을 저장했습니다 (saved the figure to): {path}")
    return fig


def _done(fig, show_it):
    if show_it:
        show(fig)
    return fig


def _log_yaxis(ax):
    """Log scale with plain tick labels ("0.01", "1e-05"): matplotlib's default 10⁻² labels are
    mathtext, which draws its minus sign (U+2212) from the Hangul font, and NanumGothic has none."""
    ax.set_yscale("log")
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:g}"))
    ax.yaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())


def _as_list(trajectories):
    if isinstance(trajectories, np.ndarray) and hasattr(trajectories, "surface"):
        return [trajectories]
    if not isinstance(trajectories, (list, tuple)):
        raise _type_error(
            f"Expected a Trajectory or a list of them, received {type(trajectories).__name__}. "
            "해결: honggong.trajectory('adam')의 결과(또는 그 리스트)를 주세요."
        )
    return list(trajectories)


# ---------------------------------------------------------------------------------------------
# surfaces and trajectories
# ---------------------------------------------------------------------------------------------

def plot_surface(surface="bowl", ax=None, n=200, show=False, title=None):
    """Contour map of a surface over its view, minima marked with ★ (gid "minimum").

    Returns the Figure.
    """
    s = _surfaces.get(surface)
    fig, ax = _fig_ax(ax, (7.0, 4.8))
    X, Y, Z = s.grid(n)
    ax.contour(X, Y, Z, levels=list(s.levels), cmap="viridis", linewidths=0.8, alpha=0.8)
    if s.minima:
        mx, my = zip(*s.minima)
        ax.plot(mx, my, linestyle="none", marker="*", markersize=14, color="gold",
                markeredgecolor="black", label="최솟값", gid="minimum", zorder=5)
    if s.saddles:
        sx, sy = zip(*s.saddles)
        ax.plot(sx, sy, linestyle="none", marker="P", markersize=9, color="white",
                markeredgecolor="black", label="안장점", gid="saddle", zorder=5)
    ax.set_xlim(*s.xlim)
    ax.set_ylim(*s.ylim)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title(fonts.math_text(title if title is not None else s.title))   # x² as mathtext
    return _done(fig, show)


def draw_trajectory(ax, traj, index=0, color=None, label=None):
    """Draw one trajectory on ``ax``: the path (gid "trajectory:i"), its start (○, "start:i") and end (✕, "end:i").

    Returns a dict of the artists {"path", "start", "end"} so callers can update them with set_data.
    """
    color = color or COLORS[index % len(COLORS)]
    pts = np.asarray(traj, dtype=np.float64)
    label = label if label is not None else _trajectory_label(traj)
    path, = ax.plot(pts[:, 0], pts[:, 1], "-o", color=color, markersize=3, linewidth=1.5,
                    label=label, gid=f"trajectory:{index}", zorder=3)
    start, = ax.plot(pts[:1, 0], pts[:1, 1], linestyle="none", marker="o", markersize=9,
                     markerfacecolor="white", markeredgecolor=color, markeredgewidth=2,
                     gid=f"start:{index}", zorder=4)
    end, = ax.plot(pts[-1:, 0], pts[-1:, 1], linestyle="none", marker="X", markersize=11, color=color,
                   markeredgecolor="black", gid=f"end:{index}", zorder=4)
    return {"path": path, "start": start, "end": end}


def _trajectory_label(traj):
    label = getattr(traj, "label", None) or f"궤적 {len(traj) - 1} 스텝"
    if getattr(traj, "diverged", False):
        label += f" — 발산 (스텝 {traj.stopped_at})"
    return label


def plot_trajectories(trajectories, surface=None, ax=None, title=None, show=False):
    """Contour map with one or several optimizer paths.

    Marks each start (○), end (✕) and the surface's minima (★); the legend names each optimizer
    and its settings, e.g. "Adam(lr=0.1)", with "— 발산 (스텝 k)" for diverged runs.

    Args:
        trajectories: a Trajectory (from honggong.trajectory) or a list of them.
        surface: defaults to the first trajectory's surface.
    Returns the Figure.
    """
    trajs = _as_list(trajectories)
    if surface is None:
        if not trajs or not hasattr(trajs[0], "surface"):
            raise _error(
                "Expected Trajectory objects from honggong.trajectory(...) or a surface=..., "
                f"received {type(trajs[0]).__name__ if trajs else 'an empty list'}. "
                "해결: plot_trajectories([honggong.trajectory('adam')]) 처럼 궤적을 주세요."
            )
        surface = trajs[0].surface
    fig = plot_surface(surface, ax=ax, title=title)
    ax = fig.axes[0] if ax is None else ax
    for i, traj in enumerate(trajs):
        draw_trajectory(ax, traj, index=i)
        if getattr(traj, "diverged", False):
            why = "값이 무한대가 됨" if traj.reason == "non-finite" else "화면 밖으로 멀리 나감"
            ax.text(0.02, 0.03 + 0.07 * i, f"{traj.label}: 스텝 {traj.stopped_at}에서 발산 ({why})",
                    transform=ax.transAxes, color=COLORS[i % len(COLORS)], fontsize=9, gid=f"diverged:{i}",
                    bbox={"facecolor": "white", "alpha": 0.8, "edgecolor": "none"})
    ax.legend(loc="upper right", fontsize=9)
    return _done(fig, show)


def plot_loss_steps(trajectories, ax=None, log=None, show=False):
    """Loss f(x, y) along the steps of each trajectory (gid "loss:i").

    ``log=None`` uses a log scale when every loss is positive.
    """
    trajs = _as_list(trajectories)
    fig, ax = _fig_ax(ax, (6.4, 4.0))
    all_losses = np.concatenate([np.asarray(t.losses, dtype=np.float64) for t in trajs]) if trajs else np.ones(1)
    if log is None:
        log = bool(np.all(all_losses > 0))
    for i, t in enumerate(trajs):
        ax.plot(np.arange(len(t)), np.asarray(t.losses, dtype=np.float64), color=COLORS[i % len(COLORS)],
                label=_trajectory_label(t), gid=f"loss:{i}")
    if log:
        _log_yaxis(ax)
    ax.set_xlabel("스텝")
    ax.set_ylabel("손실 f(x, y)")
    ax.set_title("스텝에 따른 손실")
    if trajs:
        ax.legend(fontsize=9)
    return _done(fig, show)


# ---------------------------------------------------------------------------------------------
# training history
# ---------------------------------------------------------------------------------------------

def _history_dict(history):
    h = history.history if hasattr(history, "history") else history
    if isinstance(h, dict):
        curves = {}
        for key, values in h.items():
            values = checks.numeric(values, f"history[{key!r}]", "plot_history")
            if values.ndim != 1 or (curves and len(values) != len(next(iter(curves.values())))):
                raise _error(
                    f"Expected every history entry to be a list with one number per epoch, received "
                    f"{key!r} of shape {values.shape}. 해결: model.fit(...)이 돌려준 history를 그대로 주세요."
                )
            curves[str(key)] = values
        return curves
    raise _type_error(
        f"Expected a History (from model.fit) or its .history dict, received {type(history).__name__}. "
        "해결: history = model.fit(...) 로 받은 객체를 주세요."
    )


def _higher_is_better(metric):
    return "acc" in metric or metric in ("auc", "precision", "recall")


def plot_history(history, metrics=None, stopped_epoch=None, title=None, show=False):
    """Training curves from ``model.fit``: one panel per metric, train and validation.

    Epochs are drawn 1, 2, ... (``history.epoch`` counts from 0). The best epoch (lowest loss /
    highest accuracy, on validation data when there is some) is marked with ★ (gid "best:<metric>").
    An early stop is marked with a dotted line (gid "early_stop"): when ``stopped_epoch`` is given
    (0-based, as ``EarlyStopping.stopped_epoch``) or when fewer epochs ran than ``history.params["epochs"]``.
    """
    h = _history_dict(history)
    if metrics is None:
        metrics = [k for k in h if not k.startswith("val_") and k != "learning_rate"]
        metrics.sort(key=lambda k: k != "loss")
    elif isinstance(metrics, str):
        metrics = [metrics]
    missing = [m for m in metrics if m not in h]
    if missing or not metrics:
        raise _error(
            f"Expected metric names from the history {sorted(h)}, received {missing or metrics}. "
            "해결: history.history.keys()에 있는 이름을 쓰세요."
        )
    n = len(h[metrics[0]])
    epoch = getattr(history, "epoch", None)
    epochs = (np.asarray(epoch) + 1) if epoch is not None and len(epoch) == n else np.arange(1, n + 1)
    planned = (getattr(history, "params", None) or {}).get("epochs")
    if stopped_epoch is None and planned is not None and n and n < planned:
        stopped_epoch = int(epochs[-1]) - 1
    fig, axes = new_figure(1, len(metrics), figsize=(5.2 * len(metrics), 4.0))
    for ax, metric in zip(_axes_list(axes), metrics):
        train = np.asarray(h[metric], dtype=np.float64)
        ax.plot(epochs, train, "-o", markersize=3, color="tab:blue", label="훈련", gid=f"train:{metric}")
        key = f"val_{metric}"
        watched = train
        if key in h:
            watched = np.asarray(h[key], dtype=np.float64)
            ax.plot(epochs, watched, "-o", markersize=3, color="tab:orange", label="검증", gid=f"val:{metric}")
        best = int(np.nanargmax(watched) if _higher_is_better(metric) else np.nanargmin(watched))
        ax.plot([epochs[best]], [watched[best]], linestyle="none", marker="*", markersize=15, color="gold",
                markeredgecolor="black", zorder=5, gid=f"best:{metric}",
                label=f"최고 에포크 {epochs[best]} ({watched[best]:.4g})")
        if stopped_epoch:
            ax.axvline(stopped_epoch + 1, color="gray", linestyle=":", gid="early_stop",
                       label=f"조기 종료 (에포크 {stopped_epoch + 1})")
        name = METRIC_NAMES_KO.get(metric, metric)
        ax.set_title(f"{name} ({metric})")
        ax.set_xlabel("에포크")
        ax.set_ylabel(name)
        ax.legend(fontsize=9)
    if title:
        fig.suptitle(title)
    return _done(fig, show)


# ---------------------------------------------------------------------------------------------
# activations and losses
# ---------------------------------------------------------------------------------------------

def plot_activations(names=("sigmoid", "tanh", "relu", "leaky_relu"), x=None, show=False):
    """Each activation f(x) (gid "f:<name>") with its derivative f'(x) (dashed, gid "df:<name>")."""
    from . import activations

    if isinstance(names, str):
        names = [names]
    x = np.linspace(-5.0, 5.0, 401) if x is None else np.asarray(x, dtype=np.float64)
    fig, axes = new_figure(1, len(names), figsize=(3.6 * len(names), 3.6))
    for ax, name in zip(_axes_list(axes), names):
        act = activations.get(name)
        ax.axhline(0, color="lightgray", linewidth=0.8)
        ax.axvline(0, color="lightgray", linewidth=0.8)
        ax.plot(x, np.asarray(act(x), dtype=np.float64), color="tab:blue", label="f(x)", gid=f"f:{name}")
        ax.plot(x, np.asarray(act.derivative(x), dtype=np.float64), "--", color="tab:red",
                label="f′(x) 도함수", gid=f"df:{name}")
        ax.set_title(getattr(act, "name", name))
        ax.set_xlabel("x")
        ax.legend(fontsize=8, loc="upper left")
    return _done(fig, show)


def plot_losses(y_true_regression=0.0, show=False):
    """Losses as a function of the prediction.

    Left: regression losses (mse, mae, huber) against y_pred for y_true = ``y_true_regression``.
    Right: binary cross-entropy against the predicted probability p, for y_true = 1 and y_true = 0:
    −log p and −log(1 − p). Lines have gid "loss:<name>" (and "loss:bce_y1", "loss:bce_y0").
    """
    from . import losses

    fig, axes = new_figure(1, 2, figsize=(10.0, 4.0))
    ax1, ax2 = axes.ravel()
    y_pred = np.linspace(y_true_regression - 3.0, y_true_regression + 3.0, 301).reshape(-1, 1)
    y_true = np.full_like(y_pred, y_true_regression)
    for name, color in (("mean_squared_error", "tab:blue"), ("mean_absolute_error", "tab:orange"),
                        ("huber", "tab:green")):
        loss = losses.get(name)
        ax1.plot(y_pred[:, 0], np.asarray(loss.call(y_true, y_pred), dtype=np.float64), color=color,
                 label=name, gid=f"loss:{name}")
    ax1.set_title(f"회귀 손실 (정답 y = {y_true_regression:g})")
    ax1.set_xlabel("예측 ŷ")
    ax1.set_ylabel("손실")
    ax1.legend(fontsize=9)
    p = np.linspace(0.001, 0.999, 300).reshape(-1, 1)
    bce = losses.get("binary_crossentropy")
    for target, color in ((1.0, "tab:blue"), (0.0, "tab:red")):
        values = np.asarray(bce.call(np.full_like(p, target), p), dtype=np.float64)
        ax2.plot(p[:, 0], values, color=color, label=f"정답 {target:g}: " + ("−log p" if target else "−log(1 − p)"),
                 gid=f"loss:bce_y{int(target)}")
    ax2.set_title("이진 크로스엔트로피")
    ax2.set_xlabel("예측 확률 p")
    ax2.set_ylabel("손실")
    ax2.legend(fontsize=9)
    return _done(fig, show)


# ---------------------------------------------------------------------------------------------
# Fashion-MNIST images and confusion matrix
# ---------------------------------------------------------------------------------------------

def class_names(names="ko"):
    """Fashion-MNIST class names: "ko" (혼공머신), "en" (Keras), "both" ("티셔츠 / T-shirt/top") or a list."""
    if names is None or isinstance(names, (list, tuple)):
        return None if names is None else [str(n) for n in names]
    from .datasets import fashion_mnist as fm

    if not isinstance(names, str):
        names = type(names).__name__           # an array, a number ...: refused below

    if names == "ko":
        return list(fm.CLASS_NAMES_KO)
    if names == "en":
        return list(fm.CLASS_NAMES_EN)
    if names == "both":
        return [f"{k} / {e}" for k, e in zip(fm.CLASS_NAMES_KO, fm.CLASS_NAMES_EN)]
    raise _error(
        f"Expected class_names 'ko', 'en', 'both', a list or None, received {names!r}. "
        "해결: class_names='ko' (한국어) 또는 'en' (영어)을 쓰세요."
    )


_resolve_class_names = class_names      # the plot functions' argument of the same name shadows it


def _labels(values, what="labels", n_classes=None):
    """Class numbers (ints) from labels or from ``model.predict`` probabilities (argmax is taken);
    checked: numbers, whole, not negative, below ``n_classes`` when given."""
    if values is None:
        return None
    try:
        a = np.asarray(values)
    except (TypeError, ValueError):
        a = np.asarray([None], dtype=object)    # ragged lists: refused just below
    if a.dtype.kind in "USOMmc":
        raise _error(
            f"Expected {what} as class numbers 0, 1, 2, ..., received an array of dtype {a.dtype}. "
            "해결: 클래스 이름이 아니라 번호를 주세요. 이름은 class_names=로 정합니다."
        )
    if a.ndim == 2 and a.shape[1] > 1:   # probabilities from model.predict -> the most likely class
        a = a.argmax(axis=1)
    if a.ndim > 2 or (a.ndim == 2 and a.shape[1] != 1):
        raise _error(
            f"Expected {what} of shape (n,) or probabilities (n, n_classes), received shape {a.shape}. "
            "해결: 레이블 배열(y_test)이나 model.predict의 결과를 그대로 주세요."
        )
    a = a.ravel()
    if a.dtype.kind == "b" or (a.dtype.kind in "fc" and not np.all(np.isfinite(a) & (a == np.round(a)))):
        raise _error(
            f"Expected {what} as whole class numbers, received values like {a[:3].tolist()}. "
            "해결: 레이블은 0, 1, 2, ... 같은 정수입니다. 확률이면 model.predict의 2차원 결과를 그대로 주세요."
        )
    a = a.astype(int)
    if a.size and (a.min() < 0 or (n_classes is not None and a.max() >= n_classes)):
        bad = int(a.min()) if a.min() < 0 else int(a.max())
        shifted = " 1부터 시작하는 레이블이면 1을 빼세요 (y - 1)." if a.min() >= 1 else ""
        raise _error(
            f"Expected {what} in the range [0, {n_classes if n_classes is not None else 'n_classes'}), "
            f"received the label {bad} (labels {int(a.min())}..{int(a.max())}). "
            f"해결: 클래스 번호는 0부터 시작합니다.{shifted}"
        )
    return a


def _images(images):
    """Images as (n, height, width); flattened rows (n, 784) are refused with the reshape to use."""
    try:
        imgs = np.asarray(images, dtype=float)
    except (TypeError, ValueError):
        raise _type_error(
            f"Expected images as a numeric array (n, height, width), received {type(images).__name__}. "
            "해결: x_train[:10] 처럼 넘파이 배열을 주세요."
        ) from None
    if imgs.ndim == 4 and imgs.shape[-1] == 1:
        imgs = imgs[..., 0]                      # (n, h, w, 1) channel axis
    if imgs.ndim == 2:
        side = int(round(imgs.shape[1] ** 0.5))
        if side >= 8 and side * side == imgs.shape[1] and imgs.shape[0] * 4 < imgs.shape[1]:
            raise _error(
                f"Expected images of shape (n, height, width), received shape {imgs.shape}: "
                f"{imgs.shape[0]} flattened rows of {imgs.shape[1]} = {side}x{side} pixels. "
                f"해결: 다시 이미지 모양으로 바꾸어 주세요: plots.plot_images(x.reshape(-1, {side}, {side}))"
            )
        imgs = imgs[None]
    if imgs.ndim != 3 or imgs.shape[0] == 0 or 0 in imgs.shape[1:]:
        raise _error(
            f"Expected images of shape (n, height, width) with n >= 1, received shape {imgs.shape}. "
            "해결: x_train[:10] 처럼 이미지 여러 장을 주세요 (28×28 이미지 한 장은 x[None])."
        )
    return imgs


def plot_images(images, labels=None, predictions=None, class_names="ko", ncols=5, max_images=20, show=False):
    """A grid of images with titles "정답: 바지" and "예측: 바지" (green if right, red if wrong).

    ``predictions`` may be class numbers or the probabilities from ``model.predict`` (argmax is taken).
    """
    imgs = _images(images)
    names = _resolve_class_names(class_names)
    ncols = checks.integer(ncols, "ncols", 1, where="plot_images")
    max_images = checks.integer(max_images, "max_images", 1, where="plot_images")
    n = min(len(imgs), max_images)
    k = len(names) if names else None
    true, pred = _labels(labels, "labels", k), _labels(predictions, "predictions", k)
    for given, what in ((true, "labels"), (pred, "predictions")):
        if given is not None and len(given) < n:
            raise _error(
                f"Expected at least {n} {what} for {n} images, received {len(given)}. "
                f"해결: 이미지와 같은 범위를 자르세요, 예: plot_images(x[:{n}], y[:{n}])"
            )
    ncols = min(ncols, n)
    nrows = -(-n // ncols)
    fig, axes = new_figure(nrows, ncols, figsize=(1.9 * ncols, 2.3 * nrows))
    for i, ax in enumerate(_axes_list(axes)):
        ax.axis("off")
        if i >= n:
            continue
        ax.imshow(imgs[i], cmap="gray_r")
        lines, color = [], "black"
        name = (lambda k: names[k] if names is not None else str(k))
        if true is not None:
            lines.append(f"정답: {name(true[i])}")
        if pred is not None:
            lines.append(f"예측: {name(pred[i])}")
            if true is not None:
                color = "tab:green" if pred[i] == true[i] else "tab:red"
        ax.set_title("\n".join(lines), fontsize=9, color=color)
    return _done(fig, show)


def confusion_matrix(y_true, y_pred, n_classes=None):
    """Counts C[i, j] = number of samples with true class i predicted as j (rows: 정답, columns: 예측)."""
    t, p = _labels(y_true, "y_true", n_classes), _labels(y_pred, "y_pred", n_classes)
    if t is None or p is None:
        raise _error("Expected y_true and y_pred, received None. "
                     "해결: plot_confusion_matrix(val_target, val_pred)처럼 정답과 예측을 주세요.")
    if t.shape != p.shape:
        raise _error(
            f"Expected y_true and y_pred of the same length, received {t.shape[0]} and {p.shape[0]}. "
            "해결: 같은 샘플들의 정답과 예측을 주세요."
        )
    k = int(n_classes or max(t.max(initial=0), p.max(initial=0)) + 1)
    return np.bincount(t * k + p, minlength=k * k).reshape(k, k)


def plot_confusion_matrix(y_true, y_pred, class_names="ko", normalize=False, show=False):
    """Confusion matrix as a heat map with the count (or row fraction) written in every cell.

    Rows are true classes (정답), columns predicted classes (예측); the diagonal is correct.
    """
    names = _resolve_class_names(class_names)
    cm = confusion_matrix(y_true, y_pred, n_classes=len(names) if names else None)
    values = cm / np.maximum(cm.sum(axis=1, keepdims=True), 1) if normalize else cm
    k = cm.shape[0]
    fig, ax = new_figure(figsize=(1.0 + 0.62 * k + 1.5, 1.0 + 0.55 * k + 1.0))
    im = ax.imshow(values, cmap="Blues")
    fig.colorbar(im, ax=ax, shrink=0.8)
    top = values.max() if values.size else 1
    for i in range(k):
        for j in range(k):
            v = values[i, j]
            ax.text(j, i, f"{v:.2f}" if normalize else f"{v:d}", ha="center", va="center", fontsize=8,
                    color="white" if v > top / 2 else "black", gid=f"cell:{i},{j}")
    labels = names if names else [str(i) for i in range(k)]
    ax.set_xticks(range(k), labels, rotation=45, ha="right", fontsize=8)
    ax.set_yticks(range(k), labels, fontsize=8)
    ax.set_xlabel("예측 클래스")
    ax.set_ylabel("정답 클래스")
    accuracy = np.trace(cm) / max(cm.sum(), 1)
    ax.set_title(f"혼동 행렬 (정확도 {accuracy:.1%})")
    return _done(fig, show)


# ---------------------------------------------------------------------------------------------
# decision boundaries
# ---------------------------------------------------------------------------------------------

def _predict_classes(model, points):
    try:
        out = model.predict(points, batch_size=4096, verbose=0)
    except TypeError:            # scikit-learn style predict(x)
        out = model.predict(points)
    out = np.asarray(out)
    if out.ndim == 2 and out.shape[1] > 1:
        return out.argmax(axis=1)
    out = out.reshape(len(points))
    if np.issubdtype(out.dtype, np.floating) and not np.all(out == np.round(out)):
        return (out > 0.5).astype(int)   # a sigmoid output: probability of class 1
    return out.astype(int)


def plot_decision_boundary(model, x, y, resolution=150, ax=None, title="결정 경계", show=False):
    """Colour the plane by the class ``model.predict`` gives, and scatter the data on top.

    Works with any model with predict: a honggong/Keras model (softmax → argmax, sigmoid → p > 0.5)
    or a scikit-learn classifier. The scatter points have gid "data".
    """
    x = np.asarray(x, dtype=np.float32)
    if x.ndim != 2 or x.shape[1] != 2:
        raise _error(
            f"Expected 2-D points of shape (n, 2), received shape {x.shape}. "
            "해결: 결정 경계는 특성이 2개인 데이터(예: datasets.synthetic.moons)에서만 그릴 수 있습니다."
        )
    y = _labels(y)
    fig, ax = _fig_ax(ax, (5.6, 4.8))
    pad = 0.1 * (x.max(axis=0) - x.min(axis=0)) + 1e-3
    lo, hi = x.min(axis=0) - pad, x.max(axis=0) + pad
    gx, gy = np.meshgrid(np.linspace(lo[0], hi[0], resolution), np.linspace(lo[1], hi[1], resolution))
    grid = np.stack([gx.ravel(), gy.ravel()], axis=1).astype(np.float32)
    classes = _predict_classes(model, grid).reshape(gx.shape)
    k = int(max(classes.max(), y.max()) + 1)
    cmap = matplotlib.colors.ListedColormap([COLORS[i % len(COLORS)] for i in range(k)])
    ax.contourf(gx, gy, classes, levels=np.arange(k + 1) - 0.5, cmap=cmap, alpha=0.25)
    ax.scatter(x[:, 0], x[:, 1], c=y, cmap=cmap, vmin=-0.5, vmax=k - 0.5, s=12, edgecolors="black",
               linewidths=0.3, gid="data")
    accuracy = float(np.mean(_predict_classes(model, x) == y))
    ax.set_title(f"{title} (훈련 정확도 {accuracy:.1%})")
    ax.set_xlabel("특성 1")
    ax.set_ylabel("특성 2")
    return _done(fig, show)


# ---------------------------------------------------------------------------------------------
# pictures of networks: a neuron, Dense layers, dropout, a computational graph, batch norm
# ---------------------------------------------------------------------------------------------
# Every number written in these pictures is computed by honggong itself (a Dense layer's forward
# and backward, a Dropout layer's mask, a BatchNormalization layer's statistics), so the picture
# and the library can never disagree.

_NODE_R = 0.22


def _picture_error(what, expected, received, fix):
    from .backend import HonggongError, message

    return HonggongError(message(what, fix, expected=expected, received=received))


def _node(ax, xy, text="", color="white", edge="black", gid=None, r=_NODE_R, fontsize=10, **kw):
    circle = matplotlib.patches.Circle(xy, r, facecolor=color, edgecolor=edge, linewidth=1.4, zorder=3,
                                       gid=gid, **kw)
    ax.add_patch(circle)
    if text:
        ax.text(xy[0], xy[1], text, ha="center", va="center", fontsize=fontsize, zorder=4,
                gid=None if gid is None else f"{gid}:text")
    return circle


def _picture_axes(ax, figsize):
    fig, ax = _fig_ax(ax, figsize)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig, ax


def plot_neuron(x=(1.0, 2.0, 3.0), w=(0.5, -1.0, 0.25), b=0.1, activation="sigmoid", ax=None, show=False):
    """One neuron as the book draws it: inputs xᵢ, weights wᵢ on the arrows, Σ (+ 절편 b), then f.

    The values z = Σ wᵢxᵢ + b and a = f(z) are computed by a honggong ``Dense(1)`` layer given these
    weights (text gids "value:z", "value:a"; weights "weight:i", inputs "input:i").
    Returns the Figure; ``fig.neuron`` holds {"z", "a"}.
    """
    from . import layers

    x = np.asarray(x, dtype=np.float32).ravel()
    w = np.asarray(w, dtype=np.float32).ravel()
    if x.size != w.size or x.size == 0:
        raise _picture_error("plot_neuron needs one weight per input.", "len(w) == len(x) > 0",
                             f"{x.size} inputs and {w.size} weights", "x와 w를 같은 길이로 주세요.")
    dense = layers.Dense(1, activation=activation)
    dense.build((None, x.size))
    dense.set_weights([w.reshape(-1, 1), np.array([b], dtype=np.float32)])
    a = float(dense(x[None])[0, 0])
    z = float(x @ w + np.float32(b))
    n = x.size
    fig, ax = _picture_axes(ax, (7.5, 1.0 + 0.75 * n))
    ys = np.linspace(n - 1, 0, n) - (n - 1) / 2
    sx, fx, ox = 3.2, 4.9, 6.4
    for i, (xi, wi, yi) in enumerate(zip(x, w, ys)):
        _node(ax, (0.6, yi), f"{xi:g}", color="#e8f0ff", gid=f"input:{i}")
        ax.text(0.0, yi, f"$x_{{{i + 1}}}$", ha="right", va="center", fontsize=11)
        ax.annotate("", xy=(sx - 0.38, 0), xytext=(0.6 + _NODE_R, yi),
                    arrowprops={"arrowstyle": "-|>", "color": "tab:blue", "lw": 1.2})
        mx, my = 0.6 + 0.45 * (sx - 0.6), yi * 0.55
        ax.text(mx, my + 0.12, f"$w_{{{i + 1}}}$={wi:g}", ha="center", va="bottom", fontsize=9,
                color="tab:blue", gid=f"weight:{i}")
    _node(ax, (sx, 0), "Σ", color="#fff3d6", r=0.38, fontsize=14, gid="sum")
    ax.text(sx, -0.55, f"+ 절편 b = {b:g}", ha="center", va="top", fontsize=9, gid="bias")
    ax.annotate("", xy=(fx - 0.38, 0), xytext=(sx + 0.38, 0), arrowprops={"arrowstyle": "-|>", "lw": 1.2})
    ax.text((sx + fx) / 2, 0.1, f"z = {z:.4g}", ha="center", va="bottom", fontsize=10, gid="value:z")
    _node(ax, (fx, 0), "f", color="#e5f5e0", r=0.38, fontsize=14, gid="activation")
    ax.text(fx, -0.55, f"활성화 함수\n{dense.activation.name}", ha="center", va="top", fontsize=9)
    ax.annotate("", xy=(ox, 0), xytext=(fx + 0.38, 0), arrowprops={"arrowstyle": "-|>", "lw": 1.2})
    ax.text(ox + 0.05, 0, f"a = f(z)\n= {a:.4g}", ha="left", va="center", fontsize=10, gid="value:a")
    ax.set_xlim(-0.6, ox + 1.3)
    ax.set_ylim(ys.min() - 0.8, ys.max() + 0.4)
    ax.set_title("뉴런 하나: 가중합 z = x·w + b, 출력 a = f(z)")
    fig.neuron = {"z": z, "a": a}
    return _done(fig, show)


def _layer_sizes(model_or_sizes):
    """(sizes, column titles) from a list of sizes or a built Sequential of Dense (Flatten/Input ok)."""
    if hasattr(model_or_sizes, "layers"):
        model = model_or_sizes
        dense = [l for l in model.layers if hasattr(l, "units")]
        if not dense or not dense[0].built:
            raise _picture_error("plot_network needs a built model with Dense layers.",
                                 "a Sequential that starts with keras.Input(...)",
                                 f"{type(model).__name__} with {len(dense)} Dense layers (built: "
                                 f"{bool(dense and dense[0].built)})",
                                 "keras.Input(shape=...)을 맨 앞에 넣은 모델을 주세요.")
        n_in = int(dense[0].weights[0].shape[0])
        sizes = [n_in] + [int(l.units) for l in dense]
        titles = [f"입력 {n_in}개"] + [
            f"{'출력층' if k == len(dense) - 1 else '은닉층'}\nDense({l.units}, {l.activation.name})"
            for k, l in enumerate(dense)]
        return sizes, titles
    sizes = [int(s) for s in model_or_sizes]
    if len(sizes) < 2 or min(sizes) < 1:
        raise _picture_error("plot_network needs the number of inputs and of units per layer.",
                             "at least two positive sizes, e.g. (3, 4)", f"{model_or_sizes!r}",
                             "plot_network((3, 4))처럼 (입력 수, 뉴런 수, ...)를 주세요.")
    titles = [f"입력 {sizes[0]}개"] + [
        f"{'출력층' if k == len(sizes) - 2 else '은닉층'}\nDense({s})" for k, s in enumerate(sizes[1:])]
    return sizes, titles


def _shown_rows(n, max_nodes):
    """Which node indices to draw (all, or the first and last few with a ⋮ gap), and their y."""
    if n <= max_nodes:
        idx = list(range(n))
    else:
        half = max_nodes // 2
        idx = list(range(half)) + [None] + list(range(n - (max_nodes - half - 1), n))
    k = len(idx)
    ys = np.linspace((k - 1) / 2, -(k - 1) / 2, k) * 0.62
    return idx, ys


def _draw_network(ax, sizes, titles, max_nodes=8, dropped=None, scale_text=None, gid_prefix=""):
    """Columns of nodes with every connection between neighbouring columns.

    ``dropped[l]`` (a boolean array of length sizes[l]) greys out node i of column l and its edges.
    Node patches have gid "<prefix>node:l,i" (dropped ones "<prefix>dropped:l,i"); each column's edges
    are one LineCollection "<prefix>edges:l" (l = the column they enter).
    """
    from matplotlib.collections import LineCollection

    dropped = dropped or {}
    cols = [_shown_rows(n, max_nodes) for n in sizes]
    xs = np.arange(len(sizes)) * 2.2
    for l in range(1, len(sizes)):
        segs, colors = [], []
        for i, y0 in zip(*cols[l - 1]):
            for j, y1 in zip(*cols[l]):
                if i is None or j is None:
                    continue
                off = (l - 1 in dropped and dropped[l - 1][i]) or (l in dropped and dropped[l][j])
                if off:
                    continue
                segs.append([(xs[l - 1] + _NODE_R, y0), (xs[l] - _NODE_R, y1)])
                colors.append("tab:gray")
        ax.add_collection(LineCollection(segs, colors=colors, linewidths=0.7, alpha=0.6, zorder=1,
                                         gid=f"{gid_prefix}edges:{l}"))
    for l, (idx, ys) in enumerate(cols):
        for i, y in zip(idx, ys):
            if i is None:
                ax.text(xs[l], y, "⋮", ha="center", va="center", fontsize=14)
                continue
            off = l in dropped and dropped[l][i]
            face = "#dddddd" if off else ("#e8f0ff" if l == 0 else "#e5f5e0")
            _node(ax, (xs[l], y), color=face, edge="gray" if off else "black",
                  gid=f"{gid_prefix}{'dropped' if off else 'node'}:{l},{i}")
            if off:
                ax.plot([xs[l] - 0.13, xs[l] + 0.13], [y - 0.13, y + 0.13], color="tab:red", lw=1.5, zorder=5)
                ax.plot([xs[l] - 0.13, xs[l] + 0.13], [y + 0.13, y - 0.13], color="tab:red", lw=1.5, zorder=5)
            elif scale_text and l in dropped:
                ax.text(xs[l] + 0.3, y, scale_text, fontsize=8, va="center", color="tab:green", zorder=5)
        ax.text(xs[l], ys.max() + 0.55, titles[l], ha="center", va="bottom", fontsize=9,
                gid=f"{gid_prefix}title:{l}")
    top = max(ys.max() for _, ys in cols)
    ax.set_xlim(xs[0] - 0.8, xs[-1] + 0.9)
    ax.set_ylim(-top - 0.5, top + 1.3)


def plot_network(model_or_sizes=(3, 4), max_nodes=8, ax=None, title=None, show=False):
    """A network of Dense layers drawn as the book draws it: columns of nodes, every input connected
    to every neuron of the next layer.

    ``model_or_sizes``: sizes like (3, 4) (= 3 inputs into Dense(4)) or (784, 100, 10), or a built
    Sequential (its Dense layers are read). Columns with more than ``max_nodes`` nodes are drawn
    with ⋮. Below each layer: its parameter count nᵢₙ × units + units (text gid "params:l").
    Returns the Figure; ``fig.params`` lists the count per layer.
    """
    sizes, titles = _layer_sizes(model_or_sizes)
    height = 0.62 * min(max(sizes), max_nodes + 1) + 2.0
    fig, ax = _picture_axes(ax, (2.4 * len(sizes) + 1.0, height))
    _draw_network(ax, sizes, titles, max_nodes=max_nodes)
    params = [n_in * units + units for n_in, units in zip(sizes[:-1], sizes[1:])]
    bottom = ax.get_ylim()[0]
    for l, p in enumerate(params, start=1):
        ax.text(l * 2.2, bottom + 0.05, f"{sizes[l - 1]:,} × {sizes[l]:,} + {sizes[l]:,}\n= {p:,}개",
                ha="center", va="bottom", fontsize=8, color="tab:blue", gid=f"params:{l}")
    ax.set_ylim(bottom - 0.6, ax.get_ylim()[1])
    total = sum(params)
    ax.set_title(title if title is not None else f"밀집층: 모든 입력이 모든 뉴런에 연결 (파라미터 {total:,}개)")
    fig.params = params
    return _done(fig, show)


def plot_dropout(sizes=(4, 6, 6, 2), rate=0.5, seed=1, show=False):
    """Dropout on a small network: left, training (``training=True``) with the mask drawn by a honggong
    ``Dropout(rate, seed=seed)`` layer on each hidden layer (dropped nodes grey with ✕, their
    connections gone, kept ones ×1/(1−rate)); right, prediction (``training=False``): every node works.

    Returns the Figure; ``fig.masks`` maps hidden column l -> boolean array (True = dropped).
    """
    from . import layers

    sizes = [int(s) for s in sizes]
    if len(sizes) < 3:
        raise _picture_error("plot_dropout needs at least one hidden layer.", "sizes like (4, 6, 6, 2)",
                             f"{sizes}", "입력, 은닉층 하나 이상, 출력의 크기를 주세요.")
    drop = layers.Dropout(rate, seed=seed)
    masks = {}
    for l in range(1, len(sizes) - 1):
        kept = drop(np.ones((1, sizes[l]), dtype=np.float32), training=True)[0]
        masks[l] = kept == 0
    titles = ["입력"] + [f"은닉층 {l}" for l in range(1, len(sizes) - 1)] + ["출력"]
    fig, axes = new_figure(1, 2, figsize=(11.0, 0.5 * max(sizes) + 1.2))
    left, right = axes.ravel()
    for ax in (left, right):
        ax.set_aspect("equal")
        ax.axis("off")
    _draw_network(left, sizes, titles, dropped=masks, scale_text=f"×{1 / (1 - rate):.3g}", gid_prefix="train:")
    _draw_network(right, sizes, titles, gid_prefix="predict:")
    n_off = sum(int(m.sum()) for m in masks.values())
    n_hidden = sum(sizes[1:-1])
    left.set_title(f"훈련 (training=True): Dropout({rate:g})\n"
                   f"은닉 뉴런 {n_hidden}개 중 {n_off}개 꺼짐, 남은 출력 ×1/(1−{rate:g})", fontsize=10)
    right.set_title("예측 (training=False)\n모든 뉴런 사용, 크기 조정 없음", fontsize=10)
    fig.masks = masks
    return _done(fig, show)


def computational_graph_values(w=3.0, x=2.0, b=1.0, y=5.0):
    """Forward values and backward gradients of L = (w·x + b − y)², computed by honggong:
    a ``Dense(1)`` layer (kernel w, bias b) forward and backward, with ``MeanSquaredError``.

    Returns (forward, backward) dicts keyed by node name: w, x, b, y, wx, z, e, L.
    """
    from . import layers, losses

    dense = layers.Dense(1)
    dense.build((None, 1))
    dense.set_weights([np.array([[w]], np.float32), np.array([b], np.float32)])
    xs, ys = np.array([[x]], np.float32), np.array([[y]], np.float32)
    z = dense.forward(xs, training=True)
    mse = losses.MeanSquaredError()
    L = float(mse(ys, z))
    dz = mse.gradient(ys, z)                 # dL/dz = 2(z − y) / n
    dx = dense.backward(dz)                  # fills dense.grads = [dL/dW, dL/db]
    dW, db = dense.grads
    zf, dzf = float(z[0, 0]), float(dz[0, 0])
    forward = {"w": w, "x": x, "b": b, "y": y, "wx": zf - b, "z": zf, "e": zf - y, "L": L}
    backward = {"L": 1.0, "e": dzf, "z": dzf, "y": -dzf, "wx": dzf, "b": float(db[0]),
                "w": float(dW[0, 0]), "x": float(dx[0, 0])}
    return forward, backward


def plot_computational_graph(w=3.0, x=2.0, b=1.0, y=5.0, backward=True, show=False):
    """The computational graph of one neuron with squared error, z = w·x + b, e = z − y, L = e²:
    forward values above the arrows (black, text gid "forward:<name>") and, with ``backward=True``,
    the gradients ∂L/∂(name) below them (red, gid "backward:<name>"), as in 밑바닥부터 시작하는 딥러닝.

    The numbers come from honggong's Dense forward/backward (``computational_graph_values``).
    Returns the Figure; ``fig.values`` = (forward, backward).
    """
    fwd, bwd = computational_graph_values(w, x, b, y)
    fig, ax = _picture_axes(None, (10.0, 4.2))
    ops = {"mul": (2.6, 1.0, "×"), "add": (5.0, 0.3, "+"), "sub": (7.4, -0.4, "−"), "sq": (9.6, -0.4, "$(\\cdot)^2$")}
    for name, (ox, oy, sym) in ops.items():
        _node(ax, (ox, oy), sym, color="#fff3d6", r=0.32, fontsize=15 if len(sym) == 1 else 10, gid=f"op:{name}")
    # (name, start, end): the value of `name` flows along this arrow
    edges = [("w", (0.0, 2.3), ops["mul"]), ("x", (0.0, -0.3), ops["mul"]),
             ("wx", ops["mul"], ops["add"]), ("b", (2.8, -0.9), ops["add"]),
             ("z", ops["add"], ops["sub"]), ("y", (5.2, -1.7), ops["sub"]),
             ("e", ops["sub"], ops["sq"]), ("L", ops["sq"], (11.6, -0.4))]
    labels = {"w": "w", "x": "x", "b": "b", "y": "y", "wx": "wx", "z": "z", "e": "e", "L": "L"}
    for name, (x0, y0, *_), (x1, y1, *_) in [(n, s, e) for n, s, e in edges]:
        start_r = 0.32 if (x0, y0) in [(v[0], v[1]) for v in ops.values()] else 0.0
        end_r = 0.32 if (x1, y1) in [(v[0], v[1]) for v in ops.values()] else 0.0
        d = np.array([x1 - x0, y1 - y0])
        u = d / np.linalg.norm(d)
        p0, p1 = np.array([x0, y0]) + u * start_r, np.array([x1, y1]) - u * end_r
        ax.annotate("", xy=p1, xytext=p0, arrowprops={"arrowstyle": "-|>", "lw": 1.3, "color": "black"})
        mid = (p0 + p1) / 2
        normal = np.array([-u[1], u[0]])
        ax.text(*(mid + normal * 0.22), f"{labels[name]} = {fwd[name]:g}", ha="center", va="center",
                fontsize=10, gid=f"forward:{name}",
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5})
        if backward:
            ax.text(*(mid - normal * 0.27), f"{bwd[name]:g}", ha="center", va="center", fontsize=10,
                    color="tab:red", gid=f"backward:{name}",
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5})
    ax.text(0.0, -2.1, "검은 글씨: 정방향 값 (forward)", fontsize=10, ha="left")
    if backward:
        ax.text(0.0, -2.5, "빨간 글씨: 역방향 기울기 $\\partial L/\\partial$(그 값) (backward, 오른쪽에서 왼쪽으로)",
                fontsize=10, ha="left", color="tab:red")
    ax.set_xlim(-0.4, 12.2)
    ax.set_ylim(-2.8, 2.6)
    ax.set_title("계산 그래프: z = w·x + b,  e = z − y,  L = e²")
    fig.values = (fwd, bwd)
    return _done(fig, show)


def _tidy(v, digits=3):
    """f"{v:.3f}" without "-0.000"."""
    return f"{round(float(v), digits) + 0.0:.{digits}f}"


def plot_batch_norm(layer, x, feature=0, bins=30, show=False):
    """Batch normalization in training vs inference for one feature of the batch ``x``.

    Three panels: the input values (μ_B, σ_B of the batch); the output with ``training=True``
    (normalized with the batch's own mean and variance); the output with ``training=False``
    (normalized with the layer's moving_mean and moving_variance). The training-mode call is made on
    the layer itself and its moving statistics are put back afterwards, so drawing changes nothing.
    Histograms have gid "hist:input", "hist:train", "hist:inference"; their statistics text
    "stats:<panel>". Returns the Figure; ``fig.stats`` holds the numbers written in it.
    """
    x = np.asarray(x, dtype=np.float32)
    if x.ndim != 2 or not 0 <= feature < x.shape[1]:
        raise _picture_error("plot_batch_norm needs a batch of shape (batch, features).",
                             f"a 2-D batch with feature < n_features", f"shape {x.shape}, feature={feature}",
                             "bn(batch)에 넣은 것과 같은 (배치, 특성) 배열을 주세요.")
    saved = layer.get_weights() if layer.built else None
    train_out = np.asarray(layer(x, training=True), dtype=np.float64)[:, feature]
    if saved is not None:
        layer.set_weights(saved)
    gamma, beta, moving_mean, moving_var = [np.asarray(v, np.float64)[feature] for v in layer.get_weights()]
    infer_out = np.asarray(layer(x, training=False), dtype=np.float64)[:, feature]
    col = x[:, feature].astype(np.float64)
    stats = {"batch_mean": float(col.mean()), "batch_std": float(col.std()),
             "train_mean": float(train_out.mean()), "train_std": float(train_out.std()),
             "moving_mean": float(moving_mean), "moving_variance": float(moving_var),
             "inference_mean": float(infer_out.mean()), "inference_std": float(infer_out.std())}
    fig, axes = new_figure(1, 3, figsize=(13.0, 3.8))
    a0, a1, a2 = axes.ravel()
    panels = [
        (a0, col, "input", "tab:gray", "입력 (한 특성)",
         f"배치 평균 $\\mu_B$ = {stats['batch_mean']:.3g}\n배치 표준편차 $\\sigma_B$ = {stats['batch_std']:.3g}"),
        (a1, train_out, "train", "tab:blue", "훈련 (training=True)\n배치의 $\\mu_B$, $\\sigma_B^2$로 정규화",
         f"출력 평균 {_tidy(stats['train_mean'])}\n출력 표준편차 {_tidy(stats['train_std'])}"),
        (a2, infer_out, "inference", "tab:orange",
         "예측 (training=False)\nmoving_mean, moving_variance로 정규화",
         f"moving_mean = {stats['moving_mean']:.3g}, moving_variance = {stats['moving_variance']:.3g}\n"
         f"출력 평균 {stats['inference_mean']:.3g}, 표준편차 {stats['inference_std']:.3g}"),
    ]
    for ax, values, key, color, title, text in panels:
        ax.hist(values, bins=bins, color=color, alpha=0.8, gid=f"hist:{key}")
        ax.axvline(values.mean(), color="black", linestyle="--", linewidth=1)
        ax.set_title(title, fontsize=10)
        ax.text(0.02, 0.97, text, transform=ax.transAxes, ha="left", va="top", fontsize=8.5,
                gid=f"stats:{key}", bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"})
        ax.set_xlabel("값")
    a0.set_ylabel("개수")
    lo = min(train_out.min(), infer_out.min(), -3.0)
    hi = max(train_out.max(), infer_out.max(), 3.0)
    a1.set_xlim(lo, hi)
    a2.set_xlim(lo, hi)
    fig.suptitle(f"배치 정규화: 같은 배치, 두 모드 ($\\gamma$ = {gamma:.3g}, $\\beta$ = {beta:.3g})", fontsize=11)
    fig.stats = stats
    return _done(fig, show)
