// corpus: label=secure cwe=CWE-78 function=isReachable
const { execFile } = require('child_process');

/** Pings a monitored host once, without a shell: the host is one argument, whatever it holds. */
function isReachable(host) {
  if (typeof host !== 'string' || host.startsWith('-')) {
    return Promise.reject(new Error('invalid host'));
  }
  return new Promise((resolve) => {
    execFile('ping', ['-c', '1', '-W', '1', host], { timeout: 5000 }, (err) => resolve(!err));
  });
}

module.exports = { isReachable };
