"""Ids of the rules about cxlint's own comments (CX001-CX003, category ``meta``), as ruff's RUF100.

The rules themselves are declared in ``rules/meta.yaml`` like every other rule (listed by
``cxlint rules``, explained by ``cxlint rule``, selected and disabled by config); the decision
step raises them while it applies suppressions.
"""

from __future__ import annotations

META = "meta"
UNUSED_SUPPRESSION = "CX001"
SUPPRESSION_WITHOUT_REASON = "CX002"
INVALID_SUPPRESSION = "CX003"
