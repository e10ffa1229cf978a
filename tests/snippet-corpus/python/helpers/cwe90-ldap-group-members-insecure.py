# corpus: label=insecure cwe=CWE-90 function=group_members
GROUPS_DN = "ou=groups,dc=corp,dc=example"


def group_members(conn, group_name):
    """Returns the member DNs of the named group, using an already bound ldap3 Connection."""
    search_filter = f"(&(objectClass=groupOfNames)(cn={group_name}))"
    conn.search(GROUPS_DN, search_filter, attributes=["member"])
    members = []
    for entry in conn.entries:
        members.extend(str(m) for m in entry.member)
    return members
