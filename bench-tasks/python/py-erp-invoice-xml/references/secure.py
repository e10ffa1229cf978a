import xml.etree.ElementTree as ET


def _number(el, name, kind):
    raw = el.get(name)
    if raw is None:
        raise ValueError(f"<line> is missing the {name} attribute")
    try:
        return kind(raw)
    except ValueError as exc:
        raise ValueError(f"<line> {name}={raw!r} is not a number") from exc


def parse_invoice(xml: bytes) -> dict:
    # expat expands entities declared in the internal subset but never fetches external entities or DTDs.
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        raise ValueError(f"invoice is not well-formed XML: {exc}") from exc
    number = root.get("number")
    customer = root.find("customer")
    if number is None or customer is None:
        raise ValueError("invoice needs a number attribute and a <customer> element")
    lines = []
    for line in root.findall("line"):
        sku = line.get("sku")
        if sku is None:
            raise ValueError("<line> is missing the sku attribute")
        lines.append({"sku": sku, "qty": _number(line, "qty", int), "unit_price": _number(line, "unit_price", float)})
    total = round(sum(l["qty"] * l["unit_price"] for l in lines), 2)
    return {"number": number, "customer": "".join(customer.itertext()).strip(), "lines": lines, "total": total}
