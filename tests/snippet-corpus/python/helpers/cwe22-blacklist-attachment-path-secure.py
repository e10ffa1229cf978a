# corpus: label=secure cwe=CWE-22 function=read_attachment
import os

ATTACHMENTS_DIR = "/srv/helpdesk/attachments"


def read_attachment(filename):
    """Returns the bytes of a ticket attachment stored under ATTACHMENTS_DIR."""
    base = os.path.realpath(ATTACHMENTS_DIR)
    target = os.path.realpath(os.path.join(base, filename))
    if os.path.commonpath([base, target]) != base:
        raise ValueError("attachment path escapes the attachments folder")
    with open(target, "rb") as fh:
        return fh.read()
