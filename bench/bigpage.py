"""Big pages: time and peak memory of the whole parse (what `syndicate extract` runs), by stage.

    .venv/bin/python bench/bigpage.py [--mb 30] [--kind paragraphs|corpus|all]

"paragraphs" is one ``<article>`` of about 200,000 short paragraphs with a link and emphasis
each (a transcript or a live blog); "corpus" is a real wcxb-dev page (0001) whose ``<body>`` is
repeated until the page reaches the size (every chrome element, sidebar and script many
times over). Each kind runs in a fresh process that reads the page's bytes from a file and
prints seconds per stage and peak RSS (``resource.getrusage``, the interpreter's own ~50 MB
included) after each stage, with the peak over the page's size.
"""

from __future__ import annotations

import argparse
import gzip
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "wcxb-dev"
# A news page of ordinary size with a sidebar, related links and scripts.
CORPUS_PAGE = "0001"

PARAGRAPH = (
    '<p>The council met on <a href="/x">Tuesday</a> and voted to <em>rebuild</em> the old '
    "footbridge after two years of debate about its cost and the closure of the towpath.</p>\n"
)

CHILD = """
import resource, sys, time
from pathlib import Path
from syndicate.parse import document
from syndicate.parse.body import extract_body
from syndicate.models import Article
from syndicate.parse.metadata import extract_metadata
from syndicate.parse.origin import find_origin
from syndicate.parse.pixels import find_pixels

def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

data = Path(sys.argv[2]).read_bytes()
print(f"{sys.argv[1]}: {len(data) / 1e6:.1f} MB")
print(f"  page      {'':>7}  peak {peak():6.0f} MB")
start = time.perf_counter()
root = document.load(data)
print(f"  load      {time.perf_counter() - start:6.2f}s  peak {peak():6.0f} MB")
start = time.perf_counter()
meta = extract_metadata(root, url="https://example.org/story")
print(f"  metadata  {time.perf_counter() - start:6.2f}s  peak {peak():6.0f} MB")
start = time.perf_counter()
body = extract_body(root, url="https://example.org/story", title=meta.title)
print(f"  body      {time.perf_counter() - start:6.2f}s  peak {peak():6.0f} MB")
start = time.perf_counter()
pixels = find_pixels(root, url="https://example.org/story")
print(f"  pixels    {time.perf_counter() - start:6.2f}s  peak {peak():6.0f} MB")
start = time.perf_counter()
origin = find_origin(root, meta=meta, body=body, url="https://example.org/story")
print(f"  origin    {time.perf_counter() - start:6.2f}s  peak {peak():6.0f} MB")
start = time.perf_counter()
article = Article(title=meta.title, body_html=body.html, body_text=body.text, origin=origin,
                  tracking_pixels=pixels, images=body.images, embeds=body.embeds)
article.model_dump_json()
print(f"  article   {time.perf_counter() - start:6.2f}s  peak {peak():6.0f} MB")
ratio = peak() * 1024 * 1024 / len(data)
print(f"  peak {ratio:.1f}x the page; body text {len(body.text):,} chars")
"""


def paragraphs_page(megabytes: float) -> str:
    count = int(megabytes * 1_000_000 / len(PARAGRAPH))
    return (
        "<html><head><title>Transcript</title></head><body><article><h1>Transcript</h1>"
        '<p class="byline">By Jane Doe</p>' + PARAGRAPH * count + "</article></body></html>"
    )


def corpus_page(megabytes: float) -> str:
    html = gzip.decompress((CORPUS / "html" / f"{CORPUS_PAGE}.html.gz").read_bytes()).decode()
    opening = re.search(r"<body[^>]*>", html, re.I)
    closing = html.lower().rfind("</body>")
    if opening is None or closing < 0:
        raise SystemExit(f"page {CORPUS_PAGE} has no <body>")
    head, inner, tail = html[: opening.end()], html[opening.end() : closing], html[closing:]
    count = max(1, int(megabytes * 1_000_000 / len(inner.encode())))
    return head + inner * count + tail


def build(kind: str, megabytes: float) -> str:
    """The page of ``kind`` ("paragraphs" or "corpus") at about ``megabytes``."""
    return paragraphs_page(megabytes) if kind == "paragraphs" else corpus_page(megabytes)


def run(kind: str, megabytes: float) -> None:
    """Build the page, then measure it in a fresh process that reads its bytes off the disk,
    as the CLI does (so the peak RSS is the page's alone)."""
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / f"{kind}.html"
        page.write_bytes(build(kind, megabytes).encode())
        subprocess.run([sys.executable, "-c", CHILD, kind, str(page)], cwd=ROOT, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=30.0, help="page size in megabytes")
    parser.add_argument("--kind", choices=["paragraphs", "corpus", "all"], default="all")
    args = parser.parse_args(argv)
    if args.kind in ("paragraphs", "all"):
        run("paragraphs", args.mb)
    if args.kind in ("corpus", "all"):
        if not CORPUS.is_dir():
            print(f"no corpus at {CORPUS}: skipping the corpus page", file=sys.stderr)
        else:
            run("corpus", args.mb)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
