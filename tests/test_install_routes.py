"""Issue 10 items 5 and 6: Binder / JupyterHub configuration and the routes for Windows, macOS and Colab.

What can be checked offline: environment.yml parses and lists what pyproject.toml needs; apt.txt names
packages that exist (apt-cache) and that ./dev and CI install too; the Dockerfile that repo2docker
generates (`repo2docker --no-build --debug`, no Docker needed) installs the fonts, the data set and the
package; the README keeps the two Debian commands at its top and gives a venv + pip route, a Colab, a
Binder and an nbgitpuller link that all point to the repository of `[tool.honggong] install-source`;
the code has no Debian-only path without a fallback.
"""
import re
import subprocess
import tomllib
import urllib.parse
from pathlib import Path

import yaml

from honggong.datasets import _fetch
from test_fresh_kernel import make_venv

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PIP_ONLY = {"koreanize-matplotlib"}          # not a conda-forge package we could verify offline


def _name(requirement):
    return re.split(r"[<>=!~ \[;]", requirement.strip(), maxsplit=1)[0].lower()


def _apt_packages():
    lines = (ROOT / "apt.txt").read_text(encoding="utf-8").splitlines()
    return [l.strip() for l in lines if l.strip() and not l.lstrip().startswith("#")]


def test_environment_yml_lists_what_pyproject_needs():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    needed = PYPROJECT["project"]["dependencies"] + PYPROJECT["project"]["optional-dependencies"]["lab"]
    conda_specs = {_name(d): d.replace(" ", "") for d in conda}
    pip_specs = {_name(d): d.split("#")[0].strip() for d in pip}
    for requirement in needed:
        where = pip_specs if _name(requirement) in PIP_ONLY else conda_specs
        assert where.get(_name(requirement)) == requirement.replace(" ", ""), requirement   # same lower bounds
    assert "-e .[lab]" in pip_specs.values()                       # honggong itself, editable, from the repo
    python = conda_specs["python"].split("=")[1]
    assert tuple(map(int, python.split("."))) >= (3, 10) and PYPROJECT["project"]["requires-python"] == ">=3.10"


def test_apt_txt_packages_exist_and_match_dev_and_ci():
    packages = _apt_packages()
    assert packages == ["fonts-nanum", "dataset-fashion-mnist"]
    dev = (ROOT / "dev").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for package in packages:
        shown = subprocess.run(["apt-cache", "show", package], capture_output=True, text=True)
        assert shown.returncode == 0 and f"Package: {package}" in shown.stdout, package
        assert package in dev and package in ci


def test_repo2docker_build_script_installs_fonts_data_and_the_package(tmp_path):
    venv = tmp_path / "r2d"
    make_venv(venv, "jupyter-repo2docker")
    src = tmp_path / "src"
    files = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout
    for rel in files.splitlines():
        if (ROOT / rel).is_file() and not rel.endswith(".ipynb"):
            (src / rel).parent.mkdir(parents=True, exist_ok=True)
            (src / rel).write_bytes((ROOT / rel).read_bytes())
    run = subprocess.run([str(venv / "bin" / "repo2docker"), "--no-build", "--debug", str(src)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    dockerfile = run.stdout
    apt_line = next(l for l in dockerfile.splitlines() if "apt-get install --yes --no-install-recommends" in l
                    and "fonts-nanum" in l)
    assert set(_apt_packages()) <= set(apt_line.split())
    copy_repo = dockerfile.index("src/ ${REPO_DIR}/")
    env_update = dockerfile.index('--file "environment.yml"')
    assert dockerfile.index(apt_line) < copy_repo < env_update     # `-e .[lab]` runs after the repo is copied
    assert dockerfile.splitlines()[0].startswith("FROM ") or "FROM docker.io/library/buildpack-deps" in dockerfile


def _install_repo():
    source = PYPROJECT["tool"]["honggong"]["install-source"]
    match = re.search(r"github\.com/([^/]+/[^/.]+)", source)
    assert match, source
    return match.group(1)


def test_readme_keeps_debian_commands_on_top_and_gives_the_other_routes():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```sh\n", 1)[1].split("```", 1)[0]
    assert first_block.splitlines()[0].startswith("./dev lab") and first_block.splitlines()[1].startswith("./dev test")
    assert readme.index("./dev lab") < readme.index("## ")                   # before any section
    windows = readme.split("## Windows", 1)[1].split("\n## ", 1)[0]
    for command in ("python -m venv .venv", ".venv\\Scripts\\activate", "source .venv/bin/activate",
                    'pip install -e ".[lab]"', "jupyter lab notebooks"):
        assert command in windows, command
    assert "apt" not in windows.split("```sh", 1)[1].split("```", 1)[0]      # the commands need no apt/bash
    repo = _install_repo()
    assert f"https://colab.research.google.com/github/{repo}/blob/main/notebooks/00_start.ipynb" in readme
    assert f"https://mybinder.org/v2/gh/{repo}/HEAD?urlpath=lab/tree/notebooks/00_start.ipynb" in readme
    puller = next(l for l in readme.splitlines() if "/hub/user-redirect/git-pull?" in l)
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(puller.strip()).query)
    assert query["repo"] == [f"https://github.com/{repo}"] and query["branch"] == ["main"]
    assert query["urlpath"] == [f"lab/tree/{repo.split('/')[1]}/notebooks/00_start.ipynb"]
    assert (ROOT / "notebooks" / "00_start.ipynb").is_file()


def test_no_debian_only_path_without_a_fallback():
    hits = []
    for path in sorted((ROOT / "honggong").rglob("*.py")):
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if "/usr/share" in line:
                hits.append((path.relative_to(ROOT).as_posix(), line.strip()))
    code = [(f, l) for f, l in hits if not l.startswith(("#", "``", "1.", "4.", "NanumGothic from", "(``"))
            and '"""' not in l]
    # the only ones: the Debian font files (then the font list, then the pip font) and the Debian data
    # folder (then the per-user cache, then the download); both fallbacks are tested elsewhere
    assert code == [
        ("honggong/datasets/_fetch.py", '("Debian package dataset-fashion-mnist", Path("/usr/share/datasets/fashion-mnist")),'),
        ("honggong/datasets/_fetch.py", 'if str(source).startswith("/usr/share/datasets/"):'),
        ("honggong/fonts.py", 'DEBIAN_FONTS = ("/usr/share/fonts/truetype/nanum/NanumGothic.ttf",'),
        ("honggong/fonts.py", '"/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf")'),
    ], code


def test_user_cache_on_windows_is_local_appdata(monkeypatch, tmp_path):
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "AppData" / "Local"))
    monkeypatch.setattr(_fetch, "WINDOWS", True)
    assert _fetch.user_cache_dir("fashion_mnist") == tmp_path / "AppData" / "Local" / "honggong" / "fashion_mnist"
