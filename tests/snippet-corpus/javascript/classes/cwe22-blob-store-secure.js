// corpus: label=secure cwe=CWE-22 function=get class=LocalBlobStore
const fs = require('fs/promises');
const path = require('path');

/** Very small key/value blob store backed by the local file system. */
class LocalBlobStore {
  constructor(rootDir) {
    this.rootDir = path.resolve(rootDir);
  }

  #resolveKey(key) {
    const file = path.resolve(this.rootDir, String(key));
    if (!file.startsWith(this.rootDir + path.sep)) {
      throw new Error(`invalid blob key: ${key}`);
    }
    return file;
  }

  async get(key) {
    const file = this.#resolveKey(key);
    try {
      return await fs.readFile(file);
    } catch (err) {
      if (err.code === 'ENOENT') return null;
      throw err;
    }
  }
}

module.exports = LocalBlobStore;
