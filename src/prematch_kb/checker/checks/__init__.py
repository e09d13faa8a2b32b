"""One module per family of categories; importing this package registers every detector."""

from . import (  # noqa: F401  (imported for their registrations)
    by_meaning,
    placeholders,
    specialty_policy,
    structure,
    tone,
)

