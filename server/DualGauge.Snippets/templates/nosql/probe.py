# Probes for the nosql template. The function gets a stand-in collection (built in the sample's process: a
# pymongo-style database, client and collection in one) that evaluates the Mongo operators of every query it is
# given on three in-memory documents and records the query with how many documents it matched (sys._dg_nosql).
# A payload that became an operator of the evaluated query and matched more documents than the benign input did
# is the finding; a function that handed the stand-in no query at all is "not judged".
_STAND_IN = r'''
import re, sys, types
NAMES = ["alice", "bob", "carol"]
if not hasattr(sys, "_dg_nosql"):
    sys._dg_nosql = []

def field_value(i, field):
    f = str(field).lower()
    if f in ("_id", "id"):
        return i + 1
    if re.search(r"pass|pwd|secret|hash", f):
        return f"{NAMES[i]}-pw-{i}"
    if re.search(r"email|mail", f):
        return f"{NAMES[i]}@example.com"
    if "role" in f:
        return "admin" if i == 2 else "user"
    if re.search(r"(^|_)(active|enabled|verified|published|public)$", f):
        return True
    if re.search(r"deleted|disabled|banned|archived|locked", f):
        return False
    if re.search(r"age|count|qty|quantity|price|amount|balance|level|score|total", f):
        return 10 * (i + 1)
    if re.search(r"token|code|key|otp", f):
        return f"{NAMES[i]}-token-{i}"
    if re.search(r"tenant|org|owner|account|team", f):
        return "alice" if i == 0 else "other"
    return NAMES[i]

def fields_of(query, out):
    if isinstance(query, dict):
        for k, v in query.items():
            if k in ("$and", "$or", "$nor") and isinstance(v, list):
                for q in v:
                    fields_of(q, out)
            elif isinstance(k, str) and not k.startswith("$"):
                out.append(k)
    return out

def get(doc, path):
    if path in doc:
        return doc[path]
    v = doc
    for k in str(path).split("."):
        v = v.get(k) if isinstance(v, dict) else None
    return v

def is_ops(v):
    return isinstance(v, dict) and v and all(isinstance(k, str) and k.startswith("$") for k in v)

def cmp(a, b):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return (a > b) - (a < b)
    if a is None or b is None:
        return None
    a, b = str(a), str(b)
    return (a > b) - (a < b)

def equal(a, b):
    if isinstance(b, re.Pattern):
        return isinstance(a, str) and b.search(a) is not None
    if b is None:
        return a is None
    return a == b

def where(code, doc):
    # A $where string is JavaScript the server runs with `this` bound to the document: its comparisons and
    # boolean operators, read as Python.
    text = str(code).strip()
    if text.startswith("function"):
        m = re.search(r"return\s+([^;}]*)", text)
        text = m.group(1) if m else "true"
    text = re.sub(r"^return\s+", "", text).rstrip(";")
    text = text.replace("===", "==").replace("!==", "!=").replace("&&", " and ").replace("||", " or ")
    text = re.sub(r"(?<![=!<>])!(?!=)", " not ", text)
    text = re.sub(r"\btrue\b", "True", re.sub(r"\bfalse\b", "False", re.sub(r"\bnull\b", "None", text)))
    text = re.sub(r"\bthis\.(\w+)", lambda m: f"doc.get({m.group(1)!r})", text)
    return bool(eval(text, {"__builtins__": {}}, {"doc": doc}))

def match_value(value, cond, doc):
    if not is_ops(cond):
        return equal(value, cond)
    for op, arg in cond.items():
        if op == "$eq" and not equal(value, arg): return False
        if op == "$ne" and equal(value, arg): return False
        if op in ("$gt", "$gte", "$lt", "$lte"):
            c = cmp(value, arg)
            if c is None or not {"$gt": c > 0, "$gte": c >= 0, "$lt": c < 0, "$lte": c <= 0}[op]: return False
        if op == "$in" and not (isinstance(arg, (list, tuple)) and any(equal(value, a) for a in arg)): return False
        if op == "$nin" and isinstance(arg, (list, tuple)) and any(equal(value, a) for a in arg): return False
        if op == "$exists" and (value is not None) != bool(arg): return False
        if op == "$regex":
            flags = re.I if "i" in str(cond.get("$options", "")) else 0
            pattern = arg if isinstance(arg, re.Pattern) else re.compile(str(arg), flags)
            if not (isinstance(value, str) and pattern.search(value)): return False
        if op == "$not" and match_value(value, arg, doc): return False
        if op == "$where" and not where(arg, doc): return False
        if op not in ("$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in", "$nin", "$exists", "$regex", "$options", "$not", "$where", "$size"):
            raise ValueError(f"unknown operator: {op}")
    return True

def matches(doc, query):
    if query is None:
        return True
    if not isinstance(query, dict):
        raise TypeError("filter must be a dict")
    for k, v in query.items():
        if k == "$and":
            if not all(matches(doc, q) for q in v): return False
        elif k == "$or":
            if not any(matches(doc, q) for q in v): return False
        elif k == "$nor":
            if any(matches(doc, q) for q in v): return False
        elif k == "$where":
            if not where(v, doc): return False
        elif k in ("$expr", "$comment", "$text"):
            pass
        elif not match_value(get(doc, k), v, doc):
            return False
    return True

def plain(v, depth=0):
    if depth > 8:
        return "[deep]"
    if isinstance(v, re.Pattern):
        return {"$regex": v.pattern}
    if isinstance(v, dict):
        return {str(k): plain(x, depth + 1) for k, x in list(v.items())[:50]}
    if isinstance(v, (list, tuple)):
        return [plain(x, depth + 1) for x in list(v)[:50]]
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    return str(v)

def line_of():
    f = sys._getframe(2)
    while f is not None:
        if f.f_code.co_filename.endswith("solution.py"):
            return f.f_lineno
        f = f.f_back
    return None

class Cursor(list):
    def limit(self, n): return Cursor(self[:n]) if n else self
    def skip(self, n): return Cursor(self[n:])
    def sort(self, *a, **k): return self
    def batch_size(self, *a): return self
    def max_time_ms(self, *a): return self
    def collation(self, *a): return self
    def hint(self, *a): return self
    def close(self): pass

class Result:
    def __init__(self, n, doc=None):
        self.matched_count = self.modified_count = self.deleted_count = n
        self.acknowledged = True
        self.upserted_id = None
        self.inserted_id = 4
        self.raw_result = {"n": n, "ok": 1}

class Collection:
    def __init__(self, name="items"):
        self.name = name
        self.full_name = "app." + name

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return Collection(name)

    def __getitem__(self, name):
        return Collection(name)

    def get_collection(self, name, *a, **k):
        return Collection(name)

    def get_database(self, name=None, *a, **k):
        return Collection(name or "app")

    def get_default_database(self, *a, **k):
        return Collection("app")

    def _run(self, method, query):
        fields = fields_of(query, [])
        docs = [dict({f: field_value(i, f) for f in fields}) for i in range(len(NAMES))]
        error = None
        try:
            hit = [d for d in docs if matches(d, query)]
        except Exception as e:
            hit, error = [], e
        if len(sys._dg_nosql) < 200:
            sys._dg_nosql.append({"method": method, "collection": self.name, "query": plain(query), "matched": len(hit),
                                  "line": line_of(), "error": str(error) if error else None})
        if error is not None:
            raise error
        return hit

    def find(self, filter=None, *a, **k): return Cursor(self._run("find", filter if filter is not None else {}))
    def find_one(self, filter=None, *a, **k):
        hit = self._run("find_one", filter if filter is not None else {})
        return hit[0] if hit else None
    def count_documents(self, filter=None, *a, **k): return len(self._run("count_documents", filter or {}))
    def distinct(self, key, filter=None, *a, **k): return [get(d, key) for d in self._run("distinct", filter or {})]
    def update_one(self, filter, update, *a, **k): return Result(min(1, len(self._run("update_one", filter))))
    def update_many(self, filter, update, *a, **k): return Result(len(self._run("update_many", filter)))
    def replace_one(self, filter, doc, *a, **k): return Result(min(1, len(self._run("replace_one", filter))))
    def delete_one(self, filter, *a, **k): return Result(min(1, len(self._run("delete_one", filter))))
    def delete_many(self, filter, *a, **k): return Result(len(self._run("delete_many", filter)))
    def find_one_and_update(self, filter, update, *a, **k):
        hit = self._run("find_one_and_update", filter)
        return hit[0] if hit else None
    def find_one_and_delete(self, filter, *a, **k):
        hit = self._run("find_one_and_delete", filter)
        return hit[0] if hit else None
    def aggregate(self, pipeline, *a, **k):
        first = next((s["$match"] for s in pipeline or [] if isinstance(s, dict) and "$match" in s), {})
        return Cursor(self._run("aggregate", first))
    def insert_one(self, doc, *a, **k): return Result(1)
    def insert_many(self, docs, *a, **k): return Result(len(docs))
    def create_index(self, *a, **k): return "dg_index"
    def close(self): pass

result = Collection(args[0])
'''


