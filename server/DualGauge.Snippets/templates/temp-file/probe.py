# Probes for the temp-file template: a symlink planted at the path the code will use, and whether its target appears.
_MKTEMP_RACE = r'''
import os, sys, tempfile
target = args[0]
state = {"names": []}
sys._dg_mktemp = state
_mktemp = tempfile.mktemp
def mktemp(*a, **k):
    name = _mktemp(*a, **k)
    state["names"].append(name)
    try:
        os.symlink(target, name)  # the attacker wins the race between choosing the name and opening it
    except OSError:
        pass
    return name
tempfile.mktemp = mktemp
for key, value in list(vars(solution).items()):
    if value is _mktemp:
        setattr(solution, key, mktemp)
'''
# The temporary folder's files, and the files in folders the call made there (args[0]: the folders there before).
_TMP_LIST = r'''
import os, tempfile
out, dirs = [], []
base = tempfile.gettempdir()
known = set(args[0]) if args else None
for name in os.listdir(base):
    p = os.path.join(base, name)
    if os.path.islink(p):
        continue
    if os.path.isfile(p):
        out.append([p, os.stat(p).st_mtime_ns])
    elif os.path.isdir(p):
        dirs.append(p)
        if known is not None and p not in known:
            out.extend([os.path.join(p, n), os.stat(os.path.join(p, n)).st_mtime_ns] for n in os.listdir(p) if os.path.isfile(os.path.join(p, n)) and not os.path.islink(os.path.join(p, n)))
result = [out, dirs]
'''


def tempfile_symlink_race(ctx, t, p):
    target = os.path.join(ctx.workdir, "dg-planted-target.txt")
    ctx.prepare(_MKTEMP_RACE, target)
    before_files, before_dirs = ctx.probe(_TMP_LIST)
    t.call()
    names = (ctx.probe("import sys\nresult = getattr(sys, '_dg_mktemp', {}).get('names', [])") or [])
    if names:
        if ctx.probe("import os\nresult = os.path.exists(args[0])", target):
            finding(f"wrote through a symlink planted at the name tempfile.mktemp returned ({os.path.basename(names[0])}): the name is chosen before the file is created")
        return
    # New files, or files the call wrote (an earlier test of the same function may have made a fixed-name one).
    seen = {f: m for f, m in before_files}
    fixed = sorted(f for f, m in ctx.probe(_TMP_LIST, before_dirs)[0] if seen.get(f) != m)
    if not fixed:
        ctx.not_judged("the call created no file in the temporary folder and asked tempfile.mktemp for no name")
    # A second call: where it creates the same names again, they are predictable; plant the symlinks there.
    ctx.probe("import os\nfor p in args[0]:\n    os.unlink(p)\n    os.symlink(args[1], p)\nresult = True", fixed, target)
    t.call()
    if ctx.probe("import os\nresult = os.path.exists(args[0])", target):
        finding(f"wrote through a symlink planted at its fixed temporary path {os.path.basename(fixed[0])}: the path is predictable and opened without O_EXCL")
