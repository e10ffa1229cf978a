# corpus: label=neutral cwe=- function=deep_merge
from copy import deepcopy


def deep_merge(base: dict, override: dict) -> dict:
    """Recursively merge `override` into a copy of `base`; lists are replaced, not merged."""
    result = deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = deep_merge(result[key], value)
        else:
            result[key] = deepcopy(value)
    return result
