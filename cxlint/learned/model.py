"""The shipped form of a bag-of-words text classifier: a bias and a weight per unigram and bigram.

spaCy's ``TextCatBOW`` is linear before its logistic output, so its score for a text is the sigmoid
of the bias plus the weights of the text's n-grams, each as often as it occurs. The exporter
(``benchmarks/textcat/export.py``) reads those weights out of a trained model into a JSON file that
people can read and review; ``compile_model`` turns that file into the binary table cxlint loads
at run time. Parsing fifty thousand JSON entries cost more than linting a file; the table is two
arrays read straight from disk: open addressing on the CRC-32 of each n-gram (a slot of 0 is
empty), so a lookup is one hash and, nearly always, one probe.
"""

from __future__ import annotations

import json
import math
import mmap
import struct
import sys
import zlib
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

FORMAT = 1
_MAGIC = b"CXLM"
_HEADER = struct.Struct("<4sII dd 16s")
"""Magic, format, table size, bias, threshold, category (UTF-8, zero-padded)."""


_SEEN_LIMIT = 200_000
"""At most this many remembered weights (about 20 MB); then the memory starts again."""


class ModelError(ValueError):
    """A model file that is not one this version of cxlint can read."""


def ngram_hash(key: str) -> int:
    """An n-gram's key in the table: its CRC-32, never 0 (a slot of 0 is empty)."""
    return zlib.crc32(key.encode("utf-8")) or 1


@dataclass(frozen=True)
class WeightTable:
    """N-gram weights by the CRC-32 of the n-gram (unigrams by their word, bigrams by two words and a space)."""

    keys: array | memoryview[int]
    values: array | memoryview[float]

    @classmethod
    def build(cls, weights: dict[str, float]) -> WeightTable:
        """A table at most half full. Two n-grams with one CRC-32 would share a slot and the sum of their
        weights; the exporter checks that the shipped model has none."""
        size = 1 << max(4, (2 * len(weights)).bit_length())
        mask = size - 1
        keys = array("I", bytes(4 * size))
        values = array("f", bytes(4 * size))
        for key, weight in weights.items():
            h = ngram_hash(key)
            i = h & mask
            while keys[i] and keys[i] != h:
                i = (i + 1) & mask
            keys[i] = h
            values[i] += weight
        return cls(keys, values)

    def get(self, key: str) -> float:
        h = ngram_hash(key)
        keys = self.keys
        mask = len(keys) - 1
        i = h & mask
        while True:
            k = keys[i]
            if k == h:
                return self.values[i]
            if not k:
                return 0.0
            i = (i + 1) & mask


