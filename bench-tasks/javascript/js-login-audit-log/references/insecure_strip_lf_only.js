'use strict';
const fs = require('fs');

function logLoginAttempt(logFile, attempt) {
  const user = attempt.username.replace(/\n/g, '\\n');
  const status = attempt.success ? 'LOGIN_OK' : 'LOGIN_FAIL';
  fs.appendFileSync(logFile, `${attempt.at.toISOString()} ${status} user=${user} ip=${attempt.ip}\n`);
  return Promise.resolve();
}

module.exports = { logLoginAttempt };
