# corpus: label=neutral cwe=- function=slugify
import re
import unicodedata


def slugify(title: str, max_length: int = 60) -> str:
    """Turn a post title into a URL slug: 'Héllo, World!' -> 'hello-world'."""
    normalized = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    normalized = re.sub(r"[^\w\s-]", "", normalized).strip().lower()
    slug = re.sub(r"[-\s_]+", "-", normalized)
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug.strip("-")
