// Quiet errors: one notification per condition, with one action, and never a stack trace. The
// full error goes to the log; the toast gets its first line. A condition that is already shown
// (Docker down, the server not running) is not shown again until it is cleared.
export interface NotificationAction {
  title: string;
  run(): unknown;
}

export interface NotificationHost {
  show(severity: 'error' | 'warning' | 'info', message: string, actions: string[]): PromiseLike<string | undefined>;
  log(message: string): void;
}

export interface Condition {
  /** Same key, same condition: shown once until cleared. */
  key: string;
  message: string;
  action?: NotificationAction;
}

const MaxLength = 300;

/** The first line of an error, without stack frames, a "Error:" prefix or a JSON-RPC request prefix; at most 300 characters. */
export function toastText(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error);
  const first = (raw ?? '').split(/\r?\n/).map((l) => l.trim()).find((l) => l.length > 0 && !/^at\s/.test(l)) ?? 'unknown error';
  const clean = first.replace(/^(Error|RemoteRpcException|LocalRpcException):\s*/, '').replace(/^Request \S+ failed with message:\s*/, '');
  return clean.length <= MaxLength ? clean : clean.slice(0, MaxLength - 1) + '…';
}

/** Which condition an error is: Docker down and the server not running each have one toast, whatever asked. */
export function conditionOf(text: string): string {
  if (/sandbox is unavailable|docker/i.test(text)) {
    return 'docker';
  }
  if (/server is not running|connection got disposed|client is not running/i.test(text)) {
    return 'server';
  }
  return `error:${text}`;
}

export class Notifier {
  private readonly shown = new Set<string>();

  constructor(private readonly host: NotificationHost, private readonly actions: { showLogs: NotificationAction; dockerHelp: NotificationAction }) {}

  /** Logs the whole error and shows its condition once. */
  error(context: string, error: unknown): void {
    const detail = error instanceof Error ? error.stack ?? error.message : String(error);
    this.host.log(`${context}: ${detail}`);
    const text = toastText(error);
    const key = conditionOf(text);
    this.notify('error', { key, message: `DualGauge: ${text}`, action: key === 'docker' ? this.actions.dockerHelp : this.actions.showLogs });
  }

  notify(severity: 'error' | 'warning' | 'info', condition: Condition): void {
    if (this.shown.has(condition.key)) {
      this.host.log(`(already shown) ${condition.message}`);
      return;
    }
    this.shown.add(condition.key);
    const action = condition.action;
    void Promise.resolve(this.host.show(severity, condition.message, action ? [action.title] : [])).then((choice) => {
      // A dismissed error toast may come back for a new occurrence; the persistent conditions stay quiet until cleared.
      if (condition.key.startsWith('error:')) {
        this.shown.delete(condition.key);
      }
      if (action && choice === action.title) {
        void action.run();
      }
    });
  }

  /** The condition is over (Docker is back, the server runs): its next occurrence is shown again. */
  clear(key: string): void {
    this.shown.delete(key);
  }

  isShown(key: string): boolean {
    return this.shown.has(key);
  }
}
