// corpus: label=secure cwe=CWE-78 function=countLines
const { execFile } = require('child_process');

// Count the lines of an uploaded CSV before importing it.
function countLines(filePath) {
  return new Promise((resolve, reject) => {
    execFile('wc', ['-l', '--', filePath], (err, stdout) => {
      if (err) {
        reject(err);
        return;
      }
      const n = parseInt(stdout.trim().split(/\s+/)[0], 10);
      resolve(Number.isFinite(n) ? n : 0);
    });
  });
}

module.exports = { countLines };
