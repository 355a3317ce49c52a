"""The table ``model.summary()`` prints (Keras 3 layout, plain-text box drawing).

    Model: "sequential"
    ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
    ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
    ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
    │ dense (Dense)                   │ (None, 100)            │        78,500 │
    └─────────────────────────────────┴────────────────────────┴───────────────┘
     Total params: 78,500 (306.64 KB)
     ...
"""
import textwrap

import numpy as np

from .backend import floatx
from .layers import _shape_str

__all__ = ["summary_lines"]


def _fmt_count(n):
    return f"{n:,}"


def _readable_size(n_bytes):
    """318040 -> '310.59 KB' (1 KB = 1024 B, two decimals, as in Keras' summary)."""
    for unit in ["B", "KB", "MB", "GB", "TB"]:
        if n_bytes < 1024 or unit == "TB":
            return f"{n_bytes:.2f} {unit}"
        n_bytes /= 1024


def summary_lines(model, line_length=None):
    """The lines of ``model.summary()``: name (type), output shape, parameter count per layer,
    then the totals. ``line_length`` defaults to 76 (Keras in an 80-column notebook)."""
    width = line_length or 76
    inner = width - 4                      # 4 vertical box characters
    cuts = [round(0.46 * inner), round(0.79 * inner)]
    cols = [cuts[0], cuts[1] - cuts[0], inner - cuts[1]]

    def row(cells, left, mid, right, aligns=("<", "<", ">")):
        """One table row; a cell too long for its column wraps onto extra lines."""
        wrapped = [textwrap.wrap(c, w - 2) or [""] for c, w in zip(cells, cols)]
        out = []
        for i in range(max(len(c) for c in wrapped)):
            parts = [f" {(c[i] if i < len(c) else ''):{a}{w - 2}} "
                     for c, w, a in zip(wrapped, cols, aligns)]
            out.append(left + mid.join(parts) + right)
        return out

    def rule(left, mid, right, fill):
        return left + mid.join(fill * w for w in cols) + right

    layers = model.layers
    lines = [f'Model: "{model.name}"',
             rule("┏", "┳", "┓", "━"),
             *row(["Layer (type)", "Output Shape", "Param #"], "┃", "┃", "┃"),
             rule("┡", "╇", "┩", "━")]
    for i, layer in enumerate(layers):
        if layer.built and hasattr(layer, "output_shape"):
            shape, params = _shape_str(layer.output_shape), _fmt_count(layer.count_params())
        else:
            shape, params = "?", "0 (unbuilt)"
        lines += row([f"{layer.name} ({type(layer).__name__})", shape, params], "│", "│", "│")
        if i < len(layers) - 1:
            lines.append(rule("├", "┼", "┤", "─"))
    lines.append(rule("└", "┴", "┘", "─"))
    trainable = sum(w.size for w in model.trainable_weights)
    non_trainable = sum(w.size for w in model.non_trainable_weights)
    item = np.dtype(floatx()).itemsize
    lines += [f" Total params: {_fmt_count(trainable + non_trainable)} "
              f"({_readable_size((trainable + non_trainable) * item)})",
              f" Trainable params: {_fmt_count(trainable)} ({_readable_size(trainable * item)})",
              f" Non-trainable params: {_fmt_count(non_trainable)} "
              f"({_readable_size(non_trainable * item)})"]
    return lines
