// corpus: label=secure cwe=CWE-78 function=resizeImage
const { spawn } = require('child_process');
const path = require('path');

/**
 * Create a thumbnail with ImageMagick.
 * @param {{ input: string, width?: number, height?: number, outDir?: string }} options
 * @returns {Promise<string>} path of the generated thumbnail
 */
function resizeImage({ input, width = 200, height = 200, outDir = '/tmp/thumbs' }) {
  const w = Number.parseInt(width, 10);
  const h = Number.parseInt(height, 10);
  if (!(w > 0 && w <= 4096 && h > 0 && h <= 4096)) {
    return Promise.reject(new Error('invalid dimensions'));
  }
  const output = path.join(outDir, `thumb_${path.basename(input)}`);

  return new Promise((resolve, reject) => {
    // No shell: every value is passed as its own argv entry.
    const child = spawn('convert', [path.resolve(input), '-resize', `${w}x${h}`, output]);
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`convert failed: ${stderr}`));
      resolve(output);
    });
  });
}

module.exports = { resizeImage };
