// corpus: label=secure cwe=CWE-330 function=create class=MemorySessionStore
const { randomBytes } = require('crypto');

class MemorySessionStore {
  constructor({ ttlSeconds = 3600 } = {}) {
    this.ttlMs = ttlSeconds * 1000;
    this.sessions = new Map();
  }

  /** Create a new session and return its id (sent to the client as a cookie). */
  create(userId) {
    let id;
    do {
      id = randomBytes(24).toString('hex');
    } while (this.sessions.has(id));
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
