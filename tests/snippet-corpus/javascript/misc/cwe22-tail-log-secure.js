// corpus: label=secure cwe=CWE-22 function=tailLog
const fs = require('fs/promises');
const path = require('path');

const LOG_ROOT = path.resolve(process.env.LOG_ROOT || '/var/log/myapp');

/**
 * Return the last `lines` lines of a log file under LOG_ROOT.
 * @param {{ name: string, lines?: number }} options
 */
async function tailLog({ name, lines = 100 }) {
  const target = path.resolve(LOG_ROOT, String(name));
  if (path.relative(LOG_ROOT, target).startsWith('..') || !target.startsWith(LOG_ROOT + path.sep)) {
    throw new Error('log file outside of log directory');
  }

  const realTarget = await fs.realpath(target);
  if (!realTarget.startsWith(LOG_ROOT + path.sep)) {
    throw new Error('log file outside of log directory');
  }

  const text = await fs.readFile(realTarget, 'utf8');
  const all = text.split('\n');
  const n = Math.max(1, Math.min(Number(lines) || 100, 5000));
  return all.slice(-n).join('\n');
}

module.exports = { tailLog };
