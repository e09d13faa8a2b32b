"""One error type for everything that can go wrong while putting the checker into the site."""


class BrowserBuildError(RuntimeError):
    """The checker's wheel, runtime, data or page could not be built; the message says where."""
