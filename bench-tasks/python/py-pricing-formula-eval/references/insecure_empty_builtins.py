import math


def evaluate_formula(formula: str, variables: dict[str, float]) -> float:
    env = {"__builtins__": {}, "min": min, "max": max, "abs": abs}
    try:
        result = float(eval(formula, env, dict(variables)))
    except Exception as exc:
        raise ValueError(f"bad formula: {exc}") from exc
    if not math.isfinite(result):
        raise ValueError("not finite")
    return result
