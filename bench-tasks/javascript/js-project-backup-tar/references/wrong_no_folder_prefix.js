'use strict';
const { execFile } = require('child_process');
const path = require('path');

function backupProject(workspaceDir, project, outDir) {
  const archive = path.resolve(outDir, `${project}.tar.gz`);
  return new Promise((resolve, reject) => {
    execFile('tar', ['-czf', archive, '-C', path.join(workspaceDir, project), '.'], (err) => (err ? reject(err) : resolve(archive)));
  });
}

module.exports = { backupProject };
