// The renderer-facing capability object (window.liuzheng). Named methods only: no generic invoke,
// no raw ipcRenderer, no file-system passthrough.
import type { Channel, EventChannel, MainEvents, RequestOf, ResponseOf } from './contract';
import type { Result } from './result';
import { BUNDLE_API_METHODS } from '../bundle/contract';
import { CARD_SHOP_API_METHODS } from '../cardshop/contract';
import { INTEGRITY_API_EVENTS, INTEGRITY_API_METHODS } from '../integrity/contract';
import { INTENT_API_METHODS } from '../integrity/intents';
import { BACKUP_API_EVENTS, BACKUP_API_METHODS } from '../backup/contract';
import { OCR_API_EVENTS, OCR_API_METHODS } from '../ocr/contract';
import { PORTABLE_API_METHODS } from '../portable/contract';
import { FIELDS_API_METHODS } from '../fields/contract';
import { HOLIDAYS_API_METHODS } from '../holidays/contract';
import { CAPTURE_API_METHODS } from '../capture/contract';
import { REMINDERS_API_EVENTS, REMINDERS_API_METHODS } from '../reminders/contract';
import { SHORTCUTS_API_EVENTS } from '../shortcuts/contract';
import { VIDEO_API_EVENTS, VIDEO_API_METHODS } from '../video/contract';

export const API_METHODS = {
  importFiles: 'vault:importFiles',
  importFolder: 'vault:importFolder',
  importDropped: 'vault:importDropped',
  importClipboardImage: 'vault:importClipboardImage',
  readThumbnail: 'vault:readThumbnail',
  readDisplay: 'vault:readDisplay',
  openEvidence: 'vault:openEvidence',
  reconcileVault: 'vault:reconcile',
  vaultInfo: 'vault:info',
  ...REMINDERS_API_METHODS,
  ...OCR_API_METHODS,
  ...FIELDS_API_METHODS,
  ...BUNDLE_API_METHODS,
  ...INTEGRITY_API_METHODS,
  ...INTENT_API_METHODS,
  ...BACKUP_API_METHODS,
  ...PORTABLE_API_METHODS,
  ...CARD_SHOP_API_METHODS,
  ...HOLIDAYS_API_METHODS,
  ...CAPTURE_API_METHODS,
  ...VIDEO_API_METHODS,
} as const satisfies Record<string, Channel>;

export const API_EVENTS = {
  onImportProgress: 'vault:importProgress',
  ...REMINDERS_API_EVENTS,
  ...OCR_API_EVENTS,
  ...INTEGRITY_API_EVENTS,
  ...BACKUP_API_EVENTS,
  ...SHORTCUTS_API_EVENTS,
  ...VIDEO_API_EVENTS,
} as const satisfies Record<string, EventChannel>;

type Methods = typeof API_METHODS;
type Events = typeof API_EVENTS;

export type LiuZhengApi = {
  [M in keyof Methods]: (req: RequestOf<Methods[M]>) => Promise<Result<ResponseOf<Methods[M]>>>;
} & {
  [E in keyof Events]: (listener: (payload: MainEvents[Events[E]]) => void) => () => void;
};

/** Every channel must be reachable through exactly one method; checked at compile time. */
type Missing = Exclude<Channel, Methods[keyof Methods]>;
const _allChannelsExposed: Missing extends never ? true : never = true;
void _allChannelsExposed;
