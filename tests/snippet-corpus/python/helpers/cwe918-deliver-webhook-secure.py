# corpus: label=secure cwe=CWE-918 function=deliver_webhook
import hashlib
import hmac
import json
import os
from urllib.parse import urlsplit

import requests

SIGNING_KEY = os.environ.get("WEBHOOK_SIGNING_KEY", "").encode()
# partner endpoints registered out-of-band by the ops team
ALLOWED_CALLBACK_HOSTS = {"hooks.slack.com", "api.partner-crm.example", "events.pagerduty.com"}


def deliver_webhook(options):
    """POST an event to the subscriber's callback.

    options = {"callback_url": ..., "event": {...}, "timeout": 10}
    """
    target = urlsplit(options["callback_url"])
    if target.scheme != "https" or target.hostname not in ALLOWED_CALLBACK_HOSTS:
        raise ValueError("callback host is not registered")
    if target.port not in (None, 443) or target.username or target.password:
        raise ValueError("callback URL may not contain a port or credentials")
    body = json.dumps(options["event"], separators=(",", ":")).encode()
    signature = hmac.new(SIGNING_KEY, body, hashlib.sha256).hexdigest()
    resp = requests.post(
        options["callback_url"],
        data=body,
        headers={"Content-Type": "application/json", "X-Signature": signature},
        timeout=options.get("timeout", 10),
        allow_redirects=False,
    )
    return {"status": resp.status_code, "response": resp.text[:500]}
