"""Rule packs: YAML files of rules, word lists, evidence and context modifiers."""
