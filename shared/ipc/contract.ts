// The IPC contract: one handler map per feature (each in shared/<feature>/contract.ts), combined into
// one type that main, the preload and the test bridge all derive from. Channel names are `domain:action`.
import type { BundleApi } from '../bundle/contract';
import type { CardShopApi } from '../cardshop/contract';
import type { IntegrityApi, IntegrityEvents } from '../integrity/contract';
import type { BackupApi, BackupEvents } from '../backup/contract';
import type { OcrApi, OcrEvents } from '../ocr/contract';
import type { PortableApi } from '../portable/contract';
import type { FieldsApi } from '../fields/contract';
import type { HolidaysApi } from '../holidays/contract';
import type { IntentApi } from '../integrity/intents';
import type { RemindersApi, RemindersEvents } from '../reminders/contract';
import type { ShortcutsEvents } from '../shortcuts/contract';
import type { VaultApi, VaultEvents } from '../vault/contract';
import type { CaptureApi } from '../capture/contract';
import type { VideoApi, VideoEvents } from '../video/contract';

// The vault's request and reply types, for the many modules that take them along with Handlers.
export type * from '../vault/contract';

export type Handlers = VaultApi & RemindersApi & OcrApi & FieldsApi & BundleApi & IntegrityApi & IntentApi & BackupApi & PortableApi & CardShopApi & HolidaysApi & CaptureApi & VideoApi;
export type Channel = keyof Handlers;
export type RequestOf<C extends Channel> = Parameters<Handlers[C]>[0];
export type ResponseOf<C extends Channel> = Awaited<ReturnType<Handlers[C]>>;

/** Main → renderer pushes. */
export type MainEvents = VaultEvents &
  RemindersEvents &
  OcrEvents &
  IntegrityEvents &
  BackupEvents &
  ShortcutsEvents &
  VideoEvents;
export type EventChannel = keyof MainEvents;
