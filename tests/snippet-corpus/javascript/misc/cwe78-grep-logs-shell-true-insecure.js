// corpus: label=insecure cwe=CWE-78 function=grepLogs
const { spawn } = require('child_process');

/**
 * Search the service logs for a pattern and return matching lines.
 * @param {{ pattern: string, logDir?: string, maxLines?: number }} opts
 */
function grepLogs({ pattern, logDir = '/var/log/app', maxLines = 200 }) {
  return new Promise((resolve, reject) => {
    // shell: true so the *.log glob gets expanded
    const child = spawn('grep', ['-h', '-i', pattern, `${logDir}/*.log`], { shell: true });
    const lines = [];
    child.stdout.on('data', (chunk) => {
      for (const line of chunk.toString().split('\n')) {
        if (line && lines.length < maxLines) lines.push(line);
      }
    });
    child.on('error', reject);
    child.on('close', () => resolve(lines));
  });
}

module.exports = { grepLogs };
