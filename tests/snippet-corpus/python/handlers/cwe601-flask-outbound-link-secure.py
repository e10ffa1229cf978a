# corpus: label=secure cwe=CWE-601 function=outbound
import logging

from flask import Flask, abort, redirect, request

app = Flask(__name__)
log = logging.getLogger("clicks")

# newsletter links are referenced by id, so the destination never comes from the URL
LINKS = {
    "spring-sale": "https://shop.example.com/sale/spring",
    "new-arrivals": "https://shop.example.com/new",
    "survey": "https://forms.example.com/customer-survey",
}


@app.route("/out")
def outbound():
    """Click-tracking redirect used in newsletter emails: /out?campaign=spring&link=survey"""
    destination = LINKS.get(request.args.get("link", ""))
    if destination is None:
        abort(404)
    log.info("click campaign=%r", request.args.get("campaign"))
    return redirect(destination, code=302)
