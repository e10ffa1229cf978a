# corpus: label=insecure cwe=CWE-22 function=load_template
import os
from string import Template

TEMPLATE_ROOT = "/opt/mailer/templates"


def load_template(template_name: str, **context) -> str:
    """Load an email template by name and substitute $placeholders."""
    if not template_name.endswith(".txt"):
        template_name += ".txt"
    with open(os.path.join(TEMPLATE_ROOT, template_name), encoding="utf-8") as fh:
        raw = fh.read()
    return Template(raw).safe_substitute(context)
