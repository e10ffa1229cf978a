// corpus: label=secure cwe=CWE-601 function=app.post('/login')
const express = require('express');
const session = require('express-session');
const { verifyCredentials } = require('./auth');

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

// Only same-site relative paths like "/orders?page=2" are accepted.
function isSafeRelativePath(value) {
  return typeof value === 'string' &&
    value.startsWith('/') &&
    !value.startsWith('//') &&
    !value.startsWith('/\\') &&
    !/[\u0000-\u001f\\]/.test(value);
}

app.post('/login', async (req, res) => {
  const { username, password } = req.body;
  const user = await verifyCredentials(username, password);
  if (!user) {
    return res.status(401).render('login', { error: 'Invalid username or password' });
  }

  req.session.userId = user.id;
  const next = isSafeRelativePath(req.query.next) ? req.query.next : '/dashboard';
  res.redirect(next);
});

module.exports = app;
