// The one composition root: every service over one vault folder, on one clock, wired to the IPC
// handler map. electron/main/index.ts and the e2e harness both call createHandlers; only the ports
// (dialogs, notifications, timers, the shell, the login item) differ between the app and the tests.
import type { EventChannel, Handlers, ImportBatch, MainEvents } from '../../shared/ipc/contract';
import type { FiredReminder } from '../../shared/reminders/contract';
import type { KdfParams } from './backup/crypto';
import { createBackupHandlers, type BackupPorts } from './backup/handlers';
import { createBackupService, type BackupService } from './backup/service';
import { createBundleService } from './bundle';
import { bundleAudit, createBundleHandlers, type BundlePorts } from './bundle/handlers';
import { createRedactionSource } from './bundle/redactions';
import { createFieldsHandlers, fieldsAudit } from './fields/handlers';
import { createHolidayHandlers } from './holidays/handlers';
import { createHolidayService } from './holidays/service';
import { createFieldsService, type FieldsService } from './fields/service';
import { createVaultHandlers, imagesOf, vaultAudit, type DesktopPorts } from './handlers';
import { createIntegrity, withAudit, type Integrity, type IntegrityPorts } from './integrity';
import { backupAuditHooks } from './integrity/backupAudit';
import { createSecondReader } from './ocr/confirm';
import type { OcrEngine, OcrEngineOptions } from './ocr/engine';
import { createOcrService, type OcrService } from './ocr/queue';
import { createOcrHandlers } from './ocrHandlers';
import { createPortableHandlers, portableAudit, type PortablePorts } from './portable/handlers';
import { createReminderHandlers, type ReminderPorts } from './reminders/handlers';
import { createReminderService, type ReminderService, type ReminderServiceDeps } from './reminders/service';
import { createVaultService, type VaultService } from './vault';
import { createVaultKeys, plainSealer, type SecretSealer } from './signing/keys';
import { vaultSeal } from './signing/pdfSign';
import { fileKeyBox, type SecretBox } from './secrets/box';
import { createCardShopHandlers } from './secrets/handlers';
import type { RenderHost } from './webpage/cdp';
import { createPageRendering } from './webpage/service';
import { captureAudit, createCaptureHandlers } from './webpage/captureHandlers';
import type { CapturePolicy } from '../../shared/capture/urlPolicy';
import { createVideoHandlers } from './video/handlers';
import { createVideoService, type VideoService } from './video/service';

export type Emit = <E extends EventChannel>(channel: E, payload: MainEvents[E]) => void;

/** A timer handle: the desktop's setTimeout, or null where a test drives wake-ups itself. */
export type TimerHandle = ReturnType<typeof setTimeout> | null;

/** What reminders need from the OS: notifications, timers, and a word when the list changes (the tray). */
export type ReminderHost = Pick<ReminderServiceDeps<TimerHandle>, 'setTimer' | 'clearTimer' | 'notify' | 'onChange' | 'onError' | 'launchAtLoginSupported'> & {
  /** After a batch was shown and sent to the renderer. */
  afterFired?(reminders: FiredReminder[]): void;
};

/** Everything the desktop provides; the e2e harness passes queued dialog answers instead. */
export interface AppPorts {
  desktop: DesktopPorts;
  bundle: BundlePorts;
  portable: PortablePorts;
  integrity: IntegrityPorts;
  backup: BackupPorts;
  reminders: Omit<ReminderPorts, 'now'>;
  reminderHost: ReminderHost;
  /** Seals the vault's signing and audit keys at rest: safeStorage in the app; omitted, the key files are unsealed. */
  secrets?: SecretSealer;
  /** Seals card-shop secrets: the OS keychain in the app; by default a key file in dataDir (tests, CLI). */
  secretBox?: SecretBox;
}

export interface CompositionOptions {
  vaultDir: string;
  /** App data kept outside the vault (reminders.json). */
  dataDir: string;
  /** Where read-only copies opened in other apps go. */
  tempDir: string;
  /** The one clock, in epoch milliseconds, that every service reads. */
  clock: () => number;
  ports: AppPorts;
  emit: Emit;
  appVersion: string;
  ocrEngine?: OcrEngineOptions;
  /** Tests pass cheap scrypt parameters; the app uses the default. */
  backupKdf?: KdfParams;
  /**
   * The browser that renders saved web pages (scripts off, network blocked) for their preview and
   * bundle print, given the folder it may load from; without one pages keep their text only.
   */
  pageHost?: (renderRoot: string) => RenderHost;
  /** The browser for 抓取网页 (the app's one network action) and the addresses it may visit. */
  captureHost?: RenderHost;
  capturePolicy?: CapturePolicy;
}

export interface AppMain {
  handlers: Handlers;
  vault: VaultService;
  ocr: OcrService;
  fields: FieldsService;
  reminders: ReminderService;
  integrity: Integrity;
  backup: BackupService;
  video: VideoService;
  /** Picks up work the last run left: the OCR queue and any half-finished restore's staging. */
  start(): void;
  /** Stops background work (the OCR pool) and closes the reminder store. */
  dispose(): Promise<void>;
}

const report = (what: string) => (err: unknown) => console.error(`[${what}]`, err);

