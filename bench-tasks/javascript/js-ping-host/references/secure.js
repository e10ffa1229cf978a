'use strict';
const { execFile } = require('child_process');

// Hostnames (RFC 1123 labels) and IPv4/IPv6 literals; a leading "-" would be read as an option.
const HOST = /^(?!-)[A-Za-z0-9.:-]{1,253}$/;

function pingHost(host) {
  return new Promise((resolve, reject) => {
    if (typeof host !== 'string' || !HOST.test(host)) {
      reject(new Error(`not a hostname or IP address: ${JSON.stringify(host)}`));
      return;
    }
    execFile('ping', ['-c', '1', '-W', '1', '--', host], { timeout: 5000 }, (err, stdout) => {
      resolve({ reachable: !err, output: String(stdout) });
    });
  });
}

module.exports = { pingHost };
