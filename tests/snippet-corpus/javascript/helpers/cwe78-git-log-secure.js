// corpus: label=secure cwe=CWE-78 function=commitsByAuthor
const { execFileSync } = require('child_process');

/**
 * Return the last N commit subjects written by the given author.
 */
function commitsByAuthor(repoDir, author, count = 20) {
  const n = Math.max(1, Math.min(Number.parseInt(count, 10) || 20, 500));
  const output = execFileSync(
    'git',
    ['log', `--author=${author}`, '-n', String(n), '--pretty=format:%h%x09%s'],
    { cwd: repoDir, encoding: 'utf8' }
  );

  return output
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [hash, subject] = line.split('\t');
      return { hash, subject };
    });
}

module.exports = { commitsByAuthor };
