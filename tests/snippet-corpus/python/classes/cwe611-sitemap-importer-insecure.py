# corpus: label=insecure cwe=CWE-611 function=parse class=SitemapImporter
import io
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges


class _LocHandler(ContentHandler):
    def __init__(self):
        super().__init__()
        self.urls, self._buf, self._in_loc = [], [], False

    def startElement(self, name, attrs):
        if name == "loc":
            self._in_loc, self._buf = True, []

    def characters(self, content):
        if self._in_loc:
            self._buf.append(content)

    def endElement(self, name):
        if name == "loc":
            self.urls.append("".join(self._buf).strip())
            self._in_loc = False


class SitemapImporter:
    def parse(self, xml_data: bytes):
        """Return all <loc> URLs of an uploaded sitemap.xml."""
        handler = _LocHandler()
        parser = xml.sax.make_parser()
        parser.setFeature(feature_external_ges, True)  # some sitemaps use entity includes
        parser.setContentHandler(handler)
        parser.parse(io.BytesIO(xml_data))
        return handler.urls
