// corpus: label=insecure cwe=CWE-330 function=create class=MemorySessionStore
class MemorySessionStore {
  constructor({ ttlSeconds = 3600 } = {}) {
    this.ttlMs = ttlSeconds * 1000;
    this.sessions = new Map();
    this.counter = 0;
  }

  /** Create a new session and return its id (sent to the client as a cookie). */
  create(userId) {
    this.counter += 1;
    const id = `${Date.now().toString(16)}-${this.counter}-${Math.floor(Math.random() * 0xffff).toString(16)}`;
    this.sessions.set(id, { userId, expires: Date.now() + this.ttlMs });
    return id;
  }

  get(id) {
    const s = this.sessions.get(id);
    if (!s) return null;
    if (s.expires < Date.now()) {
      this.sessions.delete(id);
      return null;
    }
    return s;
  }
}

module.exports = MemorySessionStore;
