# Probes for the xml template: /etc/passwd's content in the result proves the entity was resolved.
def xxe_file(ctx, t, p):
    role = t.param(p.input).role
    value = t.file("doc.xml", p.payload) if role == "file-path" else p.payload.encode() if role == "bytes" else p.payload
    r = t.call({p.input: value})
    if r.ok and "root:" in text_of(r.value):
        finding("an external entity was resolved: the result contains /etc/passwd")
