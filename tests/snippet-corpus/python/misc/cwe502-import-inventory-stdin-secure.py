# corpus: label=secure cwe=CWE-502 function=parse_inventory
"""Read an inventory document (YAML) from stdin and print a summary.

    cat inventory.yml | python import_inventory.py
"""
import sys

import yaml


def parse_inventory(text):
    doc = yaml.safe_load(text) or {}
    hosts = doc.get("hosts", [])
    groups = {}
    for host in hosts:
        for group in host.get("groups", ["ungrouped"]):
            groups.setdefault(group, []).append(host["name"])
    return groups


if __name__ == "__main__":
    for group, names in sorted(parse_inventory(sys.stdin.read()).items()):
        print(f"[{group}]")
        print("\n".join(names))
