from jinja2 import Environment, TemplateSyntaxError


def render_notification(template_source: str, context: dict) -> str:
    try:
        template = Environment().from_string(template_source)
    except TemplateSyntaxError as exc:
        raise ValueError(str(exc)) from exc
    return template.render(**context)
