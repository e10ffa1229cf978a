from lxml import etree


def _literal(value: str) -> str:
    return f'"{value}"' if "'" in value else f"'{value}'"


def lookup_account(registry_path: str, name: str, token: str) -> dict | None:
    tree = etree.parse(registry_path)
    found = tree.xpath(f"/accounts/account[@name={_literal(name)} and @token={_literal(token)}]")
    if not found:
        return None
    return {"name": found[0].get("name"), "role": found[0].get("role")}
