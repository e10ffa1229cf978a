// corpus: label=secure cwe=CWE-78 function=diskUsage
const { spawn } = require('child_process');

/**
 * Report the size in kilobytes of a directory, using `du`.
 * @param {string} dir
 * @returns {Promise<number>}
 */
function diskUsage(dir) {
  return new Promise((resolve, reject) => {
    const du = spawn('du', ['-sk', '--', dir], { shell: false });
    let out = '';
    du.stdout.on('data', (d) => { out += d; });
    du.on('error', reject);
    du.on('close', (code) => {
      if (code !== 0) return reject(new Error(`du exited with ${code}`));
      const kb = Number.parseInt(out.split('\t')[0], 10);
      resolve(Number.isNaN(kb) ? 0 : kb);
    });
  });
}

module.exports = { diskUsage };
