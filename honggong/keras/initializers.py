"""``keras.initializers``: re-exported from honggong.initializers (classes and snake_case names)."""
from honggong.initializers import (Constant, GlorotNormal, GlorotUniform, HeNormal, HeUniform,
                                   Initializer, LecunNormal, LecunUniform, Ones, RandomNormal,
                                   RandomUniform, TruncatedNormal, VarianceScaling, Zeros,
                                   constant, get, glorot_normal, glorot_uniform, he_normal,
                                   he_uniform, lecun_normal, lecun_uniform, ones, random_normal,
                                   random_uniform, truncated_normal, variance_scaling, zeros)

__all__ = ["Constant", "GlorotNormal", "GlorotUniform", "HeNormal", "HeUniform", "Initializer",
           "LecunNormal", "LecunUniform", "Ones", "RandomNormal", "RandomUniform",
           "TruncatedNormal", "VarianceScaling", "Zeros", "constant", "get", "glorot_normal",
           "glorot_uniform", "he_normal", "he_uniform", "lecun_normal", "lecun_uniform", "ones",
           "random_normal", "random_uniform", "truncated_normal", "variance_scaling", "zeros"]
