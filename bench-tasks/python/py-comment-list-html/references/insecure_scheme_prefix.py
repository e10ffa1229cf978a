import html


def render_comments(comments: list[dict]) -> str:
    out = ['<ul class="comments">']
    for c in comments:
        author = html.escape(c["author"])
        site = (c.get("website") or "").strip()
        if site and ":" in site and not site.startswith(("ftp:", "mailto:", "file:", "data:", "javascript:")):
            author = f'<a href="{html.escape(site)}" rel="nofollow">{author}</a>'
        body = "<br>".join(html.escape(x) for x in c["body"].split("\n"))
        out.append(f'<li class="comment"><span class="author">{author}</span><p>{body}</p></li>')
    out.append("</ul>")
    return "".join(out)
