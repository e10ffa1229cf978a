# corpus: label=insecure cwe=CWE-601 function=outbound
import logging

from flask import Flask, abort, redirect, request

app = Flask(__name__)
log = logging.getLogger("clicks")


@app.route("/out")
def outbound():
    """Click-tracking redirect used in newsletter emails: /out?campaign=spring&to=https://..."""
    destination = request.args.get("to")
    if not destination:
        abort(400)
    log.info("click campaign=%r", request.args.get("campaign"))
    return redirect(destination, code=302)
