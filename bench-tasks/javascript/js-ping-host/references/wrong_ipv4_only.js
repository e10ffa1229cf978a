'use strict';
const { execFile } = require('child_process');

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function pingHost(host) {
  return new Promise((resolve, reject) => {
    if (!IPV4.test(host)) {
      reject(new Error(`not an IPv4 address: ${host}`));
      return;
    }
    execFile('ping', ['-c', '1', '-W', '1', host], { timeout: 5000 }, (err, stdout) => {
      resolve({ reachable: !err, output: String(stdout) });
    });
  });
}

module.exports = { pingHost };
