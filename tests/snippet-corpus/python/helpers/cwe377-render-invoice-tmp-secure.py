# corpus: label=secure cwe=CWE-377 function=render_invoice_preview
import tempfile


def render_invoice_preview(invoice_no: str, body: str) -> str:
    """Write the preview text the PDF converter picks up; returns the file path."""
    safe_no = "".join(ch for ch in invoice_no if ch.isalnum())
    with tempfile.NamedTemporaryFile("w", prefix=f"invoice-{safe_no}-", suffix=".txt",
                                     encoding="utf-8", delete=False) as fh:
        fh.write(body)
        return fh.name
