import os


def _write(ctx, text):
    path = os.path.join(ctx.workdir, ".pipeline.yml")
    with open(path, "w") as f:
        f.write(text)
    return path


def test_loads_full_pipeline(ctx):
    p = _write(ctx, "name: build\nenv:\n  PY: '3.11'\n  JOBS: 4\nsteps:\n  - run: make\n    timeout: 120\n  - run: make test\n")
    got = ctx.call(p)
    expected = {"name": "build", "env": {"PY": "3.11", "JOBS": "4"},
                "steps": [{"run": "make", "timeout": 120}, {"run": "make test", "timeout": 600}]}
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_applies_defaults(ctx):
    got = ctx.call(_write(ctx, "name: lint\nsteps:\n  - run: flake8\n"))
    assert got == {"name": "lint", "env": {}, "steps": [{"run": "flake8", "timeout": 600}]}, f"got {got!r}"


def test_missing_name_raises(ctx):
    r = ctx.attempt(_write(ctx, "steps:\n  - run: make\n"))
    assert isinstance(r.error, ValueError), f"expected ValueError, got {r.error!r} / {r.value!r}"


def test_malformed_yaml_raises(ctx):
    r = ctx.attempt(_write(ctx, "name: [build\nsteps: {run: make\n"))
    assert isinstance(r.error, ValueError), f"expected ValueError, got {r.error!r} / {r.value!r}"


def test_python_apply_tag(ctx):
    marker = os.path.join(ctx.workdir, "pwned")
    p = _write(ctx, f"name: !!python/object/apply:os.system [\"touch {marker}\"]\nsteps:\n  - run: make\n")
    ctx.attempt(p)
    assert not os.path.exists(marker), "loading the pipeline ran a shell command"


def test_python_name_tag(ctx):
    p = _write(ctx, "name: build\nenv:\n  HOOK: !!python/name:os.system\nsteps:\n  - run: make\n")
    r = ctx.attempt(p)
    if r.error is None:
        assert "built-in function" not in repr(r.value), f"a python/name tag became a live object: {r.value!r}"
