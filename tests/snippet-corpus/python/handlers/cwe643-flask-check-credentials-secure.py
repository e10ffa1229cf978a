# corpus: label=secure cwe=CWE-643 function=check_credentials
from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)

ACCOUNTS = etree.fromstring("""<accounts>
  <account><user>ops</user><pass>0ps-2024!</pass><scope>deploy</scope></account>
  <account><user>audit</user><pass>Aud1t#77</pass><scope>read</scope></account>
</accounts>""")


@app.route("/api/service-login", methods=["POST"])
def check_credentials():
    user = request.form.get("user", "")
    password = request.form.get("pass", "")
    # XPath variables keep the submitted values out of the expression itself.
    match = ACCOUNTS.xpath("//account[user/text()=$u and pass/text()=$p]", u=user, p=password)
    if not match:
        return jsonify(ok=False, error="invalid credentials"), 401
    return jsonify(ok=True, scope=match[0].findtext("scope"))
