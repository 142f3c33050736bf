"""Message archives: a JSON Lines, CSV or Parquet file holding one message a record (a CMS export,
a helpdesk's macros, a CRM's sent emails), each message linted as its own document.

Findings point at the archive with the message's line and a JSON Pointer ``/<record>/<field>``.
Archives are read when named on the command line (or matched by ``include``), never picked up
by walking a folder: a repository's ``.jsonl`` and ``.csv`` files are usually data, not copy.
"""

from cxlint.archives.messages import ARCHIVE_SUFFIXES, ArchiveFields, Message, is_archive

__all__ = ["ARCHIVE_SUFFIXES", "ArchiveFields", "Message", "is_archive"]
