# corpus: label=secure cwe=CWE-79 function=search_page
from flask import Flask, render_template_string, request

app = Flask(__name__)

ARTICLES = [
    {"title": "Getting started with Flask", "slug": "flask-intro"},
    {"title": "Deploying with gunicorn", "slug": "gunicorn"},
    {"title": "Flask blueprints explained", "slug": "blueprints"},
]


@app.route("/search")
def search_page():
    term = request.args.get("q", "")
    hits = [a for a in ARTICLES if term.lower() in a["title"].lower()]
    template = (
        "<h2>Results for '{{ term }}'</h2>"
        "<ul>{% for a in hits %}<li><a href='/a/{{ a.slug }}'>{{ a.title }}</a></li>{% endfor %}</ul>"
    )
    return render_template_string(template, term=term, hits=hits)
