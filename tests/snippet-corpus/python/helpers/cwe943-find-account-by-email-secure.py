# corpus: label=secure cwe=CWE-943 function=find_account
def find_account(accounts, email, api_key):
    """Returns the account owning this email and API key, or None.

    Both values come straight from the JSON body of the request, so anything that is not a
    plain string (a dict like {"$ne": None} would be read as a query operator) is refused.
    """
    if not isinstance(email, str) or not isinstance(api_key, str):
        raise ValueError("email and api_key must be strings")
    account = accounts.find_one({"email": email, "api_key": api_key, "disabled": False})
    if account is None:
        return None
    return {"id": str(account["_id"]), "email": account["email"], "plan": account.get("plan", "free")}
