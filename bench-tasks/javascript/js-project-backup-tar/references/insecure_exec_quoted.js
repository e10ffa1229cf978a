'use strict';
const { exec } = require('child_process');
const path = require('path');

function backupProject(workspaceDir, project, outDir) {
  const archive = path.resolve(outDir, `${project}.tar.gz`);
  return new Promise((resolve, reject) => {
    exec(`tar -czf "${archive}" -C "${workspaceDir}" "${project}"`, { cwd: workspaceDir }, (err) => {
      if (err) return reject(err);
      resolve(archive);
    });
  });
}

module.exports = { backupProject };
