"""The audit as one self-contained HTML page: inline CSS, no scripts, no network, readable when printed.

Summary first (counts by status), then the conflicts side by side with both texts, then every
promise grouped by subject. Filtering by status and by channel is pure CSS (radio buttons and
``:checked`` selectors), so the page works offline, from an e-mail attachment, with scripts off,
and stays usable with thousands of promises: big groups start folded.
"""

from __future__ import annotations

import re
from html import escape
from typing import TextIO
from urllib.parse import quote

from cxlint.promises.consistency import Conflict
from cxlint.promises.inventory import Inventory, Row
from cxlint.promises.matching import STATUSES
from cxlint.promises.records import PromiseRecord
from cxlint.promises.report_text import row_cells, summary_lines

OPEN_GROUP_ROWS = 40
"""Groups with more promises than this start folded (their heading still shows the counts)."""

_SHOWN = ("touchpoint", "channel", "value", "text", "status", "entry", "evidence", "owner", "note")
_STYLE = """
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:84rem;padding:0 1rem;color:#1d232a}
h1{margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #d7dde3;padding-bottom:.2rem}
.summary{background:#f5f7f9;border:1px solid #d7dde3;border-radius:6px;padding:.6rem 1.2rem}
.pill{display:inline-block;margin:.2rem .5rem .2rem 0;padding:.15rem .6rem;border-radius:999px;font-weight:600}
table{border-collapse:collapse;width:100%;font-size:13.5px}th,td{border:1px solid #d7dde3;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#eef1f4}td.text,.quote{font-style:italic}
.backed{background:#e3f4e8;color:#14532d}.over-promised{background:#fde2e1;color:#7f1d1d}.expired{background:#fdecd2;color:#7c2d12}
.unbacked{background:#fef6c7;color:#713f12}.inconsistent{background:#e8e3fb;color:#3b2a80}
td.status{font-weight:600;white-space:nowrap}
.filters{position:sticky;top:0;background:#fff;border-bottom:1px solid #d7dde3;padding:.4rem 0;z-index:1}
.filters input{position:absolute;opacity:0;pointer-events:none}
.filters label{display:inline-block;margin:.15rem .3rem .15rem 0;padding:.1rem .55rem;border:1px solid #b8c2cc;border-radius:999px;cursor:pointer;font-size:13px}
.conflict{display:grid;grid-template-columns:1fr 1fr;gap:.6rem;margin:.6rem 0 1rem}
.side{border:1px solid #d7dde3;border-left:4px solid #6d5bd0;border-radius:4px;padding:.4rem .7rem}
.side .value{font-weight:600}
details>summary{cursor:pointer;font-size:1.15rem;font-weight:600;margin-top:1.2rem}
details>summary small{font-weight:400;color:#56606b}
a{color:#1f4e8c}
@media print{.filters{display:none}details{display:block}}
"""


def render(inventory: Inventory, stream: TextIO) -> None:
    channels = sorted({row.record.channel or "none" for row in inventory.rows})
    out = ['<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>Promise audit</title><style>{_STYLE}{_filter_css(channels)}</style></head><body>",
           "<h1>Promise audit</h1>"]
    out += _summary(inventory)
    out += _filters(inventory, channels)
    out.append("<main>")
    out += _conflicts(inventory.conflict_pairs())
    out.append("<h2>Every promise, by subject</h2>")
    for subject, rows in inventory.by_subject().items():
        out += _group(subject, rows)
    out.append("</main></body></html>\n")
    stream.write("\n".join(out))


def _summary(inventory: Inventory) -> list[str]:
    out = ['<section class="summary"><p>']
    for status, count in inventory.counts().items():
        out.append(f'<span class="pill {status}">{count} {escape(status)}</span>')
    out.append("</p><ul>")
    out += [f"<li>{escape(line)}</li>" for line in summary_lines(inventory)]
    out.append("</ul></section>")
    return out


