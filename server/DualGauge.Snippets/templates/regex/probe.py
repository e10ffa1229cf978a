# Probes for the regex template: the duration oracle (max-duration) decides.
# The attack string is built from the patterns the function itself compiles (read from its source as
# text with ast, never run): a prefix that matches up to the first nested quantifier, that quantifier's
# body pumped, then a character that makes the rest fail. The descriptor's payload is the fallback.
import sre_constants
import sre_parse

_PUMPS = 28


def _example(items):
    out = []
    for op, av in items:
        if op is sre_constants.LITERAL:
            out.append(chr(av))
        elif op is sre_constants.NOT_LITERAL:
            out.append("a" if chr(av) != "a" else "b")
        elif op is sre_constants.ANY:
            out.append("a")
        elif op is sre_constants.IN:
            out.append(_in_example(av))
        elif op is sre_constants.SUBPATTERN:
            out.append(_example(av[-1]))
        elif op is sre_constants.BRANCH:
            out.append(_example(av[1][0]))
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            lo, _, body = av
            out.append(_example(body) * lo)  # the shortest match: optional parts stay out of a pump
        elif op is sre_constants.CATEGORY:
            out.append(_category(av))
    return "".join(out)


def _category(av):
    name = str(av)
    return "1" if "DIGIT" in name and "NOT" not in name else " " if "SPACE" in name and "NOT" not in name else "a"


def _in_example(items):
    for op, av in items:
        if op is sre_constants.LITERAL:
            return chr(av)
        if op is sre_constants.RANGE:
            return chr(av[0])
        if op is sre_constants.CATEGORY:
            return _category(av)
        if op is sre_constants.NEGATE:
            return "a"
    return "a"


def _nested(items):
    for op, av in items:
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and (av[1] > 1 or av[1] == sre_constants.MAXREPEAT):
            return True
        if op is sre_constants.SUBPATTERN and _nested(av[-1]):
            return True
        if op is sre_constants.BRANCH and any(_nested(b) for b in av[1]):
            return True
    return False


def _attack(items):
    """prefix + pumped body + breaker, for the first repeat whose body repeats again (or alternates)."""
    prefix = []
    for op, av in items:
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and _nested(av[2]):
            return "".join(prefix) + _example(av[2]) * _PUMPS + "!"
        if op is sre_constants.SUBPATTERN:
            inner = _attack(av[-1])
            if inner is not None:
                return "".join(prefix) + inner
        prefix.append(_example([(op, av)]))
    return None


def _patterns(code):
    import ast
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return []
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) in ("compile", "match", "search", "fullmatch", "findall", "finditer", "sub", "split"):
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.append(node.args[0].value)
    return found


def _redos_payloads(t, fallback):
    payloads = []
    for pattern in _patterns(t.spec.get("context") or t.spec.get("code", "")):
        try:
            attack = _attack(list(sre_parse.parse(pattern)))
        except Exception:
            attack = None
        if attack:
            payloads.append(attack)
    return payloads[:2] or [fallback]


def redos_letters(ctx, t, p):
    for payload in _redos_payloads(t, p.payload):
        t.call({p.input: payload})


def redos_digits(ctx, t, p):
    t.call({p.input: p.payload})
