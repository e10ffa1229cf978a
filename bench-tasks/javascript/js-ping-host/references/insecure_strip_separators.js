'use strict';
const { exec } = require('child_process');

function pingHost(host) {
  // Remove command separators so nothing can be chained after ping.
  const cleaned = String(host).replace(/[;&|]/g, '');
  return new Promise((resolve) => {
    exec(`ping -c 1 -W 1 ${cleaned}`, { timeout: 5000 }, (err, stdout) => {
      resolve({ reachable: !err, output: String(stdout) });
    });
  });
}

module.exports = { pingHost };
