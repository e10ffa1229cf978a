from html import escape
from urllib.parse import urlsplit


def _safe_url(url):
    if not url:
        return None
    url = url.strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") and url.lower().startswith(scheme + ":") else None


class SafeHTML(str):
    """Markup that has already been escaped (markupsafe.Markup-style)."""

    def __html__(self):
        return self

    def __repr__(self):
        return f"SafeHTML({str.__repr__(self)})"


def render_comments(comments: list[dict]) -> str:
    parts = ['<ul class="comments">']
    for c in comments:
        author = escape(c.get("author") or "")
        url = _safe_url(c.get("website"))
        if url:
            author = f'<a href="{escape(url, quote=True)}" rel="nofollow">{author}</a>'
        body = "<br>".join(escape(line) for line in (c.get("body") or "").split("\n"))
        parts.append(f'<li class="comment"><span class="author">{author}</span><p>{body}</p></li>')
    parts.append("</ul>")
    return SafeHTML("".join(parts))
