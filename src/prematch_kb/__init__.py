"""prematch-kb: a guide to pre-Match communication, with an email checker.

Importing the package stays as light as the checker itself (standard library only), so the same
package runs unchanged inside Pyodide. Heavier layers (knowledge-base loader, compiler, MkDocs
plugin, handbook, CLI) are imported only where they are used.
"""

__version__ = "0.1.0"
