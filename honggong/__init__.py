"""honggong: 혼공 딥러닝 시리즈의 작은 numpy 딥러닝 패키지.

`from honggong import keras` gives the book's Keras names. Importing honggong is fast and headless:
plots, widgets and quizzes are imported explicitly (`from honggong import plots`).
"""
__version__ = "0.1.0"
