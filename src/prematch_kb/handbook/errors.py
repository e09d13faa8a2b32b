"""The one error the handbook raises for bad input: it says where and what."""


class HandbookError(Exception):
    """Content or settings the handbook cannot print, or a PDF that could not be written."""
