# Probes for the ldap template. The sandbox has no directory server (and no ldap3 or python-ldap): a parameter that is
# the LDAP connection gets a stand-in (built in the sample's process) that answers ldap3's `search` and
# python-ldap's `search_s`/`search_st`/`search_ext_s` with one entry and records each filter (sys._dg_ldap). The
# probe parses the filter (RFC 4515) and compares its structure (operators, attributes and match kinds) with the
# filter a benign value produced; a changed structure is the finding.
_LDAP_STAND_IN = r'''
import sys
if not hasattr(sys, "_dg_ldap"):
    sys._dg_ldap = []

def _line():
    f = sys._getframe(2)
    while f is not None:
        if f.f_code.co_filename.endswith("solution.py"):
            return f.f_lineno
        f = f.f_back
    return None

ENTRY = {"uid": "alice", "cn": "Alice Example", "mail": "alice@example.com", "sn": "Example",
         "memberOf": "cn=staff,ou=groups,dc=example,dc=com", "displayName": "Alice Example"}
DN = "uid=alice,ou=people,dc=example,dc=com"

class Attr:
    def __init__(self, value):
        self.value = value
        self.values = [value]
        self.raw_values = [str(value).encode()]
    def __str__(self):
        return str(self.value)
    def __repr__(self):
        return repr(self.value)
    def __iter__(self):
        return iter(self.values)
    def __len__(self):
        return 1
    def __eq__(self, other):
        return self.value == other

class Entry:
    entry_dn = DN
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return Attr(ENTRY.get(name, ENTRY.get(name.lower(), name)))
    def __getitem__(self, name):
        return self.__getattr__(name)
    def __contains__(self, name):
        return True
    def entry_to_json(self):
        import json
        return json.dumps({"dn": DN, "attributes": {k: [v] for k, v in ENTRY.items()}})
    @property
    def entry_attributes_as_dict(self):
        return {k: [v] for k, v in ENTRY.items()}

class Connection:
    def __init__(self):
        self.entries = []
        self.response = []
        self.result = {"result": 0, "description": "success"}
        self.bound = True
        self.closed = False
    def _record(self, base, filt):
        if len(sys._dg_ldap) < 200:
            sys._dg_ldap.append({"base": str(base), "filter": str(filt if filt is not None else "(objectClass=*)"), "line": _line()})
    @staticmethod
    def _filter(args, kwargs, position):
        for k in ("search_filter", "filterstr", "filter"):
            if k in kwargs:
                return kwargs[k]
        if len(args) > position and isinstance(args[position], (str, bytes)):
            value = args[position]
            return value.decode() if isinstance(value, bytes) else value
        return next((a for a in args[1:] if isinstance(a, str) and a.strip().startswith("(")), None)
    def search(self, *args, **kwargs):
        base = kwargs.get("search_base", args[0] if args else "")
        if "scope" in kwargs or (len(args) > 1 and isinstance(args[1], int)):
            self._record(base, self._filter(args, kwargs, 2))   # python-ldap: search(base, scope, filterstr) -> msgid
            return 1
        self._record(base, self._filter(args, kwargs, 1))       # ldap3: search(base, filter, ...) -> bool
        self.entries = [Entry()]
        self.response = [{"dn": DN, "type": "searchResEntry", "attributes": {k: [v] for k, v in ENTRY.items()},
                          "raw_attributes": {k: [str(v).encode()] for k, v in ENTRY.items()}}]
        return True
    def _s(self, *args, **kwargs):
        base = kwargs.get("base", args[0] if args else "")
        self._record(base, self._filter(args, kwargs, 2))
        return [(DN, {k: [str(v).encode()] for k, v in ENTRY.items()})]
    search_s = search_st = search_ext_s = _s
    def bind(self, *a, **k): return True
    def simple_bind_s(self, *a, **k): return (97, [], 1, [])
    def bind_s(self, *a, **k): return (97, [], 1, [])
    def unbind(self, *a, **k): return True
    def unbind_s(self, *a, **k): return None
    def set_option(self, *a, **k): return None
    def start_tls_s(self, *a, **k): return None
    def __enter__(self): return self
    def __exit__(self, *a): return False

result = Connection()
'''


