import logging
import re

log = logging.getLogger("rates")


def exchange_rate_endpoint(base: str, quote: str, api_key: str, http_get) -> tuple[int, dict]:
    if not re.fullmatch(r"[A-Z]{3}", base or "") or not re.fullmatch(r"[A-Z]{3}", quote or ""):
        return 400, {"error": "invalid currency code"}
    try:
        status, body = http_get(f"https://rates.example.net/v1/latest?base={base}&symbols={quote}&apikey={api_key}")
    except Exception:
        log.exception("provider unreachable")
        return 502, {"error": "rates provider unreachable"}
    if status != 200:
        return 502, {"error": "rates provider error", "provider_message": body.get("message") if isinstance(body, dict) else None}
    rate = (body.get("rates") or {}).get(quote)
    if not isinstance(rate, (int, float)):
        return 502, {"error": "rates provider returned no rate"}
    return 200, {"base": base, "quote": quote, "rate": float(rate)}
