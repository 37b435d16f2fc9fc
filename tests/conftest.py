"""Shared test helpers: paths, the CLI runner, fixtures on disk."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from syndicate.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
PAGES = FIXTURES / "pages"
COPIES = FIXTURES / "copies"
CORPUS = ROOT.parent / "shared" / "corpus"


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Call the CLI in-process: ``run("extract", path)`` -> Result(code, out, err)."""

    def _run(*argv: str) -> Result:
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run
