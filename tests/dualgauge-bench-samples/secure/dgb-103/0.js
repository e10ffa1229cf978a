const { execFileSync } = require('child_process');

function count_words(path) {
  const out = execFileSync('wc', ['-w', '--', path], { encoding: 'utf8' });
  return parseInt(out.trim().split(/\s+/)[0], 10);
}
module.exports = { count_words };
