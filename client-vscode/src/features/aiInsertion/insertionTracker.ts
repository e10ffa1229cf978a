// Decides which document changes are AI insertions. Runs on every keystroke, so it does work
// proportional to the change only (never to the document) and never awaits.
import type { AiInsertionParams, Position, Range } from '../../infrastructure/protocol';

export interface ChangeLike {
  range: Range;
  text: string;
}

export interface ChangeEventLike {
  document: { uri: string; version: number; languageId: string };
  contentChanges: readonly ChangeLike[];
  /** 1 = undo, 2 = redo (vscode.TextDocumentChangeReason). */
  reason?: number;
}

export interface TrackerOptions {
  enabled: boolean;
  /** A single insertion of at least this many lines counts as a large insertion; 0 turns it off. */
  largeInsertionThreshold: number;
  languages: readonly string[];
  /** How long an armed inline-suggestion accept waits for its document change. */
  acceptWindowMs: number;
}

interface ArmedAccept {
  uri: string;
  expiresAt: number;
}

export class InsertionTracker {
  private armed: ArmedAccept | undefined;

  constructor(private options: TrackerOptions) {}

  update(options: TrackerOptions): void {
    this.options = options;
  }

  /** Called just before the inline suggestion is committed: the next change to this document is the accept. */
  armInlineAccept(uri: string, now: number): void {
    this.armed = { uri, expiresAt: now + this.options.acceptWindowMs };
  }

  disarm(): void {
    this.armed = undefined;
  }

  get isArmed(): boolean {
    return this.armed !== undefined;
  }

  /** Returns the notification to send for this change, if it is an AI insertion. */
  onDidChange(event: ChangeEventLike, now: number): AiInsertionParams | undefined {
    const armed = this.armed;
    const isAccept = armed !== undefined && armed.uri === event.document.uri && now <= armed.expiresAt;
    if (armed !== undefined && (isAccept || now > armed.expiresAt)) {
      this.armed = undefined;
    }
    if (!this.options.enabled || event.reason === 1 || event.reason === 2) {
      return undefined;
    }
    if (!this.options.languages.includes(event.document.languageId)) {
      return undefined;
    }
    if (isAccept) {
      const range = insertedSpan(event.contentChanges);
      return range ? this.notification(event, range, 'inlineSuggestion') : undefined;
    }
    // A large insertion is one change, not a multi-cursor edit or a formatter's many small edits.
    if (event.contentChanges.length !== 1 || this.options.largeInsertionThreshold <= 0) {
      return undefined;
    }
    const change = event.contentChanges[0];
    if (countLines(change.text) < this.options.largeInsertionThreshold) {
      return undefined;
    }
    return this.notification(event, insertedRange(change), 'largeInsertion');
  }

  private notification(event: ChangeEventLike, range: Range, source: AiInsertionParams['source']): AiInsertionParams {
    return { textDocument: { uri: event.document.uri, version: event.document.version }, range, source };
  }
}

/** Lines the text occupies once inserted: "a" is 1, "a\nb" is 2, "a\n" is 1 (the trailing newline ends the line). */
export function countLines(text: string): number {
  if (text.length === 0) {
    return 0;
  }
  let breaks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      breaks++;
    }
  }
  const last = text.charCodeAt(text.length - 1);
  return last === 10 || last === 13 ? breaks : breaks + 1;
}

/** The range the change's text occupies after it was applied. */
export function insertedRange(change: ChangeLike): Range {
  const start = change.range.start;
  return { start: { ...start }, end: endAfterInsert(start, change.text) };
}

function endAfterInsert(start: Position, text: string): Position {
  let line = start.line;
  let lineStart = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i;
    }
  }
  return lineStart < 0
    ? { line, character: start.character + text.length }
    : { line, character: text.length - lineStart - 1 };
}

/**
 * An accept may arrive as several changes (VS Code can split ghost text that overlaps existing
 * text); the insertion spans from the earliest start to the latest end. Changes in one event
 * apply to the original document and do not overlap, so after-insert positions of later changes
 * shift only by lines added before them, which is accounted for here.
 */
export function insertedSpan(changes: readonly ChangeLike[]): Range | undefined {
  const ordered = [...changes].sort((a, b) => compare(a.range.start, b.range.start));
  let lineShift = 0;
  let start: Position | undefined;
  let end: Position | undefined;
  for (const change of ordered) {
    const shiftedStart = { line: change.range.start.line + lineShift, character: change.range.start.character };
    const afterEnd = endAfterInsert(shiftedStart, change.text);
    if (change.text.length > 0) {
      start = start ?? shiftedStart;
      end = afterEnd;
    }
    lineShift += afterEnd.line - shiftedStart.line - (change.range.end.line - change.range.start.line);
  }
  return start && end ? { start, end } : undefined;
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
