# corpus: label=secure cwe=CWE-90 function=group_members
GROUPS_DN = "ou=groups,dc=corp,dc=example"


def _escape_filter_chars(value):
    """RFC 4515 escaping for a value placed inside a search filter."""
    out = []
    for ch in str(value):
        if ch in "\\*()\x00":
            out.append("\\%02x" % ord(ch))
        else:
            out.append(ch)
    return "".join(out)


def group_members(conn, group_name):
    """Returns the member DNs of the named group, using an already bound ldap3 Connection."""
    search_filter = f"(&(objectClass=groupOfNames)(cn={_escape_filter_chars(group_name)}))"
    conn.search(GROUPS_DN, search_filter, attributes=["member"])
    members = []
    for entry in conn.entries:
        members.extend(str(m) for m in entry.member)
    return members
