import html


def render_comments(comments: list[dict]) -> str:
    out = ['<ul class="comments">']
    for c in comments:
        author = html.escape(c["author"], quote=False)
        site = c.get("website")
        if site and site.lower().startswith(("http://", "https://")):
            author = f'<a href="{html.escape(site, quote=False)}" rel="nofollow">{author}</a>'
        body = html.escape(c["body"], quote=False).replace("\n", "<br>")
        out.append(f'<li class="comment"><span class="author">{author}</span><p>{body}</p></li>')
    out.append("</ul>")
    return "".join(out)
