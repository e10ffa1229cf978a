# corpus: label=insecure cwe=CWE-79 function=render_comment
from datetime import datetime


def render_comment(comment: dict) -> str:
    """Render one blog comment as an HTML fragment for the comments list."""
    posted = datetime.fromisoformat(comment["created_at"]).strftime("%b %d, %Y")
    author = comment.get("author") or "Anonymous"
    website = comment.get("website")
    byline = f'<a href="{website}" rel="nofollow">{author}</a>' if website else author
    return (
        '<article class="comment">'
        f'<header>{byline} <time>{posted}</time></header>'
        f'<p>{comment["body"]}</p>'
        "</article>"
    )
