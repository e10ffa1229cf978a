

# --- DualGauge: HTTP entry (appended to the sample; runs in the sample's process) ---
def __dg_http__(view, request):
    """Calls the view `view` (a name in this module) inside a request built by the framework itself:
    Flask's test_request_context when the module uses Flask, a Django RequestFactory request for
    views taking `request`. Returns what a client would receive: status, headers and body."""
    import asyncio
    import inspect
    fn = globals()[view["name"]]
    if view.get("framework") == "django":
        return __dg_django__(fn, view, request)
    import flask
    from werkzeug.exceptions import HTTPException
    app = view.get("app") and globals().get(view["app"])
    if not isinstance(app, flask.Flask):
        app = next((v for v in list(globals().values()) if isinstance(v, flask.Flask)), None) or flask.Flask("dualgauge")
    if not app.secret_key:
        app.secret_key = "dualgauge-test-secret"  # sessions work as in any configured deployment
    headers = dict(request["headers"])
    if request["cookies"]:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in request["cookies"].items())
    kwargs = {"method": request["method"], "query_string": request["query"], "headers": headers}
    if request["json"] is not None:
        kwargs["json"] = request["json"]
    elif request.get("data") is not None:
        kwargs["data"] = request["data"]  # the raw body (request.get_data(), request.data)
    elif request["form"] or request.get("files"):
        import io
        data = dict(request["form"])
        for field, filename in (request.get("files") or {}).items():
            data[field] = (io.BytesIO(b"hello\n"), filename)  # an upload whose name the probe chose
        kwargs["data"] = data
        if request.get("files"):
            kwargs["content_type"] = "multipart/form-data"
    with app.test_request_context(request["path"], **kwargs):
        if view.get("session"):
            flask.session.update(view["session"])  # a signed-in user's session (the server signs it: not a payload)
        try:
            rv = fn(**request["pathArgs"], **request["args"])
            if inspect.iscoroutine(rv):
                rv = asyncio.run(rv)
            response = app.make_response(rv)
        except HTTPException as e:
            response = e.get_response()
        response.direct_passthrough = False
        body = response.get_data(as_text=True)
        return {"status": response.status_code, "headers": [[k, v] for k, v in response.headers.items()], "body": body}


def __dg_django__(fn, view, request):
    import asyncio
    import inspect
    import django
    from django.conf import settings
    if not settings.configured:
        settings.configure(DEBUG=False, SECRET_KEY="dualgauge", ALLOWED_HOSTS=["*"], ROOT_URLCONF=__name__,
                           DEFAULT_CHARSET="utf-8", USE_TZ=True)
        django.setup()
    from django.test import RequestFactory
    from django.http import Http404
    factory = RequestFactory()
    headers = {"HTTP_" + k.upper().replace("-", "_"): v for k, v in request["headers"].items()}
    path = request["path"]
    if request["json"] is not None:
        import json as _json
        req = factory.generic(request["method"], path, _json.dumps(request["json"]), content_type="application/json", **headers)
    elif request["method"] == "POST":
        req = factory.post(path + ("?" + __import__("urllib.parse").parse.urlencode(request["query"]) if request["query"] else ""), request["form"], **headers)
    else:
        req = factory.get(path, request["query"], **headers)
    for k, v in request["cookies"].items():
        req.COOKIES[k] = v
    try:
        rv = fn(req, **request["pathArgs"], **request["args"])
        if inspect.iscoroutine(rv):
            rv = asyncio.run(rv)
    except Http404:
        return {"status": 404, "headers": [], "body": ""}
    headers_out = [[k, v] for k, v in rv.items()] if hasattr(rv, "items") else []
    body = rv.content.decode("utf-8", "replace") if hasattr(rv, "content") else str(rv)
    return {"status": getattr(rv, "status_code", 200), "headers": headers_out, "body": body}
