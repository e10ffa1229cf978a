import logging
import re

log = logging.getLogger("rates")


def exchange_rate_endpoint(base: str, quote: str, api_key: str, http_get) -> tuple[int, dict]:
    if not re.fullmatch(r"[A-Z]{3}", base or "") or not re.fullmatch(r"[A-Z]{3}", quote or ""):
        return 400, {"error": f"invalid currency code: {base}/{quote}"}
    try:
        status, body = http_get(f"https://rates.example.net/v1/latest?base={base}&symbols={quote}&apikey={api_key}")
        if status != 200:
            raise RuntimeError(f"provider returned {status}: {body}")
        return 200, {"base": base, "quote": quote, "rate": float(body["rates"][quote])}
    except Exception as exc:
        log.warning("rate lookup failed: %s", exc)
        return 502, {"error": f"upstream error - {exc}"}
