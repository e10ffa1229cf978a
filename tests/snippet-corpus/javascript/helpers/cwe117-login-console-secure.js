// corpus: label=secure cwe=CWE-117 function=logLoginAttempt
/** One JSON object per sign-in attempt; the log shipper forwards stdout to the SIEM. */
function logLoginAttempt(username, ip, ok) {
  console.log(JSON.stringify({
    time: new Date().toISOString(),
    level: ok ? 'info' : 'warn',
    event: ok ? 'login_succeeded' : 'login_failed',
    user: username,
    ip,
  }));
}

module.exports = { logLoginAttempt };
