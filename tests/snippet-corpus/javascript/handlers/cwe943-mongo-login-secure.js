// corpus: label=secure cwe=CWE-943 function=login
const express = require('express');
const { MongoClient } = require('mongodb');

const app = express();
app.use(express.json());

const client = new MongoClient(process.env.MONGO_URL || 'mongodb://localhost:27017');
const users = client.db('shop').collection('users');

// POST /api/login  { "username": "...", "password": "..." }
async function login(req, res) {
  const { username, password } = req.body;
  // Only plain strings: an object such as {"$ne": null} would be read as a query operator.
  if (typeof username !== 'string' || typeof password !== 'string' || !username || !password) {
    return res.status(400).json({ error: 'username and password must be strings' });
  }

  const user = await users.findOne({ username: { $eq: username }, password: { $eq: password } });
  if (!user) {
    return res.status(401).json({ error: 'invalid credentials' });
  }
  return res.json({ id: user._id, username: user.username, role: user.role });
}

app.post('/api/login', login);

module.exports = { app, login };
