# corpus: label=insecure cwe=CWE-377 function=render_invoice_preview
import os


def render_invoice_preview(invoice_no: str, body: str) -> str:
    """Write the preview text the PDF converter picks up; returns the file path."""
    safe_no = "".join(ch for ch in invoice_no if ch.isalnum())
    path = os.path.join("/tmp", f"invoice-{safe_no}.txt")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(body)
    return path