export function createHandlers(opts: CompositionOptions): AppMain {
  const { vaultDir, clock, ports, emit } = opts;
  const date = () => new Date(clock());
  const secretBox = ports.secretBox ?? fileKeyBox(opts.dataDir);
  const pages = opts.pageHost ? createPageRendering(opts.pageHost, opts.tempDir) : null;
  const vault = createVaultService({ vaultDir, tempDir: opts.tempDir, now: date, onProgress: (p) => emit('vault:importProgress', p), ...(pages ? { previewPage: pages.preview } : {}) });
  // The queue stores fields before it reports a file done, so the renderer never asks too early.
  // The second reader starts on first use (tesseract.js, one worker) and ends with the app.
  let reader: OcrEngine | null = null;
  const fields = createFieldsService({ vaultDir, now: date, ocrResult: (sha) => ocr.result(sha), secondReader: () => (reader ??= createSecondReader()) });
  const ocr = createOcrService({
    vaultDir,
    now: date,
    ...(opts.ocrEngine ? { engineOptions: opts.ocrEngine } : {}),
    onProgress: (e) => emit('ocr:progress', e),
    onResult: (result, image) => fields.afterOcr(result, image),
  });
  // Key frames of screen recordings, read by the same OCR engine (its pool) and the same extraction.
  const video = createVideoService({
    vaultDir,
    now: date,
    readFrame: async (jpeg, signal) => ({ ...(await ocr.readImage(jpeg, signal)) }),
    onProgress: (s) => emit('video:progress', s),
  });
  const reminders = createReminderService<TimerHandle>({
    ...ports.reminderHost,
    dataDir: opts.dataDir,
    now: clock,
    onFired: (list) => {
      emit('reminders:fired', { reminders: list });
      ports.reminderHost.afterFired?.(list);
    },
  });
  // One key source for the export signature and the audit HMAC, sealed by the OS keystore where there is one.
  const keys = createVaultKeys({ vaultDir, sealer: ports.secrets ?? plainSealer, now: date });
  const integrity = createIntegrity({
    keys,
    vaultDir,
    now: date,
    exclusive: (work) => vault.exclusive(work),
    onCheckProgress: (p) => emit('vaultCheck:progress', p),
    ports: ports.integrity,
  });
  const backup = createBackupService({
    vaultDir,
    appVersion: opts.appVersion,
    now: date,
    ...(opts.backupKdf ? { kdf: opts.backupKdf } : {}),
    onProgress: (p) => emit('backup:progress', p),
    // Nothing may write into the vault (OCR results, a video's frames) while a restore replaces it.
    quiesce: async () => {
      await ocr.dispose();
      await video.dispose();
    },
    ...backupAuditHooks(integrity.audit),
  });

  // New screenshots go to OCR (their fields follow it); chat-log exports are read for fields at once.
  const afterImport = (batch: ImportBatch): void => {
    ocr.enqueue(imagesOf(batch)).catch(report('ocr'));
    for (const item of batch.items) if (item.blob.mediaType === 'text' || item.blob.mediaType === 'page') fields.read(item.blob.sha256).catch(report('fields'));
    video.enqueue(batch.items.filter((i) => i.blob.mediaType === 'video').map((i) => i.blob.sha256));
  };

  const handlers: Handlers = {
    ...withAudit(createVaultHandlers(vault, ports.desktop, clock, afterImport), vaultAudit, integrity.audit),
    ...createOcrHandlers(ocr, vaultDir),
    ...withAudit(createFieldsHandlers(fields), fieldsAudit, integrity.audit),
    ...withAudit(createBundleHandlers(createBundleService({ vaultDir, now: date, seal: () => vaultSeal(keys), auditHead: () => integrity.audit.head(), ...(pages ? { printPage: pages.print } : {}) }), ports.bundle, createRedactionSource(vaultDir), secretBox), bundleAudit, integrity.audit),
    ...createCardShopHandlers(secretBox),
    ...createReminderHandlers(reminders, { ...ports.reminders, now: clock }),
    // The vault's lock spans the renderer's database snapshot and the vault walk: one moment in time.
    ...createBackupHandlers(backup, ports.backup, date, (work) => vault.exclusive(work)),
    ...withAudit(createPortableHandlers(vault, vaultDir, ports.portable, afterImport), portableAudit, integrity.audit),
    ...createHolidayHandlers(createHolidayService({ vaultDir, now: date })),
    ...integrity.handlers,
    ...withAudit(
      createCaptureHandlers({ vault, ...(opts.captureHost ? { host: opts.captureHost } : {}), policy: opts.capturePolicy ?? {}, now: clock, appVersion: opts.appVersion, afterImport }),
      captureAudit,
      integrity.audit,
    ),
    ...createVideoHandlers(video, vaultDir),
  };

  return {
    handlers,
    vault,
    ocr,
    fields,
    reminders,
    integrity,
    backup,
    video,
    start() {
      ocr.resume().catch(report('ocr'));
      backup.cleanupStaging().catch(report('backup'));
    },
    async dispose() {
      await reminders.close();
      await video.dispose();
      await ocr.dispose();
      await reader?.terminate();
    },
  };
}
