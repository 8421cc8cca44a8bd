"""Shared fixtures: the repository root, the shipped corpus and the tifa command line tool."""

import atexit
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

try:
    from hypothesis import settings

    # No example database: the tests leave no files behind in the repository.
    settings.register_profile("tifa", database=None)
    settings.load_profile("tifa")
except ImportError:  # hypothesis is only needed by test_properties.py
    pass

# The cache of compiled glossaries the package reads and writes (as the CLI does): a folder
# of this session's own, set before any glossary is compiled, so the tests neither read a
# user's cache nor leave files in it.
_CACHE_DIR = tempfile.mkdtemp(prefix="tifa-test-cache-")
os.environ["TIFA_CACHE_DIR"] = _CACHE_DIR
atexit.register(shutil.rmtree, _CACHE_DIR, ignore_errors=True)

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"


def corpus_files():
    """The shipped corpus's documents (not the aligned pairs)."""
    return sorted(
        p for sub in ("en", "zh", "zh-hant") for p in (CORPUS / sub).glob("*.txt")
    )


def _find_cli():
    env = os.environ.get("TIFA_BIN")
    if env:
        return env
    for profile in ("release", "debug"):
        p = ROOT / "target" / profile / "tifa"
        if p.is_file():
            return str(p)
    return shutil.which("tifa")


@pytest.fixture(scope="session")
def cli():
    """Runs the tifa binary (TIFA_BIN, or the repository's target/{release,debug}/tifa).

    ``scripts/python-test`` builds it and sets TIFA_BIN; elsewhere the tests that compare
    with the CLI are skipped when there is no binary."""
    exe = _find_cli()
    if exe is None:
        if os.environ.get("TIFA_REQUIRE_CLI"):
            pytest.fail("TIFA_REQUIRE_CLI is set but no tifa binary was found")
        pytest.skip("no tifa binary: build it with `cargo build --release` or set TIFA_BIN")

    def run(*args, input=None, ok=(0,)):
        proc = subprocess.run(
            [exe, *map(str, args)],
            input=input,
            capture_output=True,
            cwd=ROOT,
        )
        assert proc.returncode in ok, proc.stderr.decode("utf-8", "replace")
        return proc.stdout.decode("utf-8")

    return run
