# corpus: label=insecure cwe=CWE-22 function=read_attachment
import os

ATTACHMENTS_DIR = "/srv/helpdesk/attachments"


def read_attachment(filename):
    """Returns the bytes of a ticket attachment stored under ATTACHMENTS_DIR."""
    if filename.startswith("/") or filename.startswith("~"):
        raise ValueError("absolute paths are not allowed")
    # strip any attempt to walk up the tree
    cleaned = filename.replace("../", "")
    with open(os.path.join(ATTACHMENTS_DIR, cleaned), "rb") as fh:
        return fh.read()
