"""The audit as one self-contained HTML page: inline CSS, no scripts, no network, readable when printed."""

from __future__ import annotations

from html import escape
from typing import TextIO

from cxlint.promises.inventory import Inventory
from cxlint.promises.report_text import row_cells, summary_lines

_SHOWN = ("touchpoint", "channel", "value", "text", "status", "entry", "evidence", "owner", "note")
_STYLE = """
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:78rem;padding:0 1rem;color:#1d232a}
h1{margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #d7dde3;padding-bottom:.2rem}
.summary{background:#f5f7f9;border:1px solid #d7dde3;border-radius:6px;padding:.6rem 1.2rem}
.counts span{display:inline-block;margin:.2rem .6rem .2rem 0;padding:.15rem .6rem;border-radius:999px;font-weight:600}
table{border-collapse:collapse;width:100%;font-size:13.5px}th,td{border:1px solid #d7dde3;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#eef1f4}td.text{font-style:italic}
.backed{background:#e3f4e8;color:#14532d}.over-promised{background:#fde2e1;color:#7f1d1d}.expired{background:#fdecd2;color:#7c2d12}
.unbacked{background:#fef6c7;color:#713f12}.inconsistent{background:#e8e3fb;color:#3b2a80}
td.status{font-weight:600;white-space:nowrap}
"""


def render(inventory: Inventory, stream: TextIO) -> None:
    out = ['<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>Promise audit</title><style>{_STYLE}</style></head><body>",
           "<h1>Promise audit</h1>", '<div class="summary"><p class="counts">']
    for status, count in inventory.counts().items():
        out.append(f'<span class="{status}">{count} {escape(status)}</span>')
    out.append("</p><ul>")
    out += [f"<li>{escape(line)}</li>" for line in summary_lines(inventory)]
    out.append("</ul></div>")
    for subject, rows in inventory.by_subject().items():
        out.append(f"<h2>{escape(subject)} <small>({len(rows)})</small></h2><table><thead><tr>")
        out += [f"<th>{escape(c)}</th>" for c in _SHOWN]
        out.append("</tr></thead><tbody>")
        for row in rows:
            cells = row_cells(row)
            out.append("<tr>")
            for column in _SHOWN:
                css = f' class="status {cells["status"]}"' if column == "status" else (' class="text"' if column == "text" else "")
                out.append(f"<td{css}>{escape(cells[column])}</td>")
            out.append("</tr>")
        out.append("</tbody></table>")
    out.append("</body></html>\n")
    stream.write("\n".join(out))
