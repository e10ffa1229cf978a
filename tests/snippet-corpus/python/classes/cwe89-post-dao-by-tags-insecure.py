# corpus: label=insecure cwe=CWE-89 function=posts_with_tags class=PostDAO
import sqlite3


class PostDAO:
    """Data access for blog posts and their tags."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.conn.row_factory = sqlite3.Row

    def create_schema(self):
        self.conn.executescript(
            """
            CREATE TABLE IF NOT EXISTS posts (id INTEGER PRIMARY KEY, title TEXT, slug TEXT);
            CREATE TABLE IF NOT EXISTS post_tags (post_id INTEGER, tag TEXT);
            """
        )

    def posts_with_tags(self, tags):
        """Return posts tagged with any of the given tags."""
        if not tags:
            return []
        tag_list = ", ".join(f"'{t}'" for t in tags)
        sql = (
            "SELECT DISTINCT p.id, p.title, p.slug FROM posts p "
            "JOIN post_tags t ON t.post_id = p.id "
            f"WHERE t.tag IN ({tag_list}) ORDER BY p.id DESC"
        )
        return [dict(r) for r in self.conn.execute(sql)]
