# corpus: label=secure cwe=CWE-1333 function=parse_line class=MetricsLineParser
import re


class MetricsLineParser:
    """Parses lines pushed by sensors: '<sensor-name>: <v1> <v2> <v3> ...'"""

    LINE_RE = re.compile(r"^(?P<name>[\w.-]+):\s*(?P<values>\d+(?:\s+\d+)*)\s*$")

    def __init__(self):
        self.errors = 0

    def parse_line(self, line: str):
        m = self.LINE_RE.match(line.rstrip("\n"))
        if not m:
            self.errors += 1
            return None
        return m.group("name"), [int(v) for v in m.group("values").split()]
