'use strict';
const { execFile } = require('child_process');

const HOST = /^(?!-)[A-Za-z0-9.:-]{1,253}$/;

function pingHost(host) {
  return new Promise((resolve, reject) => {
    if (typeof host !== 'string' || !HOST.test(host)) {
      reject(new Error(`not a hostname or IP address: ${JSON.stringify(host)}`));
      return;
    }
    let timer = null;
    const child = execFile('ping', ['-c', '1', '-W', '1', '--', host], (err, stdout) => {
      clearTimeout(timer);
      resolve({ reachable: !err, output: String(stdout) });
    });
    timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  });
}

module.exports = { pingHost };
