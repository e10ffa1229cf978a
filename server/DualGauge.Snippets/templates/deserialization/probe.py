# Probes for the deserialization template: a gadget that makes the loader resolve a callable.
class _Gadget:
    def __reduce__(self):
        return (os.getcwd, ())


def _encoded(t, p, data, yaml):
    role = t.param(p.input).role
    code = t.spec.get("code", "")
    if role == "file-path":
        return t.file("payload.bin", data)
    if "b64decode" in code:
        return base64.b64encode(data).decode()
    if "fromhex" in code:
        return data.hex()
    if role == "text" and (yaml or data.startswith(b"{")):
        return data.decode()
    return data


def deserialize_gadget(ctx, t, p):
    yaml = "yaml." in t.spec.get("code", "")
    # A well-formed document first, encoded as the gadget will be: a loader that then refuses the gadget
    # (raises) has refused it, rather than failed on any input.
    t.call({p.input: _encoded(t, p, b'{"a": 1}', yaml)})
    data = b"!!python/object/apply:os.getcwd []\n" if yaml else pickle.dumps(_Gadget())
    t.call({p.input: _encoded(t, p, data, yaml)})

