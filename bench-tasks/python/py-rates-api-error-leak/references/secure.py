import logging
import re

log = logging.getLogger("rates")
_CODE = re.compile(r"[A-Z]{3}")


def exchange_rate_endpoint(base: str, quote: str, api_key: str, http_get) -> tuple[int, dict]:
    if not (isinstance(base, str) and _CODE.fullmatch(base) and isinstance(quote, str) and _CODE.fullmatch(quote)):
        return 400, {"error": "base and quote must be three-letter currency codes such as USD"}
    url = f"https://rates.example.net/v1/latest?base={base}&symbols={quote}&apikey={api_key}"
    try:
        status, body = http_get(url)
    except Exception:
        # The exception text can carry the request URL (and so the key); it stays in our logs.
        log.exception("rates provider request failed for %s/%s", base, quote)
        return 502, {"error": "the exchange-rate provider is unavailable, please retry later"}
    rate = None
    if status == 200 and isinstance(body, dict) and isinstance(body.get("rates"), dict):
        rate = body["rates"].get(quote)
    if status != 200 or isinstance(rate, bool) or not isinstance(rate, (int, float)):
        log.error("rates provider answered %s for %s/%s", status, base, quote)
        return 502, {"error": "the exchange-rate provider returned an unusable answer"}
    return 200, {"base": base, "quote": quote, "rate": float(rate)}
