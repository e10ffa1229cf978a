// corpus: label=insecure cwe=CWE-759 function=register class=AccountService
const crypto = require('crypto');

class AccountService {
  constructor(repo) {
    this.repo = repo;
  }

  async register(email, password) {
    if (await this.repo.findByEmail(email)) {
      throw new Error('email already registered');
    }
    const passwordHash = crypto.createHash('sha256').update(password).digest('hex');
    return this.repo.insert({ email, passwordHash, createdAt: new Date() });
  }

  async authenticate(email, password) {
    const account = await this.repo.findByEmail(email);
    if (!account) return null;
    const attempt = crypto.createHash('sha256').update(password).digest('hex');
    return attempt === account.passwordHash ? account : null;
  }
}

module.exports = AccountService;
