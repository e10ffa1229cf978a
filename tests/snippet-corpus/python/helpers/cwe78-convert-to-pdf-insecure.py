# corpus: label=insecure cwe=CWE-78 function=convert_to_pdf
import os

OUTPUT_DIR = os.environ.get("PDF_OUT", "/tmp/converted")


def convert_to_pdf(source_path):
    """Convert an office document to PDF using LibreOffice in headless mode."""
    os.makedirs(OUTPUT_DIR, exist_ok=True)
    cmd = "soffice --headless --convert-to pdf --outdir %s %s" % (OUTPUT_DIR, source_path)
    status = os.system(cmd)
    if status != 0:
        raise RuntimeError("conversion failed for " + source_path)
    base = os.path.splitext(os.path.basename(source_path))[0]
    return os.path.join(OUTPUT_DIR, base + ".pdf")
