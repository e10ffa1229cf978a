// corpus: label=secure cwe=CWE-916 function=register class=AccountService
const crypto = require('crypto');
const { promisify } = require('util');

const pbkdf2 = promisify(crypto.pbkdf2);
const ITERATIONS = 310000;

class AccountService {
  constructor(repo) {
    this.repo = repo;
  }

  async register(email, password) {
    if (typeof password !== 'string' || password.length < 10) {
      throw new Error('password too short');
    }
    if (await this.repo.findByEmail(email)) {
      throw new Error('email already registered');
    }
    const salt = crypto.randomBytes(16).toString('hex');
    const derived = await pbkdf2(password, salt, ITERATIONS, 32, 'sha256');
    return this.repo.insert({
      email,
      passwordHash: `pbkdf2_sha256$${ITERATIONS}$${salt}$${derived.toString('hex')}`,
      createdAt: new Date(),
    });
  }

  async authenticate(email, password) {
    const account = await this.repo.findByEmail(email);
    if (!account) return null;
    const [, iter, salt, hash] = account.passwordHash.split('$');
    const attempt = await pbkdf2(password, salt, Number(iter), 32, 'sha256');
    return crypto.timingSafeEqual(attempt, Buffer.from(hash, 'hex')) ? account : null;
  }
}

module.exports = AccountService;