@dataclass(frozen=True)
class LinearModel:
    """One category's classifier: ``probability`` of a text's words, flagged at ``threshold`` and above."""

    category: str
    threshold: float
    bias: float
    table: WeightTable
    _seen: dict[str, float] = field(default_factory=dict, compare=False, repr=False)
    """Unigram weights already looked up: most words of a corpus recur, and a dict hit is a tenth of a table probe."""
    _pairs: dict[tuple[str, str], float] = field(default_factory=dict, compare=False, repr=False)
    """Bigram weights already looked up, by the pair of words: a pair hashes its two words' cached hashes, where
    the bigram's string would be built and hashed anew for every lookup."""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinearModel:
        """From the reviewable JSON form (``format``, ``category``, ``threshold``, ``bias``, ``weights``)."""
        if data.get("format") != FORMAT:
            raise ModelError(f"model format {data.get('format')!r}, expected {FORMAT}")
        try:
            weights = {str(k): float(v) for k, v in data["weights"].items()}
            return cls(str(data["category"]), float(data["threshold"]), float(data["bias"]), WeightTable.build(weights))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ModelError(f"malformed model: {exc}") from exc

    def to_bytes(self) -> bytes:
        keys, values = self.table.keys, self.table.values
        header = _HEADER.pack(_MAGIC, FORMAT, len(keys), self.bias, self.threshold, self.category.encode("utf-8"))
        return header + _little_endian(keys, "I") + _little_endian(values, "f")

    @classmethod
    def from_bytes(cls, data: bytes | mmap.mmap) -> LinearModel:
        """The model in ``data`` (a compiled file's bytes, or the file mapped into memory). The table's two arrays
        are read in place where the machine is little-endian, as the file is: nothing is copied, and a mapped
        file's pages are read only when a lookup reaches them."""
        try:
            magic, version, size, bias, threshold, category = _HEADER.unpack_from(data)
        except struct.error as exc:
            raise ModelError(f"not a cxlint model: {exc}") from exc
        if magic != _MAGIC or version != FORMAT:
            raise ModelError(f"not a cxlint model of format {FORMAT}")
        body = memoryview(data)[_HEADER.size:]
        if size <= 0 or size & (size - 1) or len(body) != 8 * size:
            raise ModelError(f"table of {size} slots does not match {len(body)} bytes")
        keys: array | memoryview[int] = body[:4 * size].cast("I")
        values: array | memoryview[float] = body[4 * size:].cast("f")
        if sys.byteorder == "big":  # pragma: no cover - the file is little-endian everywhere
            keys, values = array("I", keys.tobytes()), array("f", values.tobytes())
            keys.byteswap()
            values.byteswap()
        return cls(category.rstrip(b"\0").decode("utf-8"), threshold, bias, WeightTable(keys, values))

    def __reduce__(self) -> tuple[Any, tuple[bytes]]:
        """Pickled as its compiled bytes (a mapped table cannot be pickled itself): a process pool or a scheduler
        that sends a model to a worker gets the same model back."""
        return (LinearModel.from_bytes, (self.to_bytes(),))

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        """The compiled model (``.bin``, mapped into memory rather than read), or the JSON form when that is what
        ``path`` names."""
        try:
            if path.suffix == ".json":
                return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))
            with path.open("rb") as handle:
                try:
                    mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
                except ValueError as exc:  # an empty file cannot be mapped
                    raise ModelError(f"not a cxlint model: {exc}") from exc
            return cls.from_bytes(mapped)
        except (OSError, json.JSONDecodeError, ModelError) as exc:
            raise ModelError(f"{path}: {exc}") from exc

    def logit(self, words: Sequence[str]) -> float:
        """The bias plus the weight of every unigram and bigram of ``words`` (added in the text's order: the
        first word, then each word after the bigram it ends)."""
        seen, pairs = self._seen, self._pairs
        if len(seen) + len(pairs) > _SEEN_LIMIT:
            seen.clear()
            pairs.clear()
        table = self.table.get
        total = self.bias
        previous = None
        for word in words:
            w = seen.get(word)
            if w is None:
                w = seen[word] = table(word)
            total += w
            if previous is not None:
                pair = (previous, word)
                w = pairs.get(pair)
                if w is None:
                    w = pairs[pair] = table(f"{previous} {word}")
                total += w
            previous = word
        return total

    def drivers(self, words: Sequence[str], plain: frozenset[str] = frozenset(), most: int = 3) -> list[str]:
        """The unigrams and bigrams of ``words`` that raise the score most, heaviest first: what a finding can
        show the writer as the reason (the table keeps hashes, so the words come from the text itself). An
        n-gram made only of punctuation, word pieces ('ve, 's) or ``plain`` words (those every such text holds)
        says nothing."""
        def telling(gram: str) -> bool:
            return any(part not in plain and part[0].isalnum() for part in gram.split(" "))

        grams = {w for w in words if telling(w)} | {g for g in map(" ".join, zip(words, words[1:])) if telling(g)}
        weighted = sorted(((self.table.get(g), g) for g in grams), key=lambda pair: (-pair[0], pair[1]))
        return [gram for weight, gram in weighted[:most] if weight > 0]

    def probability(self, words: Sequence[str]) -> float:
        """The model's score for ``words`` (0..1); an empty text scores the bias alone."""
        x = self.logit(words)
        return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def _little_endian(table: array | memoryview[int] | memoryview[float], code: str) -> bytes:
    """A table's bytes as the file holds them (little-endian), whether it is an array or a mapped file's view."""
    if sys.byteorder == "little":
        return table.tobytes()
    swapped = array(code, table.tobytes())  # pragma: no cover - the file is little-endian everywhere
    swapped.byteswap()  # pragma: no cover
    return swapped.tobytes()  # pragma: no cover


def compile_model(json_path: Path) -> bytes:
    """The binary table for the JSON model at ``json_path``: what ships beside it and what cxlint loads."""
    return LinearModel.load(json_path).to_bytes()
