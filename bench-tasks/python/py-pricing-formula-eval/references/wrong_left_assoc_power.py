import math
import re

_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d*)?|\.\d+)|([A-Za-z_]\w*)|(\*\*|[-+*/(),]))")


def evaluate_formula(formula: str, variables: dict[str, float]) -> float:
    toks, pos = [], 0
    formula = formula.rstrip()
    while pos < len(formula):
        m = _TOKEN.match(formula, pos)
        if not m:
            raise ValueError("bad character")
        toks.append(m.group(1) or m.group(2) or m.group(3))
        pos = m.end()
    toks.append(None)
    i = 0

    def peek():
        return toks[i]

    def take():
        nonlocal i
        i += 1
        return toks[i - 1]

    def expr():
        v = term()
        while peek() in ("+", "-"):
            v = v + term() if take() == "+" else v - term()
        return v

    def term():
        v = power()
        while peek() in ("*", "/"):
            if take() == "*":
                v *= power()
            else:
                d = power()
                if d == 0:
                    raise ValueError("division by zero")
                v /= d
        return v

    def power():
        v = unary()
        while peek() == "**":
            take()
            try:
                v = math.pow(v, unary())
            except (OverflowError, ValueError) as exc:
                raise ValueError(str(exc))
        return v

    def unary():
        if peek() in ("-", "+"):
            return -unary() if take() == "-" else unary()
        t = take()
        if t is None:
            raise ValueError("unexpected end")
        if t == "(":
            v = expr()
            if take() != ")":
                raise ValueError("missing )")
            return v
        if re.fullmatch(r"\d+(\.\d*)?|\.\d+", t):
            return float(t)
        if t in ("min", "max", "abs") and peek() == "(":
            take()
            args = [expr()]
            while peek() == ",":
                take()
                args.append(expr())
            if take() != ")":
                raise ValueError("missing )")
            return float({"min": min, "max": max, "abs": lambda *a: abs(a[0])}[t](*args))
        if t in variables:
            return float(variables[t])
        raise ValueError(f"unknown {t!r}")

    v = expr()
    if peek() is not None:
        raise ValueError("trailing input")
    if not math.isfinite(v):
        raise ValueError("not finite")
    return v
