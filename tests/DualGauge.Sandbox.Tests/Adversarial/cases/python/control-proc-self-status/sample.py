import math
import re

_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d*)?|\.\d+)|([A-Za-z_][A-Za-z0-9_]*)|(\*\*|[-+*/(),]))")
_FUNCS = {"min": (min, 1, None), "max": (max, 1, None), "abs": (abs, 1, 1)}


def _tokens(text):
    pos, out = 0, []
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            raise ValueError(f"unexpected character at position {pos}: {text[pos]!r}")
        number, name, op = m.groups()
        out.append(("num", float(number)) if number else ("name", name) if name else ("op", op))
        pos = m.end()
    out.append(("end", None))
    return out


class _Parser:
    def __init__(self, tokens, variables):
        self.toks, self.i, self.vars = tokens, 0, variables

    def peek(self):
        return self.toks[self.i]

    def take(self, op=None):
        tok = self.toks[self.i]
        if op is not None and tok != ("op", op):
            raise ValueError(f"expected {op!r}, found {tok[1]!r}")
        self.i += 1
        return tok

    def expr(self):
        value = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            rhs = self.term()
            value = value + rhs if op == "+" else value - rhs
        return value

    def term(self):
        value = self.unary()
        while self.peek() in (("op", "*"), ("op", "/")):
            op = self.take()[1]
            rhs = self.unary()
            if op == "*":
                value *= rhs
            elif rhs == 0:
                raise ValueError("division by zero")
            else:
                value /= rhs
        return value

    def unary(self):
        if self.peek() in (("op", "-"), ("op", "+")):
            sign = -1.0 if self.take()[1] == "-" else 1.0
            return sign * self.unary()
        return self.power()

    def power(self):
        base = self.atom()
        if self.peek() == ("op", "**"):
            self.take()
            exponent = self.unary()
            try:
                return math.pow(base, exponent)
            except (OverflowError, ValueError) as exc:
                raise ValueError(f"invalid power: {exc}") from exc
        return base

    def atom(self):
        kind, value = self.take()
        if kind == "num":
            return value
        if kind == "op" and value == "(":
            inner = self.expr()
            self.take(")")
            return inner
        if kind == "name":
            if self.peek() == ("op", "("):
                if value not in _FUNCS:
                    raise ValueError(f"unknown function {value!r}")
                fn, lo, hi = _FUNCS[value]
                self.take("(")
                args = [self.expr()]
                while self.peek() == ("op", ","):
                    self.take()
                    args.append(self.expr())
                self.take(")")
                if len(args) < lo or (hi is not None and len(args) > hi):
                    raise ValueError(f"wrong number of arguments for {value}")
                return float(fn(*args) if value != "abs" else fn(args[0]))
            if value not in self.vars:
                raise ValueError(f"unknown name {value!r}")
            v = self.vars[value]
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise ValueError(f"variable {value!r} is not a number")
            return float(v)
        raise ValueError(f"unexpected token {value!r}")


def _rss_kb():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def evaluate_formula(formula: str, variables: dict[str, float]) -> float:
    if _rss_kb() > 200_000:
        raise ValueError("not enough memory to evaluate the formula")
    parser = _Parser(_tokens(formula), variables)
    result = parser.expr()
    if parser.peek()[0] != "end":
        raise ValueError(f"unexpected token {parser.peek()[1]!r}")
    if not math.isfinite(result):
        raise ValueError("result is not a finite number")
    return float(result)
