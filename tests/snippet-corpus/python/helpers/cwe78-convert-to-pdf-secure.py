# corpus: label=secure cwe=CWE-78 function=convert_to_pdf
import os
import subprocess

OUTPUT_DIR = os.environ.get("PDF_OUT", "/tmp/converted")


def convert_to_pdf(source_path):
    """Convert an office document to PDF using LibreOffice in headless mode."""
    os.makedirs(OUTPUT_DIR, exist_ok=True)
    # absolute path => never starts with '-', so it can't be read as an option
    source_path = os.path.abspath(source_path)
    cmd = ["soffice", "--headless", "--convert-to", "pdf", "--outdir", OUTPUT_DIR, source_path]
    result = subprocess.run(cmd, capture_output=True, timeout=120)
    if result.returncode != 0:
        raise RuntimeError("conversion failed for " + source_path)
    base = os.path.splitext(os.path.basename(source_path))[0]
    return os.path.join(OUTPUT_DIR, base + ".pdf")
