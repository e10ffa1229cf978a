# corpus: label=insecure cwe=CWE-918 function=deliver_webhook
import hashlib
import hmac
import json
import os

import requests

SIGNING_KEY = os.environ.get("WEBHOOK_SIGNING_KEY", "").encode()


def deliver_webhook(options):
    """POST an event to the subscriber's callback.

    options = {"callback_url": ..., "event": {...}, "timeout": 10}
    """
    body = json.dumps(options["event"], separators=(",", ":")).encode()
    signature = hmac.new(SIGNING_KEY, body, hashlib.sha256).hexdigest()
    resp = requests.post(
        options["callback_url"],
        data=body,
        headers={"Content-Type": "application/json", "X-Signature": signature},
        timeout=options.get("timeout", 10),
    )
    return {"status": resp.status_code, "response": resp.text[:500]}
