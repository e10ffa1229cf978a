from lxml import etree

# XPath variables keep the values out of the expression text entirely.
_FIND = etree.XPath("/accounts/account[@name = $name and @token = $token]")


def lookup_account(registry_path: str, name: str, token: str) -> dict | None:
    tree = etree.parse(registry_path)
    matches = _FIND(tree, name=name, token=token)
    if not matches:
        return None
    account = matches[0]
    return {"name": account.get("name"), "role": account.get("role")}
