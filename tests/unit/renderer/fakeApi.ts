// A window.liuzheng for renderer tests, typed against the real contract (the same shape the preload
// exposes): every call is parsed with the channel's real zod schema and runs the given main-process
// handlers in this process, returning the same Result as IPC would. A channel a test does not wire
// fails with a clear error instead of pretending to succeed. Events can be emitted by the test.
import { API_EVENTS, API_METHODS, type LiuZhengApi } from '../../../shared/ipc/api';
import type { Channel, EventChannel, Handlers, MainEvents, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { fail, ok, type Result } from '../../../shared/ipc/result';
import { requestSchemas } from '../../../shared/ipc/schemas';
import { ipcError } from '../../../electron/main/ipc/errors';

export interface FakeApi {
  api: LiuZhengApi;
  /** Every call made, in order, with its channel and request. */
  calls: { channel: Channel; req: unknown }[];
  emit<E extends EventChannel>(channel: E, payload: MainEvents[E]): void;
}

export function fakeApi(handlers: Partial<Handlers>): FakeApi {
  const calls: FakeApi['calls'] = [];
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();

  async function call<C extends Channel>(channel: C, req: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
    calls.push({ channel, req });
    const parsed = requestSchemas[channel].safeParse(req);
    if (!parsed.success) return fail({ code: 'invalid-request', message: `${channel}: ${parsed.error.message}` });
    // A generic key cannot be correlated with its own handler type; the schema above checked `req`.
    const handler = handlers[channel] as ((r: RequestOf<C>) => Promise<ResponseOf<C>>) | undefined;
    if (!handler) return fail({ code: 'internal', message: `${channel} is not wired in this test` });
    try {
      return ok(await handler(parsed.data as RequestOf<C>));
    } catch (err) {
      return fail(ipcError(err));
    }
  }

  function listen<E extends EventChannel>(channel: E, listener: (payload: MainEvents[E]) => void): () => void {
    const set = listeners.get(channel) ?? new Set();
    listeners.set(channel, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  const api = {
    importFiles: (req) => call(API_METHODS.importFiles, req),
    importFolder: (req) => call(API_METHODS.importFolder, req),
    importDropped: (req) => call(API_METHODS.importDropped, req),
    importClipboardImage: (req) => call(API_METHODS.importClipboardImage, req),
    readThumbnail: (req) => call(API_METHODS.readThumbnail, req),
    readDisplay: (req) => call(API_METHODS.readDisplay, req),
    openEvidence: (req) => call(API_METHODS.openEvidence, req),
    reconcileVault: (req) => call(API_METHODS.reconcileVault, req),
    vaultInfo: (req) => call(API_METHODS.vaultInfo, req),
    syncReminders: (req) => call(API_METHODS.syncReminders, req),
    snoozeDeadline: (req) => call(API_METHODS.snoozeDeadline, req),
    markDeadlineDone: (req) => call(API_METHODS.markDeadlineDone, req),
    reminderState: (req) => call(API_METHODS.reminderState, req),
    exportIcs: (req) => call(API_METHODS.exportIcs, req),
    reminderSettings: (req) => call(API_METHODS.reminderSettings, req),
    ocrStatus: (req) => call(API_METHODS.ocrStatus, req),
    cancelOcr: (req) => call(API_METHODS.cancelOcr, req),
    retryOcr: (req) => call(API_METHODS.retryOcr, req),
    rereadAllOcr: (req) => call(API_METHODS.rereadAllOcr, req),
    cancelAllOcr: (req) => call(API_METHODS.cancelAllOcr, req),
    readFields: (req) => call(API_METHODS.readFields, req),
    captureWebPage: (req) => call(API_METHODS.captureWebPage, req),
    setCaptureTime: (req) => call(API_METHODS.setCaptureTime, req),
    listHolidays: (req) => call(API_METHODS.listHolidays, req),
    loadHolidays: (req) => call(API_METHODS.loadHolidays, req),
    readChatLog: (req) => call(API_METHODS.readChatLog, req),
    preflightBundle: (req) => call(API_METHODS.preflightBundle, req),
    exportBundle: (req) => call(API_METHODS.exportBundle, req),
    auditRecord: (req) => call(API_METHODS.auditRecord, req),
    auditAnchor: (req) => call(API_METHODS.auditAnchor, req),
    caseHistory: (req) => call(API_METHODS.caseHistory, req),
    trashEvidence: (req) => call(API_METHODS.trashEvidence, req),
    listTrash: (req) => call(API_METHODS.listTrash, req),
    restoreTrash: (req) => call(API_METHODS.restoreTrash, req),
    purgeTrash: (req) => call(API_METHODS.purgeTrash, req),
    purgeExpiredTrash: (req) => call(API_METHODS.purgeExpiredTrash, req),
    checkVault: (req) => call(API_METHODS.checkVault, req),
    cancelVaultCheck: (req) => call(API_METHODS.cancelVaultCheck, req),
    cancelVerifyBundle: (req) => call(API_METHODS.cancelVerifyBundle, req),
    quarantineBlob: (req) => call(API_METHODS.quarantineBlob, req),
    verifyBundle: (req) => call(API_METHODS.verifyBundle, req),
    beginIntent: (req) => call(API_METHODS.beginIntent, req),
    finishIntent: (req) => call(API_METHODS.finishIntent, req),
    pendingIntents: (req) => call(API_METHODS.pendingIntents, req),
    createBackup: (req) => call(API_METHODS.createBackup, req),
    holdVaultForBackup: (req) => call(API_METHODS.holdVaultForBackup, req),
    pickBackupArchive: (req) => call(API_METHODS.pickBackupArchive, req),
    verifyBackup: (req) => call(API_METHODS.verifyBackup, req),
    applyRestore: (req) => call(API_METHODS.applyRestore, req),
    finishRestore: (req) => call(API_METHODS.finishRestore, req),
    discardRestore: (req) => call(API_METHODS.discardRestore, req),
    saveDbDump: (req) => call(API_METHODS.saveDbDump, req),
    redactionTargets: (req) => call(API_METHODS.redactionTargets, req),
    exportCaseFolder: (req) => call(API_METHODS.exportCaseFolder, req),
    importCaseFolder: (req) => call(API_METHODS.importCaseFolder, req),
    sealSecret: (req) => call(API_METHODS.sealSecret, req),
    revealSecret: (req) => call(API_METHODS.revealSecret, req),
    videoFrames: (req) => call(API_METHODS.videoFrames, req),
    videoFrameImage: (req) => call(API_METHODS.videoFrameImage, req),
    cancelVideo: (req) => call(API_METHODS.cancelVideo, req),
    retryVideo: (req) => call(API_METHODS.retryVideo, req),
    readVideoOriginal: (req) => call(API_METHODS.readVideoOriginal, req),
    onImportProgress: (listener) => listen(API_EVENTS.onImportProgress, listener),
    onOcrProgress: (listener) => listen(API_EVENTS.onOcrProgress, listener),
    onRemindersFired: (listener) => listen(API_EVENTS.onRemindersFired, listener),
    onReminderAction: (listener) => listen(API_EVENTS.onReminderAction, listener),
    onVaultCheckProgress: (listener) => listen(API_EVENTS.onVaultCheckProgress, listener),
    onBackupProgress: (listener) => listen(API_EVENTS.onBackupProgress, listener),
    onMenuCommand: (listener) => listen(API_EVENTS.onMenuCommand, listener),
    onVideoProgress: (listener) => listen(API_EVENTS.onVideoProgress, listener),
  } satisfies LiuZhengApi;

  return {
    api,
    calls,
    emit(channel, payload) {
      for (const l of listeners.get(channel) ?? []) (l as (p: typeof payload) => void)(payload);
    },
  };
}
