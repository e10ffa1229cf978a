# corpus: label=secure cwe=CWE-79 function=edit_profile_form
from flask import Flask, request
from markupsafe import escape

app = Flask(__name__)


@app.route("/profile/edit")
def edit_profile_form():
    # pre-fill the form with values from the previous (failed) submission
    display_name = escape(request.args.get("display_name", ""))
    city = escape(request.args.get("city", ""))
    error = request.args.get("error")
    error_html = f'<div class="alert">{escape(error)}</div>' if error else ""
    return (
        f"{error_html}"
        '<form method="post" action="/profile">'
        f'<label>Display name <input name="display_name" value="{display_name}"></label>'
        f'<label>City <input name="city" value="{city}"></label>'
        "<button>Save</button></form>"
    )
