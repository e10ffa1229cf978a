import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentSecurityPolicy, escapeHtml, renderDetailsPage } from '../../src/features/history/detailsPage';
import type { HistoryEntry } from '../../src/infrastructure/protocol';

const hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">';

const entry: HistoryEntry = {
  summary: {
    id: 12, time: '2026-11-25T10:00:00Z', uri: 'file:///ws/app.py',
    range: { start: { line: 2, character: 0 }, end: { line: 6, character: 0 } },
    source: 'selection', language: 'python', template: 'py-sql-user-lookup', matchKind: 'benchTask', confidence: 0.8,
    verdict: 'insecure', functionalPass: true, securePass: false, failedTests: ['tautology_in_username'], codeHash: 'deadbeef',
  },
  code: `def find_user(conn, name):\n    return conn.execute(f"SELECT * FROM users WHERE name = '{name}'")  # ${hostile}`,
  matchReason: `entry point find_user and signature match ${hostile}`,
  functionName: 'find_user',
  tests: [{ id: 'tautology_in_username', kind: 'security', passed: false, status: 'fail', cwe: 'CWE-89', message: hostile, durationMs: 12.4 }],
  findings: [{ kind: 'security', cwe: 'CWE-89', testId: 'tautology_in_username', message: "The payload ' OR '1'='1 reached SQLite", line: 2, relatedLine: null, expected: null, actual: null }],
  evidence: [`sql: SELECT * FROM users WHERE name = '' OR '1'='1'`],
  traceLines: ['{"ev":"sql","statement":"SELECT 1"}', '{"ev":"end"}'],
  traceTruncated: true,
  report: `# Report\n${hostile}`,
};

describe('renderDetailsPage', () => {
  const html = renderDetailsPage(entry, 'vscode-webview://abc', 'n0nce');

  it('renderDetailsPage_HostileContent_NeverEmitsRawTags', () => {
    assert.equal(html.includes('<script'), false);
    assert.equal(html.includes('<img'), false);
    assert.ok(html.includes('&#60;script&#62;alert(1)&#60;/script&#62;'));
  });

  it('renderDetailsPage_Always_CarriesStrictCsp', () => {
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;nonce-n0nce&#39;/);
    assert.match(html, /script-src &#39;none&#39;/);
    assert.match(html, /<style nonce="n0nce">/);
  });

  it('renderDetailsPage_FullEntry_ShowsTestsFindingsEvidenceAndTrace', () => {
    for (const section of ['summary', 'code', 'tests', 'findings', 'evidence', 'trace', 'report']) {
      assert.ok(html.includes(`data-section="${section}"`), section);
    }
    assert.match(html, /<td class="fail">fail<\/td><td>security<\/td><td>tautology_in_username<\/td><td>CWE-89<\/td>.*<td>12 ms<\/td>/);
    assert.ok(html.includes('CWE-89 · tautology_in_username'));
    assert.ok(html.includes('{&#34;ev&#34;:&#34;end&#34;}'));
    assert.ok(html.includes('Trace truncated by the server.'));
    assert.ok(html.includes('sql: SELECT * FROM users WHERE name = &#39;&#39; OR &#39;1&#39;=&#39;1&#39;'));
    assert.ok(html.includes('<th>Function</th><td>find_user</td>'));
    assert.match(html, /<h1 id="verdict" class="verdict-insecure">Insecure — app\.py:3<\/h1>/);
  });

  it('renderDetailsPage_SummaryOnly_SaysWhatIsMissing', () => {
    const bare: HistoryEntry = { ...entry, code: '', tests: [], findings: [], evidence: [], traceLines: [], traceTruncated: false, report: '' };
    const page = renderDetailsPage(bare, 'x', 'n');
    assert.ok(page.includes('No tests ran.'));
    assert.ok(page.includes('No findings.'));
    assert.ok(page.includes('No trace stored.'));
    assert.ok(page.includes('No evidence recorded.'));
    assert.ok(page.includes('No code stored.'));
    assert.equal(page.includes('Trace truncated'), false);
  });
});

describe('escapeHtml', () => {
  it('escapeHtml_SpecialCharacters_AllEscaped', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&\`</a>`), '&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#96;&#60;/a&#62;');
  });

  it('escapeHtml_NullOrNumber_Text', () => {
    assert.equal(escapeHtml(null), '');
    assert.equal(escapeHtml(42), '42');
  });

  it('contentSecurityPolicy_Always_DeniesByDefault', () => {
    assert.match(contentSecurityPolicy('src', 'n'), /^default-src 'none'/);
  });
});
