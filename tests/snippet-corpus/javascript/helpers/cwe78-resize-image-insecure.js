// corpus: label=insecure cwe=CWE-78 function=resizeImage
const { exec } = require('child_process');
const path = require('path');

/**
 * Create a thumbnail with ImageMagick.
 * @param {{ input: string, width?: number, height?: number, outDir?: string }} options
 * @returns {Promise<string>} path of the generated thumbnail
 */
function resizeImage({ input, width = 200, height = 200, outDir = '/tmp/thumbs' }) {
  const output = path.join(outDir, `thumb_${path.basename(input)}`);
  const cmd = `convert "${input}" -resize ${width}x${height} "${output}"`;

  return new Promise((resolve, reject) => {
    exec(cmd, (err, _stdout, stderr) => {
      if (err) {
        reject(new Error(`convert failed: ${stderr || err.message}`));
        return;
      }
      resolve(output);
    });
  });
}

module.exports = { resizeImage };