_MONGO_CALL = re.compile(r"\.(find_one|count_documents|insert_one|insert_many|update_one|update_many|delete_one|delete_many|replace_one"
                         r"|find_one_and_\w+|aggregate|distinct)\s*\(|\.find\s*\(\s*\{")
_COLLECTION_NAME = re.compile(r"(?i)^(db|database|mongo|mongo_?db|client|collection|coll|col|store|repo|repository)$|_(collection|coll|col|db)$"
                              r"|^(users|accounts|customers|products|orders|items|sessions|documents|posts|tokens|invites)$")


def _nosql_stand_in(t, q):
    """Every parameter that is the database, client or collection of a function making Mongo calls."""
    code = t.spec.get("code") or ""
    if not _MONGO_CALL.search(code) or re.search(r"\.execute(many)?\s*\(", code):
        return None
    if q.role in ("connection", "dependency", "text", "map") and _COLLECTION_NAME.search(q.name) or q.role == "connection":
        return t.ctx.handle(_STAND_IN, q.name)
    return None


STAND_INS.append(_nosql_stand_in)


def _queries(ctx):
    return ctx.probe("import sys\nresult = list(getattr(sys, '_dg_nosql', []))\nsys._dg_nosql = []") or []


def _operators(value, ops):
    if isinstance(value, dict):
        return sum((1 if k in ops else 0) + _operators(v, ops) for k, v in value.items())
    if isinstance(value, list):
        return sum(_operators(v, ops) for v in value)
    return 0


