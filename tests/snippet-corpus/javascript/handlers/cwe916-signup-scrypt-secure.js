// corpus: label=secure cwe=CWE-916 function=app.post('/signup')
const express = require('express');
const crypto = require('crypto');
const db = require('./db');

const app = express();
app.use(express.json());

function scryptAsync(password, salt) {
  return new Promise((resolve, reject) => {
    crypto.scrypt(password, salt, 64, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key));
  });
}

app.post('/signup', async (req, res) => {
  const { email, password } = req.body || {};
  if (typeof email !== 'string' || typeof password !== 'string' || password.length < 12) {
    return res.status(400).json({ error: 'email and a password of at least 12 characters are required' });
  }
  try {
    const salt = crypto.randomBytes(16);
    const key = await scryptAsync(password, salt);
    await db.insertUser({ email: email.toLowerCase(), salt: salt.toString('hex'), hash: key.toString('hex') });
    res.status(201).json({ ok: true });
  } catch (err) {
    res.status(500).json({ error: 'could not create account' });
  }
});

module.exports = app;
