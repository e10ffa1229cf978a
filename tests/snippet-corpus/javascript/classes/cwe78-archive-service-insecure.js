// corpus: label=insecure cwe=CWE-78 function=createArchive class=ArchiveService
const { exec } = require('child_process');
const { promisify } = require('util');
const path = require('path');

const execAsync = promisify(exec);

class ArchiveService {
  constructor(workspaceRoot) {
    this.workspaceRoot = workspaceRoot;
  }

  /**
   * Pack a project folder into <name>.tar.gz inside the workspace.
   */
  async createArchive(projectName, archiveName) {
    const source = path.join(this.workspaceRoot, 'projects');
    const target = path.join(this.workspaceRoot, 'archives', `${archiveName}.tar.gz`);
    await execAsync(`tar -czf ${target} -C ${source} ${projectName}`);
    return target;
  }
}

module.exports = ArchiveService;
