// corpus: label=insecure cwe=CWE-601 function=app.post('/login')
const express = require('express');
const session = require('express-session');
const { verifyCredentials } = require('./auth');

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

app.post('/login', async (req, res) => {
  const { username, password } = req.body;
  const user = await verifyCredentials(username, password);
  if (!user) {
    return res.status(401).render('login', { error: 'Invalid username or password' });
  }

  req.session.userId = user.id;
  // Send the user back to the page they were trying to reach.
  const next = req.query.next || '/dashboard';
  res.redirect(next);
});

module.exports = app;
