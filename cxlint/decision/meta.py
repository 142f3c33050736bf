"""Rules about cxlint's own comments (ids CX001-CX009, category ``meta``), as ruff's RUF100.

They are not in the YAML packs because nothing in the copy triggers them: the decision step
raises them while it applies suppressions. They are selected, disabled and re-levelled
like any other rule (``disable: [meta]`` or ``[CX001]``).
"""

from __future__ import annotations

from cxlint.report import RuleInfo

META = "meta"

UNUSED_SUPPRESSION = RuleInfo(
    id="CX001",
    name="unused-suppression",
    category=META,
    severity="warning",
    message="This suppression silences nothing.",
    rationale="A suppression that no longer matches a finding hides the next real problem on that line and "
    "misleads readers about the copy. Like ruff's RUF100 and ESLint's --report-unused-disable-directives.",
    suggestion="Remove the comment, or the rule ids in it that no longer fire.",
    pack=META,
)
SUPPRESSION_WITHOUT_REASON = RuleInfo(
    id="CX002",
    name="suppression-without-reason",
    category=META,
    severity="warning",
    message="This suppression gives no reason.",
    rationale="Reviewers and the next writer need to know why copy that reads as creepy or unbacked is acceptable "
    "here (a legal review, a security notice). The reason is required unless `require-reason: false`.",
    suggestion="Add the reason after ' -- ', e.g. <!-- cxlint-disable CX101 -- security notice, reviewed by legal -->.",
    pack=META,
)
INVALID_SUPPRESSION = RuleInfo(
    id="CX003",
    name="invalid-suppression",
    category=META,
    severity="warning",
    message="This suppression names a rule, category or pack that does not exist.",
    rationale="A misspelt rule id silences nothing, while the writer believes the finding is handled.",
    suggestion="Use an id from `cxlint rules` (e.g. CX101), a category (barista, promise, pressure) or a pack name.",
    pack=META,
)

META_RULES: tuple[RuleInfo, ...] = (UNUSED_SUPPRESSION, SUPPRESSION_WITHOUT_REASON, INVALID_SUPPRESSION)
