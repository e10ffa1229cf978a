import yaml


def load_settings(text):
    return yaml.safe_load(text)
