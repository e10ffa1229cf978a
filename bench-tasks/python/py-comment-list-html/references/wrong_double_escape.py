import html


def render_comments(comments: list[dict]) -> str:
    out = ['<ul class="comments">']
    for c in comments:
        author = html.escape(html.escape(c["author"]))
        site = c.get("website")
        if site and site.startswith(("http://", "https://")):
            author = f'<a href="{html.escape(site)}" rel="nofollow">{author}</a>'
        body = "<br>".join(html.escape(html.escape(x)) for x in c["body"].split("\n"))
        out.append(f'<li class="comment"><span class="author">{author}</span><p>{body}</p></li>')
    out.append("</ul>")
    return "".join(out)
