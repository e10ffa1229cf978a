'use strict';
const { exec } = require('child_process');

function pingHost(host) {
  return new Promise((resolve) => {
    exec(`ping -c 1 -W 1 ${host}`, { timeout: 5000 }, (err, stdout) => {
      console.log(JSON.stringify({ level: 'info', msg: 'ping', host, reachable: !err }));
      resolve({ reachable: !err, output: String(stdout) });
    });
  });
}

module.exports = { pingHost };
