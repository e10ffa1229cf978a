# corpus: label=insecure cwe=CWE-643 function=lookup_staff
from lxml import etree

STAFF_XML = b"""<staff>
  <member id="17"><login>jmartin</login><name>Julia Martin</name><phone>4411</phone><salary>72000</salary></member>
  <member id="23"><login>pkumar</login><name>Priya Kumar</name><phone>4419</phone><salary>81000</salary></member>
  <member id="31"><login>tnguyen</login><name>Tom Nguyen</name><phone>4420</phone><salary>64000</salary></member>
</staff>"""

_directory = etree.fromstring(STAFF_XML)


def lookup_staff(login):
    """Returns name and phone extension for each staff member with this login."""
    members = _directory.xpath(f"//member[login='{login}']")
    return [
        {"name": m.findtext("name"), "phone": m.findtext("phone")}
        for m in members
    ]
