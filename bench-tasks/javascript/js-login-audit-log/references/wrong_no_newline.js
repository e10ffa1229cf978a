'use strict';
const fs = require('fs/promises');

async function logLoginAttempt(logFile, attempt) {
  const user = JSON.stringify(attempt.username).slice(1, -1);
  await fs.appendFile(logFile, `${attempt.at.toISOString()} ${attempt.success ? 'LOGIN_OK' : 'LOGIN_FAIL'} user=${user} ip=${attempt.ip}`);
}

module.exports = { logLoginAttempt };
