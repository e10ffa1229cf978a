# corpus: label=insecure cwe=CWE-502 function=load_pipeline_config
import yaml

DEFAULTS = {"workers": 4, "retries": 3, "stages": []}


def load_pipeline_config(path):
    """Load a CI pipeline definition from a YAML file and merge defaults."""
    with open(path, "r", encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=yaml.Loader) or {}
    config = dict(DEFAULTS)
    config.update(data)
    for stage in config["stages"]:
        stage.setdefault("timeout", 600)
    return config
