"""그림 그리기: 옵티마이저 궤적, 손실 곡선, 활성화 함수, 이미지, 혼동 행렬, 결정 경계.

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
    if hasattr(history, "history") and isinstance(history.history, dict):
        return history.history
    if isinstance(history, dict):
        return history
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
    ax2.set_title("이진 크로스 엔트로피")
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
        return None if names is None else list(names)
    from .datasets import fashion_mnist as fm

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
    a = np.asarray(values)
    if a.dtype.kind in "USO":
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
