from lxml import etree


def lookup_account(registry_path: str, name: str, token: str) -> dict | None:
    tree = etree.parse(registry_path)
    found = tree.xpath(f'/accounts/account[@name="{name}" and @token="{token}"]')
    if not found:
        return None
    return {"name": found[0].get("name"), "role": found[0].get("role")}
