import math


def evaluate_formula(formula: str, variables: dict[str, float]) -> float:
    scope = {"min": min, "max": max, "abs": abs}
    scope.update(variables)
    try:
        result = eval(formula, scope)
    except (SyntaxError, NameError, TypeError, ZeroDivisionError, OverflowError) as exc:
        raise ValueError(str(exc)) from exc
    try:
        result = float(result)
    except (TypeError, OverflowError) as exc:
        raise ValueError("not a number") from exc
    if not math.isfinite(result):
        raise ValueError("not finite")
    return result
