// corpus: label=secure cwe=CWE-22 function=uploadAvatar
const fs = require('fs');
const path = require('path');

const AVATAR_DIR = path.join(process.cwd(), 'public', 'avatars');
const ALLOWED_EXT = new Set(['.png', '.jpg', '.jpeg', '.webp']);

// PUT /me/avatar  (raw body, file name in X-Filename header)
function uploadAvatar(req, res) {
  const requested = path.basename(String(req.headers['x-filename'] || 'avatar.png'));
  const ext = path.extname(requested).toLowerCase();
  if (!ALLOWED_EXT.has(ext)) {
    return res.status(415).json({ error: 'unsupported image type' });
  }

  // The stored name is derived from the user id, never from the client.
  const fileName = `${String(req.user.id).replace(/[^A-Za-z0-9_-]/g, '')}${ext}`;
  const destination = path.join(AVATAR_DIR, fileName);

  const out = fs.createWriteStream(destination);
  req.pipe(out);
  out.on('finish', () => res.status(201).json({ url: `/avatars/${fileName}` }));
  out.on('error', () => res.status(500).json({ error: 'upload failed' }));
}

module.exports = { uploadAvatar };
