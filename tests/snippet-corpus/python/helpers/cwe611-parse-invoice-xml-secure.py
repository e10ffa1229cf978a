# corpus: label=secure cwe=CWE-611 function=parse_invoice
from decimal import Decimal

from lxml import etree


def parse_invoice(xml_bytes: bytes) -> dict:
    """Parse a supplier invoice (UBL-like XML) into a dict."""
    parser = etree.XMLParser(
        resolve_entities=False, load_dtd=False, no_network=True, remove_blank_text=True
    )
    root = etree.fromstring(xml_bytes, parser)
    lines = []
    for line in root.iter("Line"):
        lines.append({
            "sku": line.findtext("Sku"),
            "description": line.findtext("Description"),
            "amount": Decimal(line.findtext("Amount") or "0"),
        })
    return {
        "number": root.findtext("Number"),
        "supplier": root.findtext("Supplier/Name"),
        "lines": lines,
        "total": sum((l["amount"] for l in lines), Decimal("0")),
    }
