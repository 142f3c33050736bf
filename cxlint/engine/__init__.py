"""The rule engine: candidates, targets, context modifiers, scoring, findings."""
