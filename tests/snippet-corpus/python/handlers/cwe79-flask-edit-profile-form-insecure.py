# corpus: label=insecure cwe=CWE-79 function=edit_profile_form
from flask import Flask, request

app = Flask(__name__)


@app.route("/profile/edit")
def edit_profile_form():
    # pre-fill the form with values from the previous (failed) submission
    display_name = request.args.get("display_name", "")
    city = request.args.get("city", "")
    error = request.args.get("error")
    error_html = f'<div class="alert">{error}</div>' if error else ""
    return (
        f"{error_html}"
        '<form method="post" action="/profile">'
        f'<label>Display name <input name="display_name" value="{display_name}"></label>'
        f'<label>City <input name="city" value="{city}"></label>'
        "<button>Save</button></form>"
    )
