# corpus: label=insecure cwe=CWE-611 function=read_device_config
"""Load a router configuration export given on the command line and print its interfaces."""
import sys

from lxml import etree


def read_device_config(path):
    parser = etree.XMLParser(resolve_entities=True, dtd_validation=False, load_dtd=True)
    tree = etree.parse(path, parser)
    interfaces = {}
    for iface in tree.getroot().iter("interface"):
        interfaces[iface.get("name")] = {
            "address": iface.findtext("address"),
            "description": iface.findtext("description", default=""),
            "enabled": iface.get("enabled", "true") == "true",
        }
    return interfaces


if __name__ == "__main__":
    for name, cfg in read_device_config(sys.argv[1]).items():
        print(name, cfg["address"], cfg["description"])
