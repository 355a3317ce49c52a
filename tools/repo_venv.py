"""Make the notebook tools run with the repo's .venv Python (stdlib only, imported first)."""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def use_repo_venv() -> None:
    """Re-run the current script with .venv/bin/python if started with another Python: nbclient
    starts the kernel from sys.executable, and only the venv has honggong and its dependencies."""
    venv = ROOT / ".venv"
    venv_python = venv / "bin" / "python"
    if venv_python.exists() and Path(sys.prefix).resolve() != venv.resolve():
        os.execv(str(venv_python), [str(venv_python), *sys.argv])
