// corpus: label=insecure cwe=CWE-78 function=isReachable
const { exec } = require('child_process');

/** Pings a monitored host once; rejects input that looks like command chaining. */
function isReachable(host) {
  if (host.includes(';') || host.includes('&') || host.includes('$(')) {
    return Promise.reject(new Error('invalid host'));
  }
  return new Promise((resolve) => {
    exec(`ping -c 1 -W 1 ${host}`, { timeout: 5000 }, (err) => resolve(!err));
  });
}

module.exports = { isReachable };
