"""The checker in the browser: the wheel, the self-hosted Pyodide runtime and the checker page's data.

`build_checker_assets(site_dir, kb=..., project_root=...)` runs after the site is built; every
failure is a `BrowserBuildError` saying which file and what is wrong.
"""

from prematch_kb.browser.errors import BrowserBuildError

__all__ = ["BrowserBuildError"]
