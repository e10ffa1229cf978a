import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import { panelTitle, renderReportPage } from './reportPage';

/**
 * One webview panel per report (an evaluation, a remediation note): showing the same report again
 * reveals its panel with fresh content, a different report gets its own panel, so a panel never
 * shows another report's text. No Untitled documents, no save prompts.
 */
export class ReportPanels implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();

  show(key: string, title: string, html: string): vscode.WebviewPanel {
    let panel = this.panels.get(key);
    if (!panel) {
      panel = vscode.window.createWebviewPanel('dualgauge.report', panelTitle(title), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
        enableScripts: false,
        enableCommandUris: false,
        localResourceRoots: [],
      });
      this.panels.set(key, panel);
      const created = panel;
      panel.onDidDispose(() => {
        if (this.panels.get(key) === created) {
          this.panels.delete(key);
        }
      });
    }
    panel.title = panelTitle(title);
    const nonce = crypto.randomBytes(16).toString('base64');
    panel.webview.html = renderReportPage(title, html, panel.webview.cspSource, nonce);
    panel.reveal(undefined, false);
    return panel;
  }

  /** Open panels whose key starts with the prefix (e.g. "report:12"), to refresh after a re-run. */
  isOpen(key: string): boolean {
    return this.panels.has(key);
  }

  get openKeys(): string[] {
    return [...this.panels.keys()];
  }

  dispose(): void {
    for (const panel of this.panels.values()) {
      panel.dispose();
    }
    this.panels.clear();
  }
}
