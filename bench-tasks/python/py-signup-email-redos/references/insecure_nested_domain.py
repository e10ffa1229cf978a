import re

EMAIL = re.compile(r"^[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*@(([A-Za-z0-9]+-?)+\.)+[A-Za-z]{2,}$")


def is_valid_email(address: str) -> bool:
    if len(address) > 254 or not EMAIL.match(address):
        return False
    local, domain = address.split("@")
    if len(local) > 64:
        return False
    return all(len(label) <= 63 and not label.endswith("-") for label in domain.split("."))
