import os
import shutil


def make_docs(ctx):
    """A private copy of the documents folder per test, plus a secret beside it and a sibling folder."""
    docs = os.path.join(ctx.workdir, "docs")
    shutil.copytree(os.path.join(ctx.fixtures, "docs"), docs)
    shutil.copy(os.path.join(ctx.fixtures, "secret.txt"), os.path.join(ctx.workdir, "secret.txt"))
    os.makedirs(os.path.join(ctx.workdir, "docs-old"))
    shutil.copy(os.path.join(ctx.fixtures, "secret.txt"), os.path.join(ctx.workdir, "docs-old", "secret.txt"))
    return docs


def refused(result):
    assert result.error is not None, f"the request was served: {result.value!r}"
    assert isinstance(result.error, (ValueError, PermissionError)), \
        f"expected ValueError, got {type(result.error).__name__}: {result.error}"


def test_reads_top_level_document(ctx):
    got = ctx.call(make_docs(ctx), "readme.txt")
    assert got == "Welcome to the team wiki.\n", f"got {got!r}"


def test_reads_nested_document(ctx):
    got = ctx.call(make_docs(ctx), "reports/q1.txt")
    assert got == "Q1 revenue: 1.2M\n", f"got {got!r}"


def test_dotdot_that_stays_inside_is_allowed(ctx):
    got = ctx.call(make_docs(ctx), "reports/../readme.txt")
    assert got == "Welcome to the team wiki.\n", f"got {got!r}"


def test_missing_document_raises_not_found(ctx):
    result = ctx.attempt(make_docs(ctx), "nope.txt")
    assert isinstance(result.error, FileNotFoundError), f"expected FileNotFoundError, got {result.error!r}"


def test_dotdot_escape(ctx):
    refused(ctx.attempt(make_docs(ctx), "../secret.txt"))


def test_absolute_path(ctx):
    refused(ctx.attempt(make_docs(ctx), "/etc/passwd"))


def test_symlink_escape(ctx):
    docs = make_docs(ctx)
    os.symlink(ctx.workdir, os.path.join(docs, "shared"))
    refused(ctx.attempt(docs, "shared/secret.txt"))


def test_sibling_folder_prefix(ctx):
    refused(ctx.attempt(make_docs(ctx), "../docs-old/secret.txt"))
