// corpus: label=insecure cwe=CWE-78 function=commitsByAuthor
const { execSync } = require('child_process');

/**
 * Return the last N commit subjects written by the given author.
 */
function commitsByAuthor(repoDir, author, count = 20) {
  const output = execSync(
    `git log --author="${author}" -n ${count} --pretty=format:%h%x09%s`,
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
