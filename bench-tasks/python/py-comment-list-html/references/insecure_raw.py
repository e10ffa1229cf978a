def render_comments(comments: list[dict]) -> str:
    out = '<ul class="comments">'
    for c in comments:
        author = c["author"]
        site = c.get("website")
        if site and (site.startswith("http://") or site.startswith("https://")):
            author = f'<a href="{site}" rel="nofollow">{author}</a>'
        body = c["body"].replace("\n", "<br>")
        out += f'<li class="comment"><span class="author">{author}</span><p>{body}</p></li>'
    return out + "</ul>"
