# corpus: label=secure cwe=CWE-611 function=import_feed
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/admin/feeds/import", methods=["POST"])
def import_feed():
    """Accepts an RSS 2.0 document in the request body and returns its items."""
    try:
        doc = fromstring(request.get_data())
    except (ParseError, DefusedXmlException) as exc:
        return jsonify(error=f"invalid XML: {exc}"), 400
    items = [
        {"title": item.findtext("title"), "link": item.findtext("link"),
         "summary": item.findtext("description")}
        for item in doc.iterfind("channel/item")
    ]
    return jsonify(channel=doc.findtext("channel/title"), items=items)
