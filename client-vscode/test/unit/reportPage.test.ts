import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { panelTitle, renderReportPage } from '../../src/features/reports/reportPage';

describe('reportPage', () => {
  it('renderReportPage_ServerHtml_InThemeStyledPageWithNoScriptAllowed', () => {
    const html = renderReportPage('DualGauge report #3: SQL injection (CWE-89) in find_user', '<h1>DualGauge evaluation #3</h1><table><tr><td>✓ pass</td></tr></table>', 'vscode-resource:', 'abc123');
    assert.match(html, /<main id="report">\n<h1>DualGauge evaluation #3<\/h1>/);
    assert.match(html, /script-src &#39;none&#39;/, 'the CSP forbids scripts');
    assert.match(html, /style-src &#39;nonce-abc123&#39;/);
    assert.match(html, /<style nonce="abc123">/);
    assert.match(html, /var\(--vscode-editor-background\)/, 'colours come from the theme');
    assert.ok(!/<script/i.test(html), 'the page carries no script');
    assert.match(html, /<title>DualGauge report #3: SQL injection \(CWE-89\) in find_user<\/title>/);
  });

  it('renderReportPage_TitleWithMarkup_IsEscaped', () => {
    assert.match(renderReportPage('<img src=x>', '', 'c', 'n'), /<title>&#60;img src=x&#62;<\/title>/);
  });

  it('panelTitle_Long_IsCutForATab', () => {
    assert.equal(panelTitle('x'.repeat(80)).length, 60);
    assert.equal(panelTitle('short'), 'short');
  });
});
