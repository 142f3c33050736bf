"""The WordNet lexicon builder: hyponym trees, dominant senses, excluded subtrees, and a current generated file."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "wordnet"


def _builder():
    spec = importlib.util.spec_from_file_location("build_wordnet_lexicons", REPO / "scripts" / "build_wordnet_lexicons.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_hyponyms_with_their_dominant_sense_only() -> None:
    wordnet = _builder().WordNet(FIXTURE)
    pos, disease = wordnet.synset("disease.n.01")
    tree = wordnet.below(pos, disease)
    words = set(wordnet.dominant_lemmas(pos, tree))
    assert words == {"disease", "cancer", "blight", "blues"}  # "blue" means the colour first
    _, blight = wordnet.synset("blight.n.01")
    assert set(wordnet.dominant_lemmas(pos, wordnet.below(pos, disease, frozenset({blight})))) == {"disease", "cancer", "blues"}


@pytest.mark.skipif(not Path("/usr/share/wordnet/data.noun").exists() or importlib.util.find_spec("wordfreq") is None,
                    reason="needs WordNet (Debian wordnet-base) and wordfreq")
def test_generated_wordnet_lexicons_are_current() -> None:
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "build_wordnet_lexicons.py"), "--check"], cwd=REPO)
    assert done.returncode == 0, "run scripts/build_wordnet_lexicons.py and commit rules/lexicons/wordnet.generated.yaml"


def test_generated_lexicons_hold_words_not_patterns() -> None:
    import yaml

    data = yaml.safe_load((REPO / "rules" / "lexicons" / "wordnet.generated.yaml").read_text(encoding="utf-8"))
    for name, spec in data["lexicons"].items():
        assert spec["words"], name
        assert all(isinstance(w, str) and len(w.split()) <= 8 for w in spec["words"]), name
