from lxml import etree


class _NoRemote(etree.Resolver):
    def resolve(self, url, public_id, context):
        if url.startswith(("http://", "https://", "ftp://")):
            return self.resolve_string("", context)
        return None


def parse_invoice(xml: bytes) -> dict:
    parser = etree.XMLParser(resolve_entities=True, no_network=True)
    parser.resolvers.add(_NoRemote())
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
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
    return {"number": root.get("number"), "customer": (customer.text or "").strip(), "lines": lines, "total": total}
