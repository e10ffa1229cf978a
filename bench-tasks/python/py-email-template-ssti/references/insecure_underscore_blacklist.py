from jinja2 import Environment, TemplateSyntaxError

_ENV = Environment()


def render_notification(template_source: str, context: dict) -> str:
    if "__" in template_source or "import" in template_source:
        raise ValueError("template uses forbidden syntax")
    try:
        template = _ENV.from_string(template_source)
    except TemplateSyntaxError as exc:
        raise ValueError(str(exc)) from exc
    return template.render(**context)
