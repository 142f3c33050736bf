"""The promise auditor: promise records, the promises registry, statuses, consistency, reports."""
