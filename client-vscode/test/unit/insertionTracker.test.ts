import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countLines, insertedRange, insertedSpan, InsertionTracker, type ChangeEventLike, type TrackerOptions } from '../../src/features/aiInsertion/insertionTracker';

const options: TrackerOptions = { enabled: true, largeInsertionThreshold: 8, languages: ['python', 'javascript', 'c'], acceptWindowMs: 1000 };
const uri = 'file:///ws/app.py';

function change(line: number, character: number, text: string, endLine = line, endCharacter = character) {
  return { range: { start: { line, character }, end: { line: endLine, character: endCharacter } }, text };
}

function event(changes: ChangeEventLike['contentChanges'], extra: Partial<ChangeEventLike> = {}): ChangeEventLike {
  return { document: { uri, version: 7, languageId: 'python' }, contentChanges: changes, ...extra };
}

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line${i}`).join('\n');

describe('InsertionTracker', () => {
  it('onDidChange_ArmedAcceptThenChange_ReportsInlineSuggestionRange', () => {
    const tracker = new InsertionTracker(options);
    tracker.armInlineAccept(uri, 1000);
    const result = tracker.onDidChange(event([change(3, 4, 'return 1\n    x = 2')]), 1100);
    assert.deepEqual(result, {
      textDocument: { uri, version: 7 },
      range: { start: { line: 3, character: 4 }, end: { line: 4, character: 9 } },
      source: 'inlineSuggestion',
    });
    assert.equal(tracker.isArmed, false);
  });

  it('onDidChange_ArmedButExpired_IsOrdinaryTyping', () => {
    const tracker = new InsertionTracker(options);
    tracker.armInlineAccept(uri, 1000);
    assert.equal(tracker.onDidChange(event([change(0, 0, 'x')]), 2500), undefined);
    assert.equal(tracker.isArmed, false);
  });

  it('onDidChange_ArmedForOtherDocument_IgnoresChangeAndStaysArmed', () => {
    const tracker = new InsertionTracker(options);
    tracker.armInlineAccept('file:///ws/other.py', 1000);
    assert.equal(tracker.onDidChange(event([change(0, 0, 'x')]), 1001), undefined);
    assert.equal(tracker.isArmed, true);
  });

  it('onDidChange_SingleKeystroke_ReportsNothing', () => {
    const tracker = new InsertionTracker(options);
    assert.equal(tracker.onDidChange(event([change(0, 0, 'a')]), 0), undefined);
  });

  it('onDidChange_InsertionAtThreshold_ReportsLargeInsertion', () => {
    const tracker = new InsertionTracker(options);
    const result = tracker.onDidChange(event([change(10, 0, lines(8))]), 0);
    assert.equal(result?.source, 'largeInsertion');
    assert.deepEqual(result?.range, { start: { line: 10, character: 0 }, end: { line: 17, character: 5 } });
  });

  it('onDidChange_InsertionBelowThreshold_ReportsNothing', () => {
    const tracker = new InsertionTracker(options);
    assert.equal(tracker.onDidChange(event([change(0, 0, lines(7) + '\n')]), 0), undefined);
  });

  it('onDidChange_ThresholdZero_LargeInsertionsOff', () => {
    const tracker = new InsertionTracker({ ...options, largeInsertionThreshold: 0 });
    assert.equal(tracker.onDidChange(event([change(0, 0, lines(50))]), 0), undefined);
  });

  it('onDidChange_MultiCursorEdit_IsNotOneInsertion', () => {
    const tracker = new InsertionTracker(options);
    assert.equal(tracker.onDidChange(event([change(0, 0, lines(9)), change(20, 0, lines(9))]), 0), undefined);
  });

  it('onDidChange_UndoOrRedo_ReportsNothing', () => {
    const tracker = new InsertionTracker(options);
    assert.equal(tracker.onDidChange(event([change(0, 0, lines(20))], { reason: 1 }), 0), undefined);
    assert.equal(tracker.onDidChange(event([change(0, 0, lines(20))], { reason: 2 }), 0), undefined);
  });

  it('onDidChange_LanguageNotWatched_ReportsNothing', () => {
    const tracker = new InsertionTracker(options);
    const markdown = { ...event([change(0, 0, lines(20))]), document: { uri: 'file:///ws/a.md', version: 1, languageId: 'markdown' } };
    assert.equal(tracker.onDidChange(markdown, 0), undefined);
  });

  it('onDidChange_Disabled_ReportsNothingButConsumesArm', () => {
    const tracker = new InsertionTracker({ ...options, enabled: false });
    tracker.armInlineAccept(uri, 0);
    assert.equal(tracker.onDidChange(event([change(0, 0, lines(20))]), 1), undefined);
    assert.equal(tracker.isArmed, false);
  });

  it('onDidChange_HugeInsertion_StaysFast', () => {
    // Guards the typing path: the work is linear in the change, so 100k lines take milliseconds.
    const tracker = new InsertionTracker(options);
    const big = lines(100_000);
    const started = process.hrtime.bigint();
    const result = tracker.onDidChange(event([change(0, 0, big)]), 0);
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    assert.equal(result?.range.end.line, 99_999);
    assert.ok(elapsedMs < 100, `took ${elapsedMs} ms`);
  });
});

describe('countLines', () => {
  it('countLines_VariousEndings_CountsLinesOccupied', () => {
    assert.equal(countLines(''), 0);
    assert.equal(countLines('a'), 1);
    assert.equal(countLines('a\nb'), 2);
    assert.equal(countLines('a\n'), 1);
    assert.equal(countLines('a\r\nb\r\n'), 2);
    assert.equal(countLines('a\rb'), 2);
  });
});

describe('insertedRange', () => {
  it('insertedRange_SingleLine_EndsAfterText', () => {
    assert.deepEqual(insertedRange(change(2, 5, 'abc')).end, { line: 2, character: 8 });
  });

  it('insertedRange_CrLf_EndsOnLastLine', () => {
    assert.deepEqual(insertedRange(change(0, 3, 'x\r\ny\r\nzz')).end, { line: 2, character: 2 });
  });
});

describe('insertedSpan', () => {
  it('insertedSpan_TwoChangesWithAddedLines_SpansBothAfterShift', () => {
    // Ghost text split in two: two lines added at line 1, then text at (original) line 3.
    const span = insertedSpan([change(3, 0, 'tail'), change(1, 0, 'a\nb\n')]);
    assert.deepEqual(span, { start: { line: 1, character: 0 }, end: { line: 5, character: 4 } });
  });

  it('insertedSpan_OnlyDeletions_Undefined', () => {
    assert.equal(insertedSpan([change(1, 0, '', 1, 4)]), undefined);
  });
});
