// Types and method names of the DualGauge custom protocol (see the language server's contract).
// Kept free of the vscode module so the client's logic can be tested in plain Node.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Verdict = 'secure' | 'insecure' | 'broken' | 'notMatched' | 'notJudged' | 'error';

export type InsertionSource = 'inlineSuggestion' | 'chat' | 'largeInsertion';

export interface AiInsertionParams {
  textDocument: { uri: string; version: number };
  range: Range;
  source: InsertionSource;
}

export interface HistoryEntrySummary {
  id: number;
  time: string;
  uri: string;
  range: Range;
  source: string;
  language: string;
  template: string | null;
  matchKind: 'benchTask' | 'template' | 'none';
  confidence: number;
  verdict: Verdict;
  functionalPass: boolean | null;
  securePass: boolean | null;
  failedTests: string[];
  codeHash: string;
  /** The evaluated function, when the code has one. */
  function?: string;
  /** CWEs a probe proved. */
  cwes?: string[];
  /** CWE classes whose probes reached the code. */
  cwesTested?: string[];
  /** Times the same code was evaluated again after the entry was first written. */
  reruns?: number;
  /** Proved CWEs a scoped marker accepts, with its reason: "CWE-89: codes come from our own vouchers". */
  accepted?: string[];
  /** "SQL injection (CWE-89) in find_user", "find_user: secure against CWE-89 · 3/3 tests". */
  headline?: string;
  durationMs?: number;
}

/** The answer of dualgauge.showReport and dualgauge.showRemediation. */
export interface MarkdownResult {
  markdown: string;
  /** The same text as HTML; the server escapes any raw HTML in it. */
  html?: string;
  title?: string;
  historyId?: number;
}

export interface HistoryTest {
  id: string;
  kind: string;
  status: string;
  passed: boolean;
  message: string;
  cwe: string | null;
  durationMs: number;
}

export interface HistoryFinding {
  kind: string;
  testId: string;
  cwe: string | null;
  message: string;
  line: number | null;
  relatedLine: number | null;
  expected: string | null;
  actual: string | null;
}

/** One history entry in full (`dualgauge/history/get`), as the server's protocol records define it. */
export interface HistoryEntry {
  summary: HistoryEntrySummary;
  code: string;
  matchReason: string;
  functionName?: string;
  failure?: string;
  tests: HistoryTest[];
  findings: HistoryFinding[];
  /** One line per trace event an oracle cited. */
  evidence: string[];
  /** The raw trace (JSON lines), capped by the server. */
  traceLines: string[];
  traceTruncated?: boolean;
  report: string;
  /** The report as HTML (raw HTML in it escaped by the server). */
  reportHtml?: string;
}

export interface HistoryListParams {
  offset?: number;
  limit?: number;
  uri?: string;
  verdict?: Verdict;
  source?: string;
  search?: string;
}

export interface HistoryListResult {
  items: HistoryEntrySummary[];
  total: number;
}

export type ServerState = 'starting' | 'ready' | 'evaluating' | 'dockerUnavailable';

export interface StatusParams {
  state: ServerState;
  pending: number;
  message: string;
  fix?: string;
}

export interface HistoryChangedParams {
  reason: 'added' | 'updated' | 'cleared';
  id?: number;
}

export const Methods = {
  aiInsertion: 'dualgauge/aiInsertion',
  historyList: 'dualgauge/history/list',
  historyGet: 'dualgauge/history/get',
  historyRerun: 'dualgauge/history/rerun',
  historyClear: 'dualgauge/history/clear',
  historyChanged: 'dualgauge/historyChanged',
  status: 'dualgauge/status',
} as const;

/** Commands the server runs through workspace/executeCommand. */
export const ServerCommands = {
  evaluateSelection: 'dualgauge.evaluateSelection',
  evaluateFile: 'dualgauge.evaluateFile',
  rerun: 'dualgauge.rerun',
  showReport: 'dualgauge.showReport',
  showRemediation: 'dualgauge.showRemediation',
} as const;

/** The slice of the language client the features use; a fake implements it in tests. */
export interface ServerChannel {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
  sendNotification(method: string, params: unknown): Promise<void>;
  executeCommand<R>(command: string, args: unknown[]): Promise<R>;
}

export interface Disposable {
  dispose(): void;
}
