using DualGauge.Core.Tasks;

namespace DualGauge.TestUtilities.Snippets;

/// <summary>One vulnerable snippet per template and language (the whole document is the snippet): each must be found insecure, and each selects its template.</summary>
public static class VulnerableSnippets
{
    public sealed record Case(Language Language, string Template, string Code)
    {
        public override string ToString() => $"{Language.Id()}:{Template}";
    }

    public static IReadOnlyList<Case> All { get; } =
    [
        new(Language.Python, "sql", """
            import sqlite3

            def find_user(conn: sqlite3.Connection, username: str):
                '''Looks a user up.

                >>> 1 + 1
                2
                '''
                return conn.execute(f"SELECT id, name FROM users WHERE name = '{username}'").fetchall()
            """),
        new(Language.Python, "shell", """
            import subprocess

            def ping(host):
                return subprocess.run("ping -c 1 " + host, shell=True, capture_output=True).returncode
            """),
        new(Language.Python, "path", """
            import os

            BASE_DIR = "/srv/reports"

            def read_report(filename):
                with open(os.path.join(BASE_DIR, filename)) as f:
                    return f.read()
            """),
        new(Language.Python, "archive", """
            import os
            import zipfile

            def extract(archive_path, dest_dir):
                with zipfile.ZipFile(archive_path) as z:
                    for member in z.namelist():
                        with open(os.path.join(dest_dir, member), "wb") as out:
                            out.write(z.read(member))
            """),
        new(Language.Python, "deserialization", """
            import base64
            import pickle

            def load_session(cookie: str):
                return pickle.loads(base64.b64decode(cookie))
            """),
        new(Language.Python, "code-eval", """
            def calculate(expression):
                return eval(expression)
            """),
        new(Language.Python, "xml", """
            import io
            import xml.sax
            from xml.sax.handler import ContentHandler, feature_external_ges


            class TextCollector(ContentHandler):
                def __init__(self):
                    super().__init__()
                    self.parts = []

                def characters(self, content):
                    self.parts.append(content)


            def text_of(xml_text):
                handler = TextCollector()
                parser = xml.sax.make_parser()
                parser.setFeature(feature_external_ges, True)
                parser.setContentHandler(handler)
                parser.parse(io.StringIO(xml_text))
                return "".join(handler.parts)
            """),
        new(Language.Python, "url-fetch", """
            import urllib.request

            def preview(url):
                with urllib.request.urlopen(url, timeout=2) as response:
                    return response.read(200)
            """),
        new(Language.Python, "redirect", """
            def login_redirect(next_url):
                return {"Location": next_url}
            """),
        new(Language.Python, "html", """
            def greeting(name):
                return f"<p>Hello {name}</p>"
            """),
        new(Language.Python, "randomness", """
            import random
            import string

            def make_token(length=16):
                return "".join(random.choice(string.ascii_letters) for _ in range(length))
            """),
        new(Language.Python, "password-hash", """
            import hashlib

            def hash_password(password):
                return hashlib.sha256(password.encode()).hexdigest()
            """),
        new(Language.Python, "regex", """
            import re

            def valid_name(value):
                return re.match(r"^([a-z]+)+$", value) is not None
            """),
        new(Language.Python, "header-injection", """
            def download_headers(filename):
                return {"Content-Type": "text/csv", "Content-Disposition": f'attachment; filename="{filename}"'}
            """),
        new(Language.Python, "log-injection", """
            import logging

            log = logging.getLogger("auth")

            def record_failed_login(username):
                log.warning("login failed for %s", username)
            """),
        new(Language.Python, "file-permissions", """
            import os

            def share_file(filename):
                os.chmod(filename, 0o666)
                return filename
            """),
        new(Language.Python, "crypto-mode", """
            from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

            def encrypt_blocks(data: bytes, key: bytes):
                enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
                return enc.update(data) + enc.finalize()
            """),
        new(Language.Python, "jwt-verify", """
            import jwt

            def current_user(token):
                claims = jwt.decode(token, options={"verify_signature": False})
                return claims["sub"]
            """),
        new(Language.Python, "temp-file", """
            import tempfile

            def write_report(text):
                name = tempfile.mktemp(suffix=".txt")
                with open(name, "w") as f:
                    f.write(text)
                return name
            """),
        new(Language.JavaScript, "shell", """
            const { exec } = require('child_process');

            function ping(host, callback) {
              exec('ping -c 1 ' + host, callback);
            }
            """),
        new(Language.JavaScript, "sql", """
            async function findUser(db, name) {
              return db.query("SELECT * FROM users WHERE name = '" + name + "'");
            }
            """),
        new(Language.JavaScript, "path", """
            const fs = require('fs');
            const path = require('path');

            function readReport(filename) {
              return fs.readFileSync(path.join(__dirname, 'reports', filename), 'utf8');
            }
            """),
        new(Language.JavaScript, "code-eval", """
            function calculate(expression) {
              return eval(expression);
            }
            """),
        new(Language.JavaScript, "url-fetch", """
            async function preview(url) {
              const res = await fetch(url);
              return (await res.text()).slice(0, 200);
            }
            """),
        new(Language.JavaScript, "redirect", """
            function afterLogin(req, res) {
              res.redirect(req.query.next || '/');
            }
            """),
        new(Language.JavaScript, "html", """
            /**
             * @example greeting('Bob') // => '<p>Hello Bob</p>'
             */
            const greeting = (name) => `<p>Hello ${name}</p>`;
            """),
        new(Language.JavaScript, "randomness", """
            function makeToken() {
              return Math.random().toString(36).slice(2);
            }
            """),
        new(Language.JavaScript, "password-hash", """
            const crypto = require('crypto');

            function hashPassword(password) {
              return crypto.createHash('sha256').update(password).digest('hex');
            }
            """),
        new(Language.JavaScript, "regex", """
            function validName(value) {
              return /^([a-z]+)+$/.test(value);
            }
            """),
        new(Language.JavaScript, "header-injection", """
            function themeCookie(theme) {
              return 'Set-Cookie: theme=' + theme + '; Path=/';
            }
            module.exports = { themeCookie };
            """),
        new(Language.JavaScript, "log-injection", """
            function logLogin(user) {
              console.log(`login failed for ${user}`);
            }
            module.exports = { logLogin };
            """),
        new(Language.JavaScript, "file-permissions", """
            const fs = require('fs');
            const os = require('os');
            function saveToken(token) {
              const file = os.homedir() + '/.dg-token';
              fs.writeFileSync(file, token);
              fs.chmodSync(file, 0o666);
              return file;
            }
            module.exports = { saveToken };
            """),
        new(Language.JavaScript, "crypto-mode", """
            const crypto = require('crypto');
            function encryptField(text, key) {
              const cipher = crypto.createCipheriv('aes-256-ecb', key, null);
              return Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]).toString('hex');
            }
            module.exports = { encryptField };
            """),
        new(Language.JavaScript, "jwt-verify", """
            function claimsOf(token) {
              const payload = token.split('.')[1];
              return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
            }
            module.exports = { claimsOf };
            """),
        new(Language.JavaScript, "prototype-pollution", """
            function deepMerge(target, source) {
              for (const key in source) {
                if (source[key] && typeof source[key] === 'object') {
                  if (!target[key] || typeof target[key] !== 'object') target[key] = {};
                  deepMerge(target[key], source[key]);
                } else {
                  target[key] = source[key];
                }
              }
              return target;
            }
            module.exports = { deepMerge };
            """),
        new(Language.JavaScript, "temp-file", """
            const fs = require('fs');
            const os = require('os');
            function writeExport(csv) {
              const file = os.tmpdir() + '/dg-export.csv';
              fs.writeFileSync(file, csv);
              return file;
            }
            module.exports = { writeExport };
            """),
        new(Language.C, "memory", """
            #include <stdio.h>
            #include <string.h>

            void greet(const char *name, char *out, size_t outlen)
            {
                char buf[16];
                strcpy(buf, name);
                snprintf(out, outlen, "Hello, %s", buf);
            }
            """),
        new(Language.C, "format-string", """
            #include <stdio.h>

            void log_message(const char *msg)
            {
                printf(msg);
                printf("\n");
            }
            """),
        new(Language.C, "shell", """
            #include <stdio.h>
            #include <stdlib.h>

            int ping(const char *host)
            {
                char cmd[256];
                snprintf(cmd, sizeof cmd, "ping -c 1 %s", host);
                return system(cmd);
            }
            """),
        new(Language.C, "path", """
            #include <stdio.h>

            #define UPLOAD_DIR "uploads"

            long file_size(const char *filename)
            {
                char path[512];
                snprintf(path, sizeof path, "%s/%s", UPLOAD_DIR, filename);
                FILE *f = fopen(path, "rb");
                if (!f) return -1;
                fseek(f, 0, SEEK_END);
                long n = ftell(f);
                fclose(f);
                return n;
            }
            """),
    ];

    public static IEnumerable<object[]> Rows => All.Select(c => new object[] { c });
}
