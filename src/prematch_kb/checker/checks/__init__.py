"""One module per family of categories; importing this package registers every detector."""

from . import (  # noqa: F401  (imported for their registrations)
    placeholders,
    specialty_policy,
    structure,
    tone,
)

# isort: split
# Last: the categories decided by the meaning layer's rules, once no phrase detector above claims them.
from . import by_meaning  # noqa: F401
