// corpus: label=insecure cwe=CWE-502 function=app.get('/dashboard')
const express = require('express');
const cookieParser = require('cookie-parser');
const serialize = require('node-serialize');

const app = express();
app.use(cookieParser());

// The profile cookie holds the user's display preferences, set at login.
app.get('/dashboard', (req, res) => {
  let profile = { username: 'guest', theme: 'light' };
  if (req.cookies.profile) {
    const decoded = Buffer.from(req.cookies.profile, 'base64').toString();
    profile = serialize.unserialize(decoded);
  }
  res.json({ greeting: `Hello ${profile.username}`, theme: profile.theme });
});

module.exports = app;
