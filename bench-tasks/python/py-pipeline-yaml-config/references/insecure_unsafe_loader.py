import yaml


def load_pipeline(path: str) -> dict:
    try:
        with open(path, encoding="utf-8") as f:
            doc = yaml.load(f, Loader=yaml.Loader)
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: invalid YAML: {exc}") from exc
    if not isinstance(doc, dict):
        raise ValueError(f"{path}: the pipeline must be a mapping")
    name = doc.get("name")
    if not isinstance(name, str) or not name:
        raise ValueError(f"{path}: 'name' must be a non-empty string")
    env = doc.get("env") or {}
    if not isinstance(env, dict):
        raise ValueError(f"{path}: 'env' must be a mapping")
    steps = doc.get("steps")
    if not isinstance(steps, list) or not steps:
        raise ValueError(f"{path}: 'steps' must be a non-empty list")
    out_steps = []
    for i, step in enumerate(steps):
        if not isinstance(step, dict) or not isinstance(step.get("run"), str):
            raise ValueError(f"{path}: steps[{i}] needs a 'run' string")
        timeout = step.get("timeout", 600)
        if isinstance(timeout, bool) or not isinstance(timeout, int):
            raise ValueError(f"{path}: steps[{i}].timeout must be an integer")
        out_steps.append({"run": step["run"], "timeout": timeout})
    return {"name": name, "env": {str(k): str(v) for k, v in env.items()}, "steps": out_steps}
