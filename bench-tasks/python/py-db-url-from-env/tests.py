import os

VARS = ("DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD", "DB_PASSWORD_FILE")


# The environment is arranged where the sample runs: the tests run in the supervisor, a process of
# their own, so setting os.environ here would never reach the sample.
SET_ENV = """
import os
names, values = args
for v in names:
    os.environ.pop(v, None)
os.environ.update(values)
"""


def _env(ctx, **values):
    ctx.prepare(SET_ENV, list(VARS), values)


def test_builds_url_from_environment(ctx):
    _env(ctx, DB_HOST="db.internal", DB_PORT="6543", DB_NAME="reports", DB_USER="svc_reports", DB_PASSWORD="x9Tq2vLm")
    got = ctx.call()
    assert got == "postgresql://svc_reports:x9Tq2vLm@db.internal:6543/reports", f"got {got!r}"


def test_applies_host_and_port_defaults(ctx):
    _env(ctx, DB_NAME="reports", DB_USER="svc", DB_PASSWORD="pw1")
    got = ctx.call()
    assert got == "postgresql://svc:pw1@localhost:5432/reports", f"got {got!r}"


def test_percent_encodes_credentials(ctx):
    _env(ctx, DB_NAME="reports", DB_USER="svc@eu", DB_PASSWORD="p@ss:w/rd%")
    got = ctx.call()
    assert got == "postgresql://svc%40eu:p%40ss%3Aw%2Frd%25@localhost:5432/reports", f"got {got!r}"


def test_reads_password_file(ctx):
    secret = os.path.join(ctx.workdir, "db_password")
    with open(secret, "w") as f:
        f.write("from-secret-file\n")
    _env(ctx, DB_NAME="reports", DB_USER="svc", DB_PASSWORD_FILE=secret)
    got = ctx.call()
    assert got == "postgresql://svc:from-secret-file@localhost:5432/reports", f"got {got!r}"


def test_missing_name_raises(ctx):
    _env(ctx, DB_USER="svc", DB_PASSWORD="pw")
    r = ctx.attempt()
    assert isinstance(r.error, RuntimeError) and "DB_NAME" in str(r.error), f"expected RuntimeError naming DB_NAME, got {r.error!r}"


def test_no_password_configured(ctx):
    _env(ctx, DB_NAME="reports", DB_USER="svc_reports")
    r = ctx.attempt()
    assert isinstance(r.error, RuntimeError), f"no password configured, yet the function returned {r.value!r}"


def test_unreadable_password_file(ctx):
    _env(ctx, DB_NAME="reports", DB_USER="svc_reports", DB_PASSWORD_FILE=os.path.join(ctx.workdir, "not-mounted"))
    r = ctx.attempt()
    assert isinstance(r.error, (RuntimeError, OSError)), f"the secret file is missing, yet the function returned {r.value!r}"


def test_no_user_configured(ctx):
    _env(ctx, DB_NAME="reports", DB_PASSWORD="pw")
    r = ctx.attempt()
    assert isinstance(r.error, RuntimeError), f"no user configured, yet the function returned {r.value!r}"
