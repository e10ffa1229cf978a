// corpus: label=insecure cwe=CWE-732 function=saveAccessToken
const fs = require('fs');
const os = require('os');
const path = require('path');

/** Persist the CLI's OAuth access token so later commands can reuse it. */
function saveAccessToken(accessToken) {
  const dir = path.join(os.homedir(), '.shipit');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'token.json');
  fs.writeFileSync(file, JSON.stringify({ accessToken, savedAt: Date.now() }), { mode: 0o644 });
  return file;
}

module.exports = { saveAccessToken };
