# corpus: label=insecure cwe=CWE-502 function=view_cart
import base64
import pickle

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)
CATALOG = {"mug-blue": 12.50, "tee-m": 19.90, "sticker-pack": 4.00}


def _encode_cart(cart):
    return base64.urlsafe_b64encode(pickle.dumps(cart)).decode()


@app.route("/cart")
def view_cart():
    raw = request.cookies.get("cart")
    cart = {"items": [], "coupon": None}
    if raw:
        cart = pickle.loads(base64.urlsafe_b64decode(raw))
    lines = [i for i in cart["items"] if i["sku"] in CATALOG]
    total = sum(CATALOG[i["sku"]] * max(0, int(i["qty"])) for i in lines)
    resp = make_response(jsonify(items=lines, total=round(total, 2)))
    resp.set_cookie("cart", _encode_cart(cart), httponly=True, samesite="Lax")
    return resp