def _token(text: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", text.lower()).strip("-") or "none"


def _filter_css(channels: list[str]) -> str:
    """One hiding rule per status and per channel button; the two groups combine."""
    rules = []
    for status in STATUSES:
        token = _token(status)
        rules.append(f"#st-{token}:checked~main tr.row:not(.st-{token}),#st-{token}:checked~main .conflict-row:not(.st-inconsistent)"
                     f"{{display:none}}#st-{token}:checked~.filters label[for=st-{token}]{{background:#1f4e8c;color:#fff}}")
    for channel in channels:
        token = _token(channel)
        rules.append(f"#ch-{token}:checked~main tr.row:not(.ch-{token}){{display:none}}"
                     f"#ch-{token}:checked~.filters label[for=ch-{token}]{{background:#1f4e8c;color:#fff}}")
    rules.append("#st-all:checked~.filters label[for=st-all],#ch-all:checked~.filters label[for=ch-all]{background:#1f4e8c;color:#fff}")
    return "\n".join(rules)


def _filters(inventory: Inventory, channels: list[str]) -> list[str]:
    counts = inventory.counts()
    per_channel = {c: sum(1 for r in inventory.rows if (r.record.channel or "none") == c) for c in channels}
    inputs = ['<input type="radio" name="status" id="st-all" checked hidden>', '<input type="radio" name="channel" id="ch-all" checked hidden>']
    inputs += [f'<input type="radio" name="status" id="st-{_token(s)}" hidden>' for s in STATUSES]
    inputs += [f'<input type="radio" name="channel" id="ch-{_token(c)}" hidden>' for c in channels]
    labels = ['<nav class="filters" aria-label="Filters"><strong>Status:</strong> <label for="st-all">all</label>']
    labels += [f'<label for="st-{_token(s)}">{escape(s)} ({counts[s]})</label>' for s in STATUSES]
    labels.append("<br><strong>Channel:</strong> <label for=\"ch-all\">all</label>")
    labels += [f'<label for="ch-{_token(c)}">{escape(c)} ({per_channel[c]})</label>' for c in channels]
    labels.append("</nav>")
    return inputs + labels


def _link(record: PromiseRecord) -> str:
    href = quote(record.path.replace("\\", "/")) + f"#L{record.line}"
    return f'<a href="{escape(href)}">{escape(record.location)}</a>'


def _side(record: PromiseRecord) -> str:
    return (f'<div class="side">{_link(record)} <small>{escape(record.channel or "")}</small><br>'
            f'<span class="value">{escape(record.value_text)}</span>{" (" + escape(", ".join(record.qualifiers)) + ")" if record.qualifiers else ""}'
            f'<div class="quote">“{escape(" ".join(record.context.split()))}”</div></div>')


def _conflicts(pairs: list[Conflict]) -> list[str]:
    out = [f"<h2>Conflicts between touchpoints <small>({len(pairs)})</small></h2>"]
    if not pairs:
        return out + ["<p>No touchpoint contradicts another.</p>"]
    for conflict in pairs:
        what = {"value": "different values", "scope": "scope drift", "qualifier": "a qualifier dropped"}[conflict.kind]
        out.append(f'<div class="conflict-row st-inconsistent"><strong>{escape(conflict.record.subject)}</strong>: {what}'
                   f'<div class="conflict">{_side(conflict.record)}{_side(conflict.other)}</div></div>')
    return out


def _group(subject: str, rows: list[Row]) -> list[str]:
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.status] = counts.get(row.status, 0) + 1
    tally = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    opened = " open" if len(rows) <= OPEN_GROUP_ROWS else ""
    out = [f"<details{opened}><summary>{escape(subject)} <small>({len(rows)}: {escape(tally)})</small></summary><table><thead><tr>"]
    out += [f"<th>{escape(c)}</th>" for c in _SHOWN]
    out.append("</tr></thead><tbody>")
    for row in rows:
        cells = row_cells(row)
        out.append(f'<tr class="row st-{_token(row.status)} ch-{_token(row.record.channel or "none")}">')
        for column in _SHOWN:
            if column == "touchpoint":
                out.append(f"<td>{_link(row.record)}</td>")
                continue
            css = f' class="status {cells["status"]}"' if column == "status" else (' class="text"' if column == "text" else "")
            out.append(f"<td{css}>{escape(cells[column])}</td>")
        out.append("</tr>")
    out.append("</tbody></table></details>")
    return out
