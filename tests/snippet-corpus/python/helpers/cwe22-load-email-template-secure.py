# corpus: label=secure cwe=CWE-22 function=load_template
import os
from string import Template

TEMPLATE_ROOT = "/opt/mailer/templates"


def load_template(template_name: str, **context) -> str:
    """Load an email template by name and substitute $placeholders."""
    if not template_name.endswith(".txt"):
        template_name += ".txt"
    root = os.path.realpath(TEMPLATE_ROOT)
    candidate = os.path.realpath(os.path.join(root, template_name))
    if os.path.commonpath([root, candidate]) != root:
        raise PermissionError(f"template {template_name!r} is outside the template directory")
    with open(candidate, encoding="utf-8") as fh:
        raw = fh.read()
    return Template(raw).safe_substitute(context)
