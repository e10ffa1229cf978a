# corpus: label=insecure cwe=CWE-1333 function=is_valid_email
import re

EMAIL_RE = re.compile(r"^([a-zA-Z0-9_\-]+)+(\.[a-zA-Z0-9_\-]+)*@([a-zA-Z0-9\-]+\.)+[a-zA-Z]{2,}$")


def is_valid_email(address: str) -> bool:
    """Validate the email field of the newsletter signup form."""
    return EMAIL_RE.match(address.strip()) is not None


def normalize_signup(form: dict) -> dict:
    email = form.get("email", "")
    if not is_valid_email(email):
        raise ValueError("please enter a valid email address")
    return {"email": email.strip().lower(), "topics": sorted(set(form.get("topics", [])))}
