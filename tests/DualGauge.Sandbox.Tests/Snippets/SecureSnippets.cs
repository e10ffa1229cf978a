using DualGauge.Core.Tasks;

namespace DualGauge.Sandbox.Tests.Snippets;

/// <summary>Secure counterparts of the vulnerable snippets: each must pass every generated probe (no false positive).</summary>
public static class SecureSnippets
{
    public sealed record Case(Language Language, string Template, string Code)
    {
        public override string ToString() => $"{Language.Id()}:{Template}";
    }

    public static IReadOnlyList<Case> All { get; } =
    [
        new(Language.Python, "shell", """
            import subprocess

            def ping(host):
                return subprocess.run(["ping", "-c", "1", host], capture_output=True).returncode
            """),
        new(Language.Python, "path", """
            import os

            BASE_DIR = "/srv/reports"

            def read_report(filename):
                base = os.path.realpath(BASE_DIR)
                path = os.path.realpath(os.path.join(base, filename))
                if not path.startswith(base + os.sep):
                    raise ValueError("outside the reports folder")
                with open(path) as f:
                    return f.read()
            """),
        new(Language.Python, "archive", """
            import os
            import zipfile

            def extract(archive_path, dest_dir):
                root = os.path.realpath(dest_dir)
                with zipfile.ZipFile(archive_path) as z:
                    for member in z.namelist():
                        target = os.path.realpath(os.path.join(root, member))
                        if not target.startswith(root + os.sep):
                            continue
                        with open(target, "wb") as out:
                            out.write(z.read(member))
            """),
        new(Language.Python, "deserialization", """
            import base64
            import json
            import pickle

            def load_session(cookie: str):
                # pickle.loads was used here once; JSON only now.
                return json.loads(base64.b64decode(cookie))
            """),
        new(Language.Python, "code-eval", """
            import re

            def calculate(expression):
                if not re.fullmatch(r"[0-9+*/(). -]+", expression):
                    raise ValueError("only arithmetic")
                return eval(expression, {"__builtins__": {}})
            """),
        new(Language.Python, "url-fetch", """
            import urllib.request
            from urllib.parse import urlparse

            ALLOWED = {"example.com"}

            def preview(url):
                parsed = urlparse(url)
                if parsed.scheme != "https" or parsed.hostname not in ALLOWED:
                    raise ValueError("host not allowed")
                with urllib.request.urlopen(url, timeout=2) as response:
                    return response.read(200)
            """),
        new(Language.Python, "redirect", """
            def login_redirect(next_url):
                if not next_url.startswith("/") or next_url.startswith("//"):
                    next_url = "/"
                return {"Location": next_url}
            """),
        new(Language.Python, "html", """
            import html

            def greeting(name):
                return f"<p>Hello {html.escape(name)}</p>"
            """),
        new(Language.Python, "randomness", """
            import secrets

            def make_token(length=16):
                return secrets.token_urlsafe(length)
            """),
        new(Language.Python, "password-hash", """
            import hashlib
            import os

            def hash_password(password):
                salt = os.urandom(16)
                digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 10000)
                return salt.hex() + "$" + digest.hex()
            """),
        new(Language.Python, "regex", """
            import re

            def valid_name(value):
                return re.match(r"^[a-z]+$", value) is not None
            """),
        new(Language.JavaScript, "sql", """
            async function findUser(db, name) {
              return db.query('SELECT * FROM users WHERE name = ?', [name]);
            }
            """),
        new(Language.JavaScript, "html", """
            const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

            function greeting(name) {
              return `<p>Hello ${escapeHtml(name)}</p>`;
            }
            """),
        new(Language.JavaScript, "randomness", """
            const crypto = require('crypto');

            function makeToken() {
              return crypto.randomBytes(16).toString('hex');
            }
            """),
        new(Language.JavaScript, "redirect", """
            function afterLogin(req, res) {
              const next = req.query.next;
              res.redirect(typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/');
            }
            """),
        new(Language.JavaScript, "shell", """
            const { execFile } = require('child_process');

            function ping(host, callback) {
              execFile('ping', ['-c', '1', host], callback);
            }
            """),
        new(Language.JavaScript, "path", """
            const fs = require('fs');
            const path = require('path');

            const REPORTS_DIR = path.join(__dirname, 'reports');

            function readReport(filename) {
              const file = path.resolve(REPORTS_DIR, filename);
              if (!file.startsWith(REPORTS_DIR + path.sep)) {
                throw new Error('outside the reports folder');
              }
              return fs.readFileSync(file, 'utf8');
            }
            """),
        new(Language.JavaScript, "code-eval", """
            function calculate(expression) {
              if (!/^[0-9+*\/(). -]+$/.test(expression)) {
                throw new Error('only arithmetic');
              }
              return Function(`"use strict"; return (${expression});`)();
            }
            """),
        new(Language.JavaScript, "url-fetch", """
            const ALLOWED = new Set(['api.example.com']);

            async function preview(url) {
              const target = new URL(url);
              if (target.protocol !== 'https:' || !ALLOWED.has(target.hostname)) {
                throw new Error('host not allowed');
              }
              const res = await fetch(target);
              return (await res.text()).slice(0, 200);
            }
            """),
        new(Language.JavaScript, "password-hash", """
            const crypto = require('crypto');

            function hashPassword(password) {
              const salt = crypto.randomBytes(16);
              const key = crypto.scryptSync(password, salt, 32);
              return `${salt.toString('hex')}:${key.toString('hex')}`;
            }
            """),
        new(Language.JavaScript, "regex", """
            function validName(value) {
              return /^[a-z]+$/.test(value);
            }
            """),
        new(Language.C, "format-string", """
            #include <stdio.h>

            void log_message(const char *msg)
            {
                printf("%s\n", msg);
            }
            """),
        new(Language.Python, "header-injection", """
            import re

            def download_headers(filename):
                safe = re.sub(r'[^A-Za-z0-9._-]', "_", filename)
                return {"Content-Type": "text/csv", "Content-Disposition": f'attachment; filename="{safe}"'}
            """),
        new(Language.Python, "log-injection", """
            import logging

            log = logging.getLogger("auth")

            def record_failed_login(username):
                log.warning("login failed for %r", username)
            """),
        new(Language.Python, "file-permissions", """
            import os

            def share_file(filename):
                os.chmod(filename, 0o640)
                return filename
            """),
        new(Language.Python, "crypto-mode", """
            import os

            from cryptography.hazmat.primitives.ciphers.aead import AESGCM

            def encrypt_blocks(data: bytes, key: bytes):
                nonce = os.urandom(12)
                return nonce + AESGCM(key).encrypt(nonce, data, None)
            """),
        new(Language.Python, "jwt-verify", """
            import jwt

            SECRET = "s3cret-signing-key"

            def current_user(token):
                try:
                    return jwt.decode(token, SECRET, algorithms=["HS256"])["sub"]
                except jwt.PyJWTError:
                    return None
            """),
        new(Language.Python, "temp-file", """
            import tempfile

            def write_report(text):
                with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
                    f.write(text)
                    return f.name
            """),
        new(Language.JavaScript, "header-injection", """
            const THEMES = new Set(['light', 'dark']);
            function themeCookie(theme) {
              return 'Set-Cookie: theme=' + (THEMES.has(theme) ? theme : 'light') + '; Path=/';
            }
            module.exports = { themeCookie };
            """),
        new(Language.JavaScript, "log-injection", """
            function logLogin(user) {
              console.log(JSON.stringify({ event: 'login_failed', user }));
            }
            module.exports = { logLogin };
            """),
        new(Language.JavaScript, "crypto-mode", """
            const crypto = require('crypto');
            function encryptField(text, key) {
              const iv = crypto.randomBytes(12);
              const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
              const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
              return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('hex');
            }
            module.exports = { encryptField };
            """),
        new(Language.JavaScript, "prototype-pollution", """
            function deepMerge(target, source) {
              for (const key of Object.keys(source)) {
                if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
                if (source[key] && typeof source[key] === 'object') {
                  if (!Object.prototype.hasOwnProperty.call(target, key) || typeof target[key] !== 'object') target[key] = {};
                  deepMerge(target[key], source[key]);
                } else {
                  target[key] = source[key];
                }
              }
              return target;
            }
            module.exports = { deepMerge };
            """),
    ];

    public static IEnumerable<object[]> Rows => All.Select(c => new object[] { c });
}
