from jinja2 import TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

# The sandbox refuses access to unsafe attributes (dunders, function internals), so tenant
# templates can only read the context they are given.
_ENV = SandboxedEnvironment(autoescape=False)


def render_notification(template_source: str, context: dict) -> str:
    try:
        template = _ENV.from_string(template_source)
    except TemplateSyntaxError as exc:
        raise ValueError(f"template syntax error on line {exc.lineno}: {exc.message}") from exc
    return template.render(**context)
