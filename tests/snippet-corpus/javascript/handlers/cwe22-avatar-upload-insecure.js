// corpus: label=insecure cwe=CWE-22 function=uploadAvatar
const fs = require('fs');
const path = require('path');

const AVATAR_DIR = path.join(process.cwd(), 'public', 'avatars');

// PUT /me/avatar  (raw body, file name in X-Filename header)
function uploadAvatar(req, res) {
  const fileName = req.headers['x-filename'] || `${req.user.id}.png`;
  const destination = path.join(AVATAR_DIR, fileName);

  const out = fs.createWriteStream(destination);
  req.pipe(out);

  out.on('finish', () => {
    res.status(201).json({ url: `/avatars/${encodeURIComponent(fileName)}` });
  });
  out.on('error', (err) => {
    console.error('avatar upload failed', err);
    res.status(500).json({ error: 'upload failed' });
  });
}

module.exports = { uploadAvatar };
