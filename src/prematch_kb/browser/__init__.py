"""The checker in the browser: the wheel, the self-hosted Pyodide runtime and the checker page's data.

`build_checker_assets(site_dir, kb=..., project_root=...)` runs after the site is built.
"""
