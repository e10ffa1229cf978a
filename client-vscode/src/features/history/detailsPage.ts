// Renders one history entry as a self-contained HTML page. Everything from the server or the
// document is escaped, the page runs no script, and the CSP forbids anything but its own inline
// styles, so evaluated code (which is untrusted by definition) cannot act inside the webview.
import type { HistoryEntry, HistoryFinding, HistoryTest } from '../../infrastructure/protocol';
import { entryTooltip, fileLabel, sourceLabel, verdictIcon } from './historyModel';

export function escapeHtml(value: unknown): string {
  const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `img-src ${cspSource}`,
    "script-src 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function renderDetailsPage(entry: HistoryEntry, cspSource: string, nonce: string): string {
  const summary = entry.summary;
  const icon = verdictIcon(summary.verdict);
  const sections = [
    section('Summary', summaryTable(entry)),
    entry.failure ? section('Failure', `<pre>${escapeHtml(entry.failure)}</pre>`) : '',
    section('Code', entry.code ? `<pre class="code">${escapeHtml(entry.code)}</pre>` : '<p class="muted">No code stored.</p>'),
    section('Tests', testsTable(entry.tests)),
    section('Findings', findingsList(entry.findings)),
    section('Evidence', linesBlock(entry.evidence, 'evidence', 'No evidence recorded.')),
    section('Trace', linesBlock(entry.traceLines, 'trace', 'No trace stored.') + (entry.traceTruncated ? '<p class="muted">Trace truncated by the server.</p>' : '')),
    // The server's HTML escapes any raw HTML in the report; without it (an older server) the Markdown is shown as text.
    section('Report', entry.reportHtml ? `<div class="report">${entry.reportHtml}</div>` : entry.report ? `<pre class="report">${escapeHtml(entry.report)}</pre>` : '<p class="muted">No report.</p>'),
  ].filter((html) => html.length > 0);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(`DualGauge #${summary.id}`)}</title>
<style nonce="${escapeHtml(nonce)}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em 2em; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; border-bottom: 1px solid var(--vscode-panel-border); padding-bottom: .2em; }
table { border-collapse: collapse; } td, th { text-align: left; padding: .2em .8em .2em 0; vertical-align: top; }
pre { background: var(--vscode-textCodeBlock-background); padding: .6em; overflow-x: auto; white-space: pre-wrap; }
.verdict-secure { color: var(--vscode-testing-iconPassed); } .verdict-insecure, .verdict-error { color: var(--vscode-errorForeground); }
.verdict-broken { color: var(--vscode-editorWarning-foreground); } .muted, .verdict-notMatched, .verdict-notJudged { color: var(--vscode-descriptionForeground); }
.fail { color: var(--vscode-errorForeground); } .pass { color: var(--vscode-testing-iconPassed); }
</style>
</head>
<body>
<h1 id="verdict" class="verdict-${escapeHtml(summary.verdict)}">${escapeHtml(icon.label)} — ${escapeHtml(fileLabel(summary.uri))}:${summary.range.start.line + 1}</h1>
${sections.join('\n')}
</body>
</html>`;
}

function section(title: string, body: string): string {
  return `<section data-section="${escapeHtml(title.toLowerCase())}"><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

function summaryTable(entry: HistoryEntry): string {
  const summary = entry.summary;
  const rows: [string, string][] = [
    ['Verdict', verdictIcon(summary.verdict).label],
    ['Headline', summary.headline ?? ''],
    ['CWEs found', (summary.cwes ?? []).join(', ')],
    ['CWEs tested', (summary.cwesTested ?? []).join(', ')],
    ['Re-runs', summary.reruns ? String(summary.reruns) : ''],
    ['Document', summary.uri],
    ['Lines', `${summary.range.start.line + 1}–${summary.range.end.line + 1}`],
    ['Function', entry.functionName ?? ''],
    ['Language', summary.language],
    ['Source', sourceLabel(summary.source)],
    ['Match', `${summary.matchKind}${summary.template ? ` (${summary.template})` : ''}, confidence ${Math.round(summary.confidence * 100)}%`],
    ['Why this match', entry.matchReason ?? ''],
    ['Functional', passLabel(summary.functionalPass)],
    ['Security', passLabel(summary.securePass)],
    ['Failed tests', summary.failedTests.length ? summary.failedTests.join(', ') : 'none'],
    ['Evaluated', summary.time],
    ['Code hash', summary.codeHash],
  ];
  return `<table title="${escapeHtml(entryTooltip(summary))}">${rows.filter(([, v]) => v.length > 0).map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`;
}

function passLabel(value: boolean | null): string {
  return value === null ? 'not run' : value ? 'pass' : 'fail';
}

function testsTable(tests: HistoryTest[] | undefined): string {
  if (!Array.isArray(tests) || tests.length === 0) {
    return '<p class="muted">No tests ran.</p>';
  }
  const rows = tests.map((t) =>
    `<tr><td class="${t.passed ? 'pass' : 'fail'}">${escapeHtml(t.status)}</td><td>${escapeHtml(t.kind)}</td><td>${escapeHtml(t.id)}</td><td>${escapeHtml(t.cwe ?? '')}</td><td>${escapeHtml(t.message)}</td><td>${escapeHtml(Number.isFinite(t.durationMs) ? `${Math.round(t.durationMs)} ms` : '')}</td></tr>`);
  return `<table id="tests"><tr><th>Status</th><th>Kind</th><th>Test</th><th>CWE</th><th>Message</th><th>Time</th></tr>${rows.join('')}</table>`;
}

function findingsList(findings: HistoryFinding[] | undefined): string {
  if (!Array.isArray(findings) || findings.length === 0) {
    return '<p class="muted">No findings.</p>';
  }
  return `<ul>${findings.map((f) => {
    const head = [f.cwe, f.testId].filter((x) => typeof x === 'string' && x.length > 0).join(' · ');
    const details = [
      f.expected !== null && f.expected !== undefined ? `expected ${f.expected}` : '',
      f.actual !== null && f.actual !== undefined ? `got ${f.actual}` : '',
    ].filter((x) => x.length > 0).join(', ');
    return `<li>${head ? `<strong>${escapeHtml(head)}</strong>: ` : ''}${escapeHtml(f.message)}${details ? ` <span class="muted">(${escapeHtml(details)})</span>` : ''}</li>`;
  }).join('')}</ul>`;
}

function linesBlock(lines: string[] | undefined, cssClass: string, none: string): string {
  if (!Array.isArray(lines) || lines.length === 0) {
    return `<p class="muted">${escapeHtml(none)}</p>`;
  }
  return `<pre class="${cssClass}">${lines.map((line) => escapeHtml(line)).join('\n')}</pre>`;
}
