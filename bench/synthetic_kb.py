"""A synthetic knowledge base N times the size of the real one, for build-time growth benchmarks.

The real content/ is copied, then every rule, template, specialty and guide is cloned N-1 times
under new ids (`<id>-x2`, `<id>-x3`, ...). Clones keep their references to the originals, so the
result is valid against the loader; fixed-id kinds (profiles, checks, phases) stay as they are.

    python -m bench.synthetic_kb 10 /tmp/kb10     # write one, and validate it
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
# Folder, file suffix, and the field that holds the id (it equals the file name).
CLONED_KINDS = (("rules", ".yml"), ("templates", ".yml"), ("specialties", ".yml"), ("guides", ".md"))


def generate(scale: int, target: Path, source: Path = CONTENT) -> Path:
    """Write a knowledge base `scale` times the real one into `target` (replaced); return it."""
    if scale < 1:
        raise ValueError(f"scale must be at least 1; got {scale}")
    target = Path(target)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    for folder, suffix in CLONED_KINDS:
        originals = sorted((target / folder).glob(f"*{suffix}"))
        for original in originals:
            text = original.read_text(encoding="utf-8")
            for copy in range(2, scale + 1):
                new_id = f"{original.stem}-x{copy}"
                cloned, count = re.subn(rf"(?m)^id: {re.escape(original.stem)}\s*$", f"id: {new_id}", text, count=1)
                if count != 1:
                    raise ValueError(f"{original}: no top-level 'id: {original.stem}' line to rewrite")
                # Distinct titles and names, so navigation and search see distinct pages.
                cloned = re.sub(r"(?m)^(title|name): (.+)$", rf"\1: \2 ({copy})", cloned, count=1)
                (original.parent / f"{new_id}{suffix}").write_text(cloned, encoding="utf-8")
    return target


def size(content_dir: Path) -> dict[str, int]:
    """How many items of each cloned kind a content folder holds."""
    return {folder: len(list((content_dir / folder).glob(f"*{suffix}"))) for folder, suffix in CLONED_KINDS}


def main(argv: list[str]) -> int:
    from prematch_kb.kb.loader import load_content

    scale, target = int(argv[0]), Path(argv[1])
    generate(scale, target)
    load_content(target)  # raises ContentError with every problem if the clone is invalid
    print(f"{target}: {size(target)} (valid)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
