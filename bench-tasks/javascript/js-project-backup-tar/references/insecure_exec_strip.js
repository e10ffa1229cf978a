'use strict';
const { exec } = require('child_process');
const util = require('util');
const path = require('path');

const run = util.promisify(exec);

async function backupProject(workspaceDir, project, outDir) {
  const clean = project.replace(/[;&|]/g, '');
  const archive = path.resolve(outDir, `${clean}.tar.gz`);
  await run(`tar -czf "${archive}" -C "${workspaceDir}" "${clean}"`, { cwd: workspaceDir });
  return archive;
}

module.exports = { backupProject };
