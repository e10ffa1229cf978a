// Owns the language client: finds the server, starts it, restarts it, and hands features a
// ServerChannel that survives restarts (notification handlers are re-attached to each client).
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  type DynamicFeature,
  type LanguageClientOptions,
  type ServerOptions,
  type StaticFeature,
  TransportKind,
} from 'vscode-languageclient/node';
import type { Notifier } from '../../infrastructure/notifier';
import type { ServerChannel, StatusParams } from '../../infrastructure/protocol';
import { locateServer, type ServerLookupResult } from '../../infrastructure/serverLocator';
import { serverSettings } from '../../infrastructure/settings';
import { currentSettings } from '../../infrastructure/vscodeHost';
import type { ClientState } from '../status/statusModel';

export interface ServerStatus {
  state: ClientState;
  pending: number;
  message: string;
  fix?: string;
}

/**
 * The stock client registers a VS Code command for every command the server advertises; the
 * extension registers those ids itself (it must render their results), so that feature is left out.
 */
class DualGaugeLanguageClient extends LanguageClient {
  override registerFeature(feature: StaticFeature | DynamicFeature<unknown>): void {
    const method = (feature as Partial<DynamicFeature<unknown>>).registrationType?.method;
    if (method === 'workspace/executeCommand') {
      return;
    }
    super.registerFeature(feature);
  }
}

type Handler = (params: unknown) => void;

