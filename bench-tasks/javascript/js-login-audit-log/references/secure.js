'use strict';
const fs = require('fs/promises');

// Control characters (C0, DEL, C1) and Unicode line/paragraph separators are shown as \uXXXX so one
// attempt is always one readable line; everything else is kept as typed.
function clean(value) {
  return String(value).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]/g, (c) => (c === '\\' ? '\\\\' : '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')));
}

async function logLoginAttempt(logFile, attempt) {
  const line = `${attempt.at.toISOString()} ${attempt.success ? 'LOGIN_OK' : 'LOGIN_FAIL'} user=${clean(attempt.username)} ip=${clean(attempt.ip)}\n`;
  await fs.appendFile(logFile, line, 'utf8');
}

module.exports = { logLoginAttempt };