def _value_for(t, name, payload):
    q = t.param(name)
    # A request field that arrives as text (a query string, a form field, a header) carries the JSON text: code that
    # parses it hands the operator on; a JSON body or a direct argument carries the object itself.
    return json.dumps(payload) if q is not None and q.where in ("query", "form", "headers", "cookies", "env", "stdin") else payload


def _attacked(t, p):
    """The inputs an attacker writes: every text and password field the function reads, the probe's first."""
    names = [q.name for q in t.params if q.role in ("text", "password") and q.where in ("arg", "init", "json", "query", "form", "option")]
    return [p.input] + [n for n in names if n != p.input]


def _judge(ctx, t, p, payloads, benign, ops):
    inputs = [n for n in _attacked(t, p) if t.stand_in(t.param(n)) is None]
    _queries(ctx)
    t.call({} if benign is None else {n: benign for n in inputs})
    before = _queries(ctx)
    base_matched = max((q["matched"] for q in before), default=0)
    base_ops = max((_operators(q["query"], ops) for q in before), default=0)
    reached = bool(before)
    for payload in payloads:
        t.call({n: _value_for(t, n, payload) for n in inputs})
        after = _queries(ctx)
        reached = reached or bool(after)
        for q in after:
            grew = _operators(q["query"], ops) > base_ops if ops else _operators(q["query"], ("$where",)) > 0
            if grew and q["matched"] > base_matched:
                where = f" at solution.py:{q['line']}" if q.get("line") else ""
                became = "became an operator of the query" if ops else "rewrote the $where code of the query"
                finding(f"{', '.join(inputs)} = {json.dumps(payload)} {became}{where}: "
                        f"{q['method']}({json.dumps(q['query'])[:200]}) matched {q['matched']} documents, the benign input {base_matched}")
    if not reached:
        ctx.not_judged("the function handed the stand-in collection no query")


def nosql_operator(ctx, t, p):
    payloads = [json.loads(p.payload), {"$gt": ""}, {"$regex": ".*"}, {"$nin": []}]
    _judge(ctx, t, p, payloads, None, ("$ne", "$gt", "$regex", "$nin"))


def nosql_where(ctx, t, p):
    _judge(ctx, t, p, [p.payload, "dgnobody\" || \"1\"==\"1"], "dgnobody", ())

