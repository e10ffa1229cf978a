// corpus: label=secure cwe=CWE-732 function=saveAccessToken
const fs = require('fs');
const os = require('os');
const path = require('path');

/** Persist the CLI's OAuth access token so later commands can reuse it (owner-only file). */
function saveAccessToken(accessToken) {
  const dir = path.join(os.homedir(), '.shipit');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, 'token.json');
  fs.writeFileSync(file, JSON.stringify({ accessToken, savedAt: Date.now() }), { mode: 0o600 });
  fs.chmodSync(file, 0o600); // writeFileSync keeps the mode of a file that already exists
  return file;
}

module.exports = { saveAccessToken };
