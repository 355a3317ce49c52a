"""honggong: 혼공 딥러닝 시리즈의 작은 numpy 딥러닝 패키지.

`from honggong import keras` gives the book's Keras names. Importing honggong is fast and headless:
plots, widgets and quizzes are imported explicitly (`from honggong import plots`).
"""
__version__ = "0.1.0"


def __getattr__(name):
    # Lazy, headless extras: `honggong.surfaces` and `honggong.trajectory(...)` (a callable module)
    # load on first use, so `import honggong` stays fast. plots/widgets are imported explicitly.
    if name in ("surfaces", "trajectory"):
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
