// corpus: label=insecure cwe=CWE-1321 function=app.patch('/api/preferences')
const express = require('express');

const app = express();
app.use(express.json());

const preferences = new Map(); // userId -> prefs object

function setByPath(obj, dottedPath, value) {
  const keys = dottedPath.split('.');
  let cursor = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    if (typeof cursor[keys[i]] !== 'object' || cursor[keys[i]] === null) cursor[keys[i]] = {};
    cursor = cursor[keys[i]];
  }
  cursor[keys[keys.length - 1]] = value;
}

// PATCH /api/preferences  { "path": "notifications.email.digest", "value": "weekly" }
app.patch('/api/preferences', (req, res) => {
  const userId = req.get('x-user-id');
  const prefs = preferences.get(userId) || {};
  const { path, value } = req.body;
  if (typeof path !== 'string' || path.length === 0) {
    return res.status(400).json({ error: 'path is required' });
  }
  setByPath(prefs, path, value);
  preferences.set(userId, prefs);
  res.json(prefs);
});

module.exports = app;
