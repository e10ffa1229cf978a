# corpus: label=insecure cwe=CWE-330 function=create_session class=SessionManager
import random
import time


class SessionManager:
    """In-memory session store for the kiosk admin panel."""

    def __init__(self, ttl_seconds=1800):
        self.ttl = ttl_seconds
        self._sessions = {}

    def create_session(self, user_id):
        session_id = "%032x" % random.getrandbits(128)
        self._sessions[session_id] = {"user_id": user_id, "expires": time.time() + self.ttl}
        return session_id

    def get_user(self, session_id):
        entry = self._sessions.get(session_id)
        if not entry or entry["expires"] < time.time():
            self._sessions.pop(session_id, None)
            return None
        return entry["user_id"]
