# Probes for the deserialization template: a gadget that makes the loader resolve a callable.
class _Gadget:
    def __reduce__(self):
        return (os.getcwd, ())


def deserialize_gadget(ctx, t, p):
    yaml = "yaml." in t.spec.get("code", "")
    data = b"!!python/object/apply:os.getcwd []\n" if yaml else pickle.dumps(_Gadget())
    role = t.param(p.input).role
    code = t.spec.get("code", "")
    if role == "file-path":
        value = t.file("payload.bin", data)
    elif "b64decode" in code:
        value = base64.b64encode(data).decode()
    elif "fromhex" in code:
        value = data.hex()
    elif role == "text" and yaml:
        value = data.decode()
    else:
        value = data
    t.call({p.input: value})
