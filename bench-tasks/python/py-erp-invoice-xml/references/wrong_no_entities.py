import defusedxml.ElementTree as DET
from xml.etree.ElementTree import ParseError


def parse_invoice(xml: bytes) -> dict:
    try:
        root = DET.fromstring(xml)
    except (ParseError, ValueError) as exc:
        raise ValueError(str(exc)) from exc
    customer = root.find("customer")
    if root.get("number") is None or customer is None:
        raise ValueError("missing number or customer")
    lines = []
    for line in root.findall("line"):
        try:
            lines.append({"sku": line.get("sku"), "qty": int(line.get("qty")), "unit_price": float(line.get("unit_price"))})
        except (TypeError, ValueError) as exc:
            raise ValueError(f"bad line: {exc}") from exc
    total = round(sum(l["qty"] * l["unit_price"] for l in lines), 2)
    return {"number": root.get("number"), "customer": "".join(customer.itertext()).strip(), "lines": lines, "total": total}
