# corpus: label=secure cwe=CWE-79 function=render_comment
import html
from datetime import datetime
from urllib.parse import urlsplit


def render_comment(comment: dict) -> str:
    """Render one blog comment as an HTML fragment for the comments list."""
    posted = datetime.fromisoformat(comment["created_at"]).strftime("%b %d, %Y")
    author = html.escape(comment.get("author") or "Anonymous", quote=True)
    website = comment.get("website")
    if website and urlsplit(website).scheme not in ("http", "https"):
        website = None  # drop javascript:, data: and similar schemes
    if website:
        byline = f'<a href="{html.escape(website, quote=True)}" rel="nofollow">{author}</a>'
    else:
        byline = author
    return (
        '<article class="comment">'
        f'<header>{byline} <time>{posted}</time></header>'
        f'<p>{html.escape(comment["body"])}</p>'
        "</article>"
    )
