import yaml


def load_settings(text):
    return yaml.unsafe_load(text)
