"""Errors raised while finding, checking and reading dataset files."""
from honggong.backend import HonggongError


class DatasetError(HonggongError):
    """Base class of every dataset error (a ValueError, like all honggong errors)."""


class DatasetNotFoundError(DatasetError, FileNotFoundError):
    """No copy of the dataset was found anywhere and it could not be downloaded."""


class DatasetFileError(DatasetError):
    """A dataset file exists but is corrupt: wrong checksum, wrong size, truncated or not IDX/gzip."""
