"""The categories the meaning layer decides (`meaning/rules/<category>.json`), registered by name.

Their findings come from the engine's meaning pass, not from a detector here; registering them
keeps one list of every category the checker can report. Only each file's header is read, so
importing the checker stays cheap: the rules themselves load on the first check.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..registry import register_meaning

RULES_DIR = Path(__file__).resolve().parent.parent / "meaning" / "rules"

for _path in sorted(RULES_DIR.glob("*.json")):
    _header = json.loads(_path.read_text(encoding="utf-8"))
    register_meaning(_header["category"], _header.get("mode", "draft"))
