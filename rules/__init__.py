"""Built-in rule packs: YAML data only, installed as the ``cxlint.packs`` package."""
