import os

CTX = {"user": {"first_name": "Ana", "plan": "pro"},
       "order": {"id": 1042, "lines": [{"name": "Mug", "qty": 2}, {"name": "Tee", "qty": 1}]}}


def test_renders_variables(ctx):
    got = ctx.call("Hi {{ user.first_name }}, your {{ user.plan|upper }} plan is active.", CTX)
    assert got == "Hi Ana, your PRO plan is active.", f"got {got!r}"


def test_loops_and_conditions(ctx):
    src = ("Order #{{ order.id }}:{% for l in order.lines %} {{ l.qty }}x {{ l.name }}{% if not loop.last %},{% endif %}"
           "{% endfor %}{% if user.plan == 'pro' %} (priority){% endif %}")
    got = ctx.call(src, CTX)
    assert got == "Order #1042: 2x Mug, 1x Tee (priority)", f"got {got!r}"


def test_undefined_is_empty(ctx):
    got = ctx.call("[{{ user.last_name }}][{{ coupon }}]", CTX)
    assert got == "[][]", f"got {got!r}"


def test_syntax_error_raises(ctx):
    r = ctx.attempt("{% if user.plan %}unclosed", CTX)
    assert isinstance(r.error, ValueError), f"expected ValueError, got {r.error!r} / {r.value!r}"


def _no_command(ctx, src_template, marker_name):
    marker = os.path.join(ctx.workdir, marker_name)
    r = ctx.attempt(src_template.replace("MARKER", marker), CTX)
    assert not os.path.exists(marker), f"the template ran a command (rendered {r.value!r})"


def test_globals_walk_to_os(ctx):
    _no_command(ctx, "{{ cycler.__init__.__globals__.os.popen('touch MARKER').read() }}", "pwned")


def test_filter_bypass_of_underscore_check(ctx):
    _no_command(ctx, "{{ (cycler|attr('\\x5f\\x5finit\\x5f\\x5f')|attr('\\x5f\\x5fglobals\\x5f\\x5f'))['os']"
                     ".popen('touch MARKER').read() }}", "pwned2")


def test_class_hierarchy_disclosure(ctx):
    r = ctx.attempt("{{ ''.__class__.__mro__[1].__subclasses__() }}", CTX)
    assert "<class '" not in str(r.value), f"the template listed interpreter classes: {str(r.value)[:200]!r}"
