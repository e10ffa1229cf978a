// corpus: label=insecure cwe=CWE-918 function=importFromUrl class=ImageImporter
const BLOCKED_HOSTS = ['localhost', '127.0.0.1'];

class ImageImporter {
  constructor(storage, { maxBytes = 5 * 1024 * 1024 } = {}) {
    this.storage = storage;
    this.maxBytes = maxBytes;
  }

  /** Import a product image from a URL pasted by a merchant. */
  async importFromUrl(imageUrl) {
    const url = new URL(imageUrl);
    if (!['http:', 'https:'].includes(url.protocol)) {
      throw new Error('only http(s) urls are supported');
    }
    if (BLOCKED_HOSTS.includes(url.hostname)) {
      throw new Error('internal addresses are not allowed');
    }

    const response = await fetch(url);
    if (!response.ok) throw new Error(`download failed with ${response.status}`);
    const buffer = Buffer.from(await response.arrayBuffer());
    if (buffer.length > this.maxBytes) throw new Error('image too large');

    return this.storage.save(buffer, response.headers.get('content-type'));
  }
}

module.exports = ImageImporter;
