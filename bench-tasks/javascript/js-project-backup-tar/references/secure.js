'use strict';
const { execFile } = require('child_process');
const fs = require('fs');
const path = require('path');

function backupProject(workspaceDir, project, outDir) {
  return new Promise((resolve, reject) => {
    const name = String(project);
    // A bare folder name: no separators, no "..", no leading dash that tar would read as an option.
    if (!name || name.includes('/') || name.includes('\0') || name === '.' || name === '..' || name.startsWith('-')) {
      return reject(new Error(`invalid project name ${JSON.stringify(name)}`));
    }
    const folder = path.join(workspaceDir, name);
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) return reject(new Error(`no project ${name}`));
    const archive = path.resolve(outDir, `${name}.tar.gz`);
    execFile('tar', ['-czf', archive, '-C', workspaceDir, '--', name], (err, stdout, stderr) => {
      if (err) return reject(new Error(`tar failed: ${stderr || err.message}`));
      resolve(archive);
    });
  });
}

module.exports = { backupProject };
