# corpus: label=secure cwe=CWE-79 function=render class=HtmlTable
from html import escape


class HtmlTable:
    """Tiny helper used by the admin reports page to show query results."""

    def __init__(self, columns, css_class="table table-striped"):
        self.columns = list(columns)
        self.css_class = css_class

    def render(self, rows) -> str:
        head = "".join(f"<th>{escape(str(col))}</th>" for col in self.columns)
        body = []
        for row in rows:
            cells = "".join(f"<td>{escape(str(row.get(col, '')))}</td>" for col in self.columns)
            body.append(f"<tr>{cells}</tr>")
        return (
            f'<table class="{escape(self.css_class)}"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>"
        )