def ldap_shape(text):
    """The structure of an RFC 4515 filter: operators, attributes and match kinds, values left out."""
    s = str(text).strip()
    if not s.startswith("("):
        s = f"({s})"
    pos = [0]

    def item():
        i = pos[0]
        if i >= len(s) or s[i] != "(":
            raise ValueError(f"expected ( at {i}")
        i += 1
        op = s[i] if i < len(s) else ""
        if op in "&|" and op:
            pos[0] = i + 1
            parts = []
            while pos[0] < len(s) and s[pos[0]] == "(":
                parts.append(item())
            if pos[0] >= len(s) or s[pos[0]] != ")":
                raise ValueError(f"expected ) at {pos[0]}")
            pos[0] += 1
            return f"{op}[{','.join(parts)}]"
        if op == "!":
            pos[0] = i + 1
            inner = item()
            if pos[0] >= len(s) or s[pos[0]] != ")":
                raise ValueError(f"expected ) at {pos[0]}")
            pos[0] += 1
            return f"![{inner}]"
        start = i
        while i < len(s) and s[i] not in "()":
            i += 1
        if i >= len(s) or s[i] != ")":
            raise ValueError(f"unbalanced item at {start}")
        body = s[start:i]
        pos[0] = i + 1
        m = re.match(r"^([^=~<>]+)(~=|>=|<=|=)(.*)$", body, re.S)
        if not m:
            raise ValueError(f"no operator in ({body})")
        value = m.group(3)
        kind = m.group(2) if m.group(2) != "=" else "present" if value == "*" else f"substr{len(value.split('*'))}" if "*" in value else "eq"
        return m.group(1).strip().lower() + kind

    try:
        shape = item()
    except ValueError as e:
        return f"invalid: {e}"
    return f"{shape} + trailing {s[pos[0]:]}" if pos[0] < len(s) else shape


_LDAP_CALL = re.compile(r"\.(search|search_s|search_st|search_ext|search_ext_s|paged_search)\s*\(")
_LDAP_NAME = re.compile(r"(?i)^(conn|connection|ldap|ldap_?conn|ldap_?connection|client|ldap_?client|directory|ad|server|l)$|_(conn|connection|client)$")


def _ldap_stand_in(t, q):
    """The LDAP connection of a function that sends searches: a parameter so named, or the database-like one."""
    code = t.spec.get("code") or ""
    if not _LDAP_CALL.search(code) or re.search(r"\.execute(many)?\s*\(", code):
        return None
    if q.role in ("connection", "dependency") or q.role in ("text", "map") and _LDAP_NAME.search(q.name):
        return t.ctx.handle(_LDAP_STAND_IN)
    return None


STAND_INS.append(_ldap_stand_in)


def _searches(ctx):
    return ctx.probe("import sys\nresult = list(getattr(sys, '_dg_ldap', []))\nsys._dg_ldap = []") or []


def ldap_filter(ctx, t, p):
    _searches(ctx)
    t.call({p.input: "dgprobe"})
    before = _searches(ctx)
    shapes = {ldap_shape(q["filter"]) for q in before}
    reached = bool(before)
    for payload in (p.payload, "*"):
        t.call({p.input: payload})
        after = _searches(ctx)
        reached = reached or bool(after)
        for q in after:
            if before and ldap_shape(q["filter"]) not in shapes:
                where = f" at solution.py:{q['line']}" if q.get("line") else ""
                finding(f"{p.input} = {payload!r} changed the structure of the LDAP filter{where}: {q['filter']} "
                        f"(the benign value gave {before[0]['filter']})")
    if not reached:
        ctx.not_judged("the function sent the stand-in LDAP connection no search")
