// corpus: label=insecure cwe=CWE-22 function=get class=LocalBlobStore
const fs = require('fs/promises');
const path = require('path');

/** Very small key/value blob store backed by the local file system. */
class LocalBlobStore {
  constructor(rootDir) {
    this.rootDir = rootDir;
  }

  async put(key, data) {
    const file = path.join(this.rootDir, key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, data);
  }

  async get(key) {
    const file = path.join(this.rootDir, key);
    try {
      return await fs.readFile(file);
    } catch (err) {
      if (err.code === 'ENOENT') return null;
      throw err;
    }
  }
}

module.exports = LocalBlobStore;
