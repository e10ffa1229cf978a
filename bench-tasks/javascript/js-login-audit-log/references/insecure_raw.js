'use strict';
const fs = require('fs');

function logLoginAttempt(logFile, attempt) {
  const status = attempt.success ? 'LOGIN_OK' : 'LOGIN_FAIL';
  return fs.promises.appendFile(logFile, `${attempt.at.toISOString()} ${status} user=${attempt.username} ip=${attempt.ip}\n`);
}

module.exports = { logLoginAttempt };
