from lxml import etree


def lookup_account(registry_path: str, name: str, token: str) -> dict | None:
    tree = etree.parse(registry_path)
    found = tree.xpath("/accounts/account[@name = $n]", n=name)
    if not found:
        return None
    return {"name": found[0].get("name"), "role": found[0].get("role")}
