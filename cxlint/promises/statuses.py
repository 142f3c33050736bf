"""The statuses a promise can have against a registry.

Apart from the matching itself, so that a run which meets no promise never loads the matcher.
"""

BACKED, OVER, EXPIRED, UNBACKED, INCONSISTENT = "backed", "over-promised", "expired", "unbacked", "inconsistent"
STATUSES = (BACKED, OVER, EXPIRED, UNBACKED, INCONSISTENT)
