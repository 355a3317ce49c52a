"""IDX 파일 읽기/쓰기 — MNIST와 Fashion-MNIST가 쓰는 아주 단순한 배열 형식.

IDX layout (all integers big-endian)::

    byte 0-1   0x00 0x00
    byte 2     dtype code: 0x08 = uint8 (the only one MNIST-style files use)
    byte 3     ndim, the number of dimensions
    next 4*ndim bytes   each dimension as an unsigned 32-bit integer
    the rest   prod(dims) values, row-major (C order)

So an image file ``(60000, 28, 28)`` is 4 + 3*4 = 16 header bytes + 47,040,000 pixel bytes,
and a label file ``(60000,)`` is 8 header bytes + 60,000 labels.
"""
import struct

import numpy as np

from ._errors import DatasetFileError

UBYTE = 0x08


def parse_idx(data, name="IDX data"):
    """Turn the bytes of one (decompressed) IDX file into a uint8 numpy array.

    ``data`` may be ``bytes`` or a writable ``bytearray``; with a bytearray the returned array shares
    its memory and is writable (no copy). ``name`` is only used in error messages.
    """
    n_bytes = len(data)
    if n_bytes < 4 or data[0] != 0 or data[1] != 0:
        raise DatasetFileError(
            f"{name}: not an IDX file: expected the first two bytes 0x00 0x00, "
            f"received {bytes(data[:4])!r} ({n_bytes} bytes in total).\n"
            "해결: IDX 형식이 아닙니다. 파일이 손상되었거나 다른 파일입니다 — 지우고 다시 받으세요."
        )
    if data[2] != UBYTE:
        raise DatasetFileError(
            f"{name}: expected IDX dtype code 0x08 (uint8), received 0x{data[2]:02x}.\n"
            "힌트: MNIST 계열 파일은 uint8 형식이어야 합니다."
        )
    ndim = data[3]
    header = 4 + 4 * ndim
    if n_bytes < header:
        raise DatasetFileError(
            f"{name}: truncated IDX header: expected at least {header} bytes, received {n_bytes}.\n"
            "해결: 파일이 중간에 잘렸습니다 — 지우고 다시 받으세요."
        )
    dims = struct.unpack(f">{ndim}I", bytes(data[4:header]))
    expected = header + int(np.prod(dims, dtype=np.int64))
    if n_bytes != expected:
        raise DatasetFileError(
            f"{name}: IDX header says shape {dims}, so the file should be {expected} bytes, "
            f"but it has {n_bytes}.\n해결: 파일 크기가 머리말과 맞지 않습니다(잘렸거나 손상됨) — 지우고 다시 받으세요."
        )
    return np.frombuffer(data, dtype=np.uint8, offset=header).reshape(dims)


def idx_bytes(array):
    """The IDX encoding of a uint8 array (used to write small test files and caches)."""
    array = np.ascontiguousarray(array)
    if array.dtype != np.uint8:
        raise TypeError(f"IDX writer expects a uint8 array, received dtype {array.dtype}.")
    header = bytes([0, 0, UBYTE, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + array.tobytes()
