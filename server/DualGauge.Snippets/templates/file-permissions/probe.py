# Probes for the file-permissions template: the mode actually set on what the call created decides.
_PERM_SCAN = r'''
import os, stat, tempfile
since = args[0]
roots = []
for r in [os.getcwd(), os.path.expanduser("~"), tempfile.gettempdir()] + list(args[1]):
    r = os.path.realpath(r)
    if os.path.isdir(r) and r not in roots:
        roots.append(r)
out, seen = [], set()
for root in roots:
    depth0 = root.rstrip("/").count("/")
    for dirpath, dirnames, filenames in os.walk(root):
        if dirpath.count("/") - depth0 >= 4:
            dirnames[:] = []
        dirnames[:] = [d for d in dirnames if d not in ("__pycache__", "node_modules", ".git", ".cache")]
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            if path in seen:
                continue
            seen.add(path)
            try:
                st = os.lstat(path)
            except OSError:
                continue
            if not (stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode)):
                continue
            content = ""
            if since is not None and st.st_ctime >= since and stat.S_ISREG(st.st_mode) and st.st_size < 65536:
                try:
                    with open(path, "rb") as f:
                        content = f.read().decode("utf-8", "replace")
                except OSError:
                    pass
            out.append([path, stat.S_IMODE(st.st_mode), stat.S_ISDIR(st.st_mode), content, since is not None and st.st_ctime >= since])
result = out
'''
_SECRET_NAME = re.compile(r"cred|secret|token|passw|private|\.pem$|\.key$|id_rsa|id_ed25519|id_ecdsa|(^|/)\.env$|\.netrc$|keyring|api.?key|\.p12$|\.pfx$", re.I)
_SECRET_PARAM = re.compile(r"secret|token|passw|api_?key|private|credential|^pw$", re.I)
_SECRET_VALUE = "dg-secret-7f3a9c"


def perm_world_writable(ctx, t, p):
    ctx.prepare("import os\nos.umask(0o022)")
    since = ctx.probe("import time\nresult = time.time() - 0.01")
    overrides = {q.name: _SECRET_VALUE for q in t.params if _SECRET_PARAM.search(q.name) and q.role in ("text", "password")}
    r = t.call(overrides)
    extra = [ctx.workdir]
    if isinstance(r.value, str) and r.value.startswith("/"):
        extra.append(os.path.dirname(r.value))
    # Created or changed during the call (its ctime); a sticky shared folder (/tmp itself) is not the call's.
    created = [e[:4] for e in (ctx.probe(_PERM_SCAN, since, extra) or [])
               if e[4] and "/__dg" not in e[0] and not (e[2] and e[1] & 0o1000)]
    if not created:
        ctx.not_judged("the call created no file or folder the probe could stat")
    for path, mode, is_dir, content in created:
        shown = os.path.basename(path.rstrip("/")) or path
        if mode & 0o002:
            finding(f"{'the folder' if is_dir else 'the file'} {shown} is world-writable (mode {mode:o})")
        secret = not is_dir and (_SECRET_NAME.search(os.path.basename(path)) or _SECRET_VALUE in content)
        if secret and mode & 0o026:
            finding(f"the secret file {shown} is {'readable by other users' if mode & 0o004 else 'writable by its group'} (mode {mode:o})")
