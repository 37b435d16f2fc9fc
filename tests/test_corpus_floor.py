"""The body-extraction floor: F1 on each dev corpus must not fall below what was reached.

The pages are third-party content kept outside the repository (../shared/corpus); where that
folder is absent the test skips and says so. The metric is bench/metric.py, the corpus
README's definition. Not timed.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

from syndicate.parse import document
from syndicate.parse.body import extract_body

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
sys.path.insert(0, str(ROOT / "bench"))

from metric import corpus_score, page_score  # noqa: E402

# F1 reached on each corpus (bench/README.md) minus a margin of 0.005.
FLOORS = {"aeb-dev": 0.978, "wcxb-dev": 0.953}

pytestmark = pytest.mark.corpus


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_f1_stays_above_floor(name: str) -> None:
    folder = CORPUS / name
    if not (folder / "ground-truth.json").is_file():
        pytest.skip(
            f"corpus {name} not found at {folder} (third-party pages, kept out of the repo)"
        )
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    scores = []
    for page_id, item in truth.items():
        html = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        body = extract_body(document.load(html), url=item.get("url"))
        scores.append(page_score(item["articleBody"], body.text))
    result = corpus_score(scores)
    assert result.f1 >= FLOORS[name], f"{name}: F1 {result.f1:.4f} < floor {FLOORS[name]}"
