# Probes for the xpath template. lxml itself evaluates the expression the function builds: what it returns for a
# tautology payload is compared with what it returns for a name nobody has (the payload's own text put back to that
# name, so a result that merely echoes the input is no difference). A document parameter gets a small directory of
# users (alice, bob, carol); a module's own document is used as it is, and benign values are read from it.
_XPATH_DOC = """<users>
  <user id="1"><username>alice</username><name>alice</name><email>alice@example.com</email><password>alice-pw-0</password><role>user</role></user>
  <user id="2"><username>bob</username><name>bob</name><email>bob@example.com</email><password>bob-pw-1</password><role>user</role></user>
  <user id="3"><username>carol</username><name>carol</name><email>carol@example.com</email><password>carol-pw-2</password><role>admin</role></user>
</users>"""
_XPATH_CALL = re.compile(r"\.xpath\s*\(|\bXPath\s*\(|\bXPathEvaluator\b|\bETXPath\b|\.(find|findall|findtext|iterfind)\s*\(")
_TREE_NAME = re.compile(r"(?i)^(root|tree|doc|document|dom|xml_?root|xml_?doc|xml_?tree|catalog|directory|etree|node|element|el)$|_(tree|root|doc|dom)$")
_NOBODY = "dgnobody"
_LXML_ERRORS = ("XPathEvalError", "XPathSyntaxError", "XPathError")


def _xpath_tree(t, q):
    """A document or element parameter of a function that queries it: the users document, parsed in the sample's process."""
    if not _XPATH_CALL.search(t.spec.get("code") or "") or not _TREE_NAME.search(q.name) or q.role not in ("text", "map", "dependency", "file-path"):
        return None
    return t.ctx.handle("from lxml import etree\nresult = etree.fromstring(args[0])", _XPATH_DOC)


STAND_INS.append(_xpath_tree)

_MODULE_VALUES = r'''
import re
from lxml import etree
values = []
records = []
for v in list(vars(solution).values()):
    roots = []
    try:
        if isinstance(v, (str, bytes)) and b"<" in (v if isinstance(v, bytes) else v.encode()):
            roots.append(etree.fromstring(v.encode() if isinstance(v, str) else v))
        elif isinstance(v, (etree._Element, etree._ElementTree)):
            roots.append(v.getroot() if isinstance(v, etree._ElementTree) else v)
    except Exception:
        pass
    for root in roots:
        try:
            for el in root.iter():
                for x in [el.text] + list(el.attrib.values()):
                    if isinstance(x, str) and x.strip() and len(x.strip()) < 40 and x.strip() not in values:
                        values.append(x.strip())
                leaves = {str(c.tag): c.text.strip() for c in el if isinstance(c.tag, str) and len(c) == 0 and c.text and c.text.strip()}
                leaves.update({str(k): v for k, v in el.attrib.items()})
                if len(leaves) >= 2 and len(records) < 6:
                    records.append(leaves)
        except Exception:
            pass
result = [values[:8], records]
'''

_DIGEST = r'''
v = args[0]
try:
    from lxml import etree
    result = etree.tostring(v, encoding="unicode") if hasattr(v, "tag") else str(v)
except Exception:
    result = str(v)
'''


def _digest(ctx, value, payload=None):
    """What a result says, as text: elements serialised in the sample's process, the payload put back to the nobody name."""
    if isinstance(value, dict) and "status" in value and "body" in value:
        text = f"{value['status']} {text_of(value['body'])}"
    elif isinstance(value, (list, tuple)):
        text = "[" + ", ".join(_digest(ctx, v) for v in value) + "]"
    elif isinstance(value, dict):
        text = "{" + ", ".join(f"{k}: {_digest(ctx, v)}" for k, v in value.items()) + "}"
    elif value is None or isinstance(value, (str, bytes, int, float, bool)):
        text = text_of(value) if not isinstance(value, bool) else str(value)
    else:
        text = str(ctx.probe(_DIGEST, value))
    if payload:
        for form in (payload, json.dumps(payload)[1:-1], html_escape(payload)):
            text = text.replace(form, _NOBODY)
    return text


def html_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#x27;")


def _empty(value):
    return value in (None, False, "", [], (), {}) or (isinstance(value, dict) and "status" in value and int(value["status"]) >= 400)


def _xpath_probe(ctx, t, p, payloads):
    nobody = t.call({p.input: _NOBODY})
    # A function that raises for an unknown name (a LookupError, a 404 it raises) answers that way.
    nobody_text = _digest(ctx, nobody.value) if nobody.ok else f"raised {type(nobody.error).__name__}"
    # Evidence that the query reads the input: some benign value (from the module's own document too) finds what
    # the nobody name does not.
    values, records = ctx.probe(_MODULE_VALUES) or [[], []]
    candidates = [{p.input: v} for v in ["alice", "1", "admin"] + [v for v in values if v not in ("alice", "1", "admin")]]
    # A record of the module's document fills the inputs named like its fields (user and pass of one account).
    texts = [q.name for q in t.params if q.role in ("text", "password", "integer")]
    for record in records:
        filled = {n: v for n in texts for k, v in record.items() if k.lower() == n.lower() or (len(k) >= 3 and (k.lower() in n.lower() or n.lower() in k.lower()))}
        if p.input in filled and len(filled) > 1:
            candidates.insert(0, filled)
    reached = False
    for overrides in candidates[:14]:
        value = overrides[p.input]
        r = t.call(overrides)
        if r.ok and _digest(ctx, r.value, value if len(str(value)) >= 3 else None) != nobody_text:
            reached = True
            break
    for payload in payloads:
        r = t.call({p.input: payload})
        if r.ok and not _empty(r.value) and _digest(ctx, r.value, payload) != nobody_text:
            finding(f"{p.input} = {payload!r} changed what the XPath query selects: the function returned "
                    f"{_digest(ctx, r.value)[:240]!r} where a name nobody has gave {nobody_text[:120]!r}")
    quote = t.call({p.input: _NOBODY + "'"})
    if quote.error is not None and type(quote.error).__name__ in _LXML_ERRORS and type(nobody.error).__name__ not in _LXML_ERRORS:
        finding(f"{p.input} = {_NOBODY + chr(39)!r} broke the XPath expression: lxml raised {type(quote.error).__name__}: {quote.error}")
    if not reached:
        ctx.not_judged("no input made the XPath query select anything: no evidence that it reads the input")


def xpath_tautology(ctx, t, p):
    _xpath_probe(ctx, t, p, [p.payload, _NOBODY + '" or "1"="1', _NOBODY + "' or ''='"])
