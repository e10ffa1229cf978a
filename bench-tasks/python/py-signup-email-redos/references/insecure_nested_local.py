import re

EMAIL = re.compile(r"^([A-Za-z0-9_%+-]+\.?)*[A-Za-z0-9_%+-]+@((?:[A-Za-z0-9-]+\.)+)([A-Za-z]{2,})$")


def is_valid_email(address: str) -> bool:
    if len(address) > 254:
        return False
    m = EMAIL.match(address)
    if not m:
        return False
    local = address.split("@")[0]
    if len(local) > 64:
        return False
    labels = address.split("@")[1].split(".")
    return all(0 < len(l) <= 63 and not l.startswith("-") and not l.endswith("-") for l in labels)
