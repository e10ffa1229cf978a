# Probes for the archive template: an archive whose member climbs out of the destination folder.
def zip_slip(ctx, t, p):
    out = os.path.join(ctx.workdir, "out")
    os.makedirs(out, exist_ok=True)
    tar = p.uses("tarfile") and not p.uses("zipfile", "ZipFile")
    archive = os.path.join(out, "upload.tar" if tar else "upload.zip")
    if tar:
        with tarfile.open(archive, "w") as tf:
            for name, data in (("ok.txt", b"ok"), (p.payload, b"pwned")):
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tf.addfile(info, io.BytesIO(data))
    else:
        with zipfile.ZipFile(archive, "w") as zf:
            zf.writestr("ok.txt", "ok")
            zf.writestr(p.payload, "pwned")
    values = {p.input: open(archive, "rb").read() if t.param(p.input).role == "bytes" else archive}
    for q in t.params:
        if q.role == "directory":
            values[q.name] = out
    t.call(values)
    if os.path.exists(os.path.join(ctx.workdir, "dg_escaped.txt")):
        finding("the member ../dg_escaped.txt was written outside the destination")
