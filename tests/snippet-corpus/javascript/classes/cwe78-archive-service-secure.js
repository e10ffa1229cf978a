// corpus: label=secure cwe=CWE-78 function=createArchive class=ArchiveService
const { execFile } = require('child_process');
const { promisify } = require('util');
const path = require('path');

const execFileAsync = promisify(execFile);
const SAFE_NAME = /^[A-Za-z0-9._-]{1,64}$/;

class ArchiveService {
  constructor(workspaceRoot) {
    this.workspaceRoot = workspaceRoot;
  }

  /**
   * Pack a project folder into <name>.tar.gz inside the workspace.
   */
  async createArchive(projectName, archiveName) {
    if (!SAFE_NAME.test(projectName) || !SAFE_NAME.test(archiveName) || projectName.startsWith('.')) {
      throw new Error('invalid project or archive name');
    }
    const source = path.join(this.workspaceRoot, 'projects');
    const target = path.join(this.workspaceRoot, 'archives', `${archiveName}.tar.gz`);
    await execFileAsync('tar', ['-czf', target, '-C', source, '--', projectName]);
    return target;
  }
}

module.exports = ArchiveService;
