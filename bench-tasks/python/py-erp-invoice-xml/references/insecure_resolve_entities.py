from lxml import etree


def parse_invoice(xml: bytes) -> dict:
    parser = etree.XMLParser(resolve_entities=True, load_dtd=True)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        raise ValueError(str(exc)) from exc
    customer = root.find("customer")
    if root.get("number") is None or customer is None:
        raise ValueError("missing number or customer")
    lines = []
    for line in root.iter("line"):
        try:
            lines.append({"sku": line.attrib["sku"], "qty": int(line.attrib["qty"]), "unit_price": float(line.attrib["unit_price"])})
        except (KeyError, ValueError) as exc:
            raise ValueError(f"bad line: {exc}") from exc
    total = round(sum(l["qty"] * l["unit_price"] for l in lines), 2)
    return {"number": root.get("number"), "customer": "".join(customer.itertext()).strip(), "lines": lines, "total": total}