export class DualGaugeServer implements ServerChannel, vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly handlers = new Map<string, Handler[]>();
  private readonly statusEmitter = new vscode.EventEmitter<ServerStatus>();
  private lifecycle: Promise<void> = Promise.resolve();
  private lastStatus: ServerStatus = { state: 'stopped', pending: 0, message: 'Not started yet.' };
  private lookup: ServerLookupResult | undefined;
  private restarts = 0;

  readonly onDidChangeStatus = this.statusEmitter.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
    private readonly notifier?: Notifier,
  ) {}

  get status(): ServerStatus {
    return this.lastStatus;
  }

  get serverLookup(): ServerLookupResult | undefined {
    return this.lookup;
  }

  onNotification<P>(method: string, handler: (params: P) => void): vscode.Disposable {
    const list = this.handlers.get(method) ?? [];
    list.push(handler as Handler);
    this.handlers.set(method, list);
    return new vscode.Disposable(() => {
      const current = this.handlers.get(method) ?? [];
      this.handlers.set(method, current.filter((h) => h !== handler));
    });
  }

  start(): Promise<void> {
    return this.enqueue(() => this.startNow());
  }

  restart(): Promise<void> {
    return this.enqueue(async () => {
      await this.stopNow();
      await this.startNow();
    });
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.stopNow());
  }

  async sendRequest<R>(method: string, params: unknown): Promise<R> {
    return this.running().sendRequest<R>(method, params);
  }

  async sendNotification(method: string, params: unknown): Promise<void> {
    await this.running().sendNotification(method, params);
  }

  async executeCommand<R>(command: string, args: unknown[]): Promise<R> {
    return this.running().sendRequest<R>('workspace/executeCommand', { command, arguments: args });
  }

  /** True when a request can be sent now. */
  get isRunning(): boolean {
    return this.client?.isRunning() ?? false;
  }

  dispose(): void {
    void this.stop();
    this.statusEmitter.dispose();
  }

  private running(): LanguageClient {
    if (!this.client || !this.client.isRunning()) {
      const reason = this.lastStatus.state === 'serverMissing' || this.lastStatus.state === 'stopped' ? ` ${this.lastStatus.message}` : '';
      throw new Error(`The DualGauge server is not running.${reason}`);
    }
    return this.client;
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.lifecycle.then(step, step);
    this.lifecycle = next.catch(() => undefined);
    return next;
  }

  private setStatus(status: ServerStatus): void {
    this.lastStatus = status;
    this.statusEmitter.fire(status);
  }

  private async startNow(): Promise<void> {
    const settings = currentSettings();
    this.lookup = locateServer({
      env: process.env,
      settingPath: settings.serverPath,
      extensionPath: this.context.extensionPath,
      dotnetPath: settings.dotnetPath,
      fileExists: (p) => fs.existsSync(p),
    });
    if (!this.lookup.found) {
      this.log.error(this.lookup.message);
      this.setStatus({ state: 'serverMissing', pending: 0, message: this.lookup.message, fix: 'Set DUALGAUGE_SERVER_PATH or dualgauge.server.path.' });
      throw new Error(this.lookup.message);
    }
    this.log.info(`Starting ${this.lookup.command} ${this.lookup.args.join(' ')} (found via ${this.lookup.source})`);
    const storage = (this.context.storageUri ?? this.context.globalStorageUri).fsPath;
    fs.mkdirSync(storage, { recursive: true });

    const serverOptions: ServerOptions = {
      command: this.lookup.command,
      args: this.lookup.args,
      transport: TransportKind.stdio,
      options: { env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: settings.languages.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      outputChannel: this.log,
      initializationOptions: { storagePath: storage, settings: serverSettings(settings) },
      // The server reads the "dualgauge" section through workspace/configuration as well.
      synchronize: { configurationSection: 'dualgauge' },
      // Quiet errors: the client library's own toasts (with stack traces) are replaced by one notification per
      // condition; the details go to the log.
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      errorHandler: {
        error: (error, _message, count) => {
          this.log.error(`The connection to the server failed (${count ?? 1}): ${error.stack ?? error.message}`);
          return { action: (count ?? 1) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
        },
        closed: () => {
          this.restarts += 1;
          const restart = this.restarts <= 4;
          this.log.warn(`The DualGauge server stopped; ${restart ? 'restarting it' : 'not restarting it again (4 restarts)'}`);
          if (!restart) {
            this.notifier?.notify('error', { key: 'server', message: 'DualGauge: the server stopped four times and is not restarted again. Run "DualGauge: Restart Server" after checking the log.', action: { title: 'Show Logs', run: () => this.log.show(true) } });
          }
          return { action: restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
        },
      },
      initializationFailedHandler: (error) => {
        this.log.error(`Initialization failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        return false;
      },
    };
    const client = new DualGaugeLanguageClient('dualgauge', 'DualGauge', serverOptions, clientOptions);
    for (const method of this.handlers.keys()) {
      client.onNotification(method, (params: unknown) => {
        for (const handler of this.handlers.get(method) ?? []) {
          try {
            handler(params);
          } catch (error) {
            this.log.error(`Handling ${method}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
          }
        }
      });
    }
    this.client = client;
    this.setStatus({ state: 'starting', pending: 0, message: 'Starting the DualGauge server.' });
    try {
      await client.start();
    } catch (error) {
      const message = `The DualGauge server failed to start (${this.lookup.command} ${this.lookup.args.join(' ')}): ${error instanceof Error ? error.message : String(error)}`;
      this.log.error(message);
      this.client = undefined;
      this.setStatus({ state: 'stopped', pending: 0, message, fix: 'Check that the .NET runtime is installed (dualgauge.server.dotnetPath) and see DualGauge: Show Logs.' });
      throw new Error(message);
    }
    // The server reports its own state through dualgauge/status; until it does, it is ready.
    // The server may already have reported (e.g. dockerUnavailable) during initialization; either
    // way listeners hear once more now that requests can be sent.
    this.setStatus(this.lastStatus.state === 'starting' ? { state: 'ready', pending: 0, message: 'The DualGauge server is running.' } : this.lastStatus);
  }

  /** Called by the status feature when the server reports its state. */
  reportServerStatus(status: StatusParams): void {
    this.setStatus({ state: status.state, pending: status.pending, message: status.message, fix: status.fix });
  }

  private async stopNow(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) {
      try {
        await client.stop(5000);
      } catch (error) {
        this.log.warn(`Stopping the server: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.setStatus({ state: 'stopped', pending: 0, message: 'The DualGauge server was stopped.' });
  }
}
