// The whole renderer-facing surface: one line per capability, checked against the shared contract.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_EVENTS, API_METHODS, type LiuZhengApi } from '../../shared/ipc/api';
import type { EventChannel, MainEvents } from '../../shared/ipc/contract';

function subscribe<E extends EventChannel>(channel: E, listener: (payload: MainEvents[E]) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: MainEvents[E]) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => ipcRenderer.off(channel, wrapped);
}

const api = {
  importFiles: (req) => ipcRenderer.invoke(API_METHODS.importFiles, req),
  importFolder: (req) => ipcRenderer.invoke(API_METHODS.importFolder, req),
  importDropped: (req) => ipcRenderer.invoke(API_METHODS.importDropped, req),
  importClipboardImage: (req) => ipcRenderer.invoke(API_METHODS.importClipboardImage, req),
  readThumbnail: (req) => ipcRenderer.invoke(API_METHODS.readThumbnail, req),
  readDisplay: (req) => ipcRenderer.invoke(API_METHODS.readDisplay, req),
  openEvidence: (req) => ipcRenderer.invoke(API_METHODS.openEvidence, req),
  reconcileVault: (req) => ipcRenderer.invoke(API_METHODS.reconcileVault, req),
  vaultInfo: (req) => ipcRenderer.invoke(API_METHODS.vaultInfo, req),
  syncReminders: (req) => ipcRenderer.invoke(API_METHODS.syncReminders, req),
  snoozeDeadline: (req) => ipcRenderer.invoke(API_METHODS.snoozeDeadline, req),
  markDeadlineDone: (req) => ipcRenderer.invoke(API_METHODS.markDeadlineDone, req),
  reminderState: (req) => ipcRenderer.invoke(API_METHODS.reminderState, req),
  exportIcs: (req) => ipcRenderer.invoke(API_METHODS.exportIcs, req),
  reminderSettings: (req) => ipcRenderer.invoke(API_METHODS.reminderSettings, req),
  ocrStatus: (req) => ipcRenderer.invoke(API_METHODS.ocrStatus, req),
  cancelOcr: (req) => ipcRenderer.invoke(API_METHODS.cancelOcr, req),
  retryOcr: (req) => ipcRenderer.invoke(API_METHODS.retryOcr, req),
  rereadAllOcr: (req) => ipcRenderer.invoke(API_METHODS.rereadAllOcr, req),
  cancelAllOcr: (req) => ipcRenderer.invoke(API_METHODS.cancelAllOcr, req),
  readChatLog: (req) => ipcRenderer.invoke(API_METHODS.readChatLog, req),
  readFields: (req) => ipcRenderer.invoke(API_METHODS.readFields, req),
  preflightBundle: (req) => ipcRenderer.invoke(API_METHODS.preflightBundle, req),
  exportBundle: (req) => ipcRenderer.invoke(API_METHODS.exportBundle, req),
  auditRecord: (req) => ipcRenderer.invoke(API_METHODS.auditRecord, req),
  caseHistory: (req) => ipcRenderer.invoke(API_METHODS.caseHistory, req),
  trashEvidence: (req) => ipcRenderer.invoke(API_METHODS.trashEvidence, req),
  listTrash: (req) => ipcRenderer.invoke(API_METHODS.listTrash, req),
  restoreTrash: (req) => ipcRenderer.invoke(API_METHODS.restoreTrash, req),
  purgeTrash: (req) => ipcRenderer.invoke(API_METHODS.purgeTrash, req),
  purgeExpiredTrash: (req) => ipcRenderer.invoke(API_METHODS.purgeExpiredTrash, req),
  checkVault: (req) => ipcRenderer.invoke(API_METHODS.checkVault, req),
  cancelVaultCheck: (req) => ipcRenderer.invoke(API_METHODS.cancelVaultCheck, req),
  cancelVerifyBundle: (req) => ipcRenderer.invoke(API_METHODS.cancelVerifyBundle, req),
  quarantineBlob: (req) => ipcRenderer.invoke(API_METHODS.quarantineBlob, req),
  verifyBundle: (req) => ipcRenderer.invoke(API_METHODS.verifyBundle, req),
  beginIntent: (req) => ipcRenderer.invoke(API_METHODS.beginIntent, req),
  finishIntent: (req) => ipcRenderer.invoke(API_METHODS.finishIntent, req),
  pendingIntents: (req) => ipcRenderer.invoke(API_METHODS.pendingIntents, req),
  createBackup: (req) => ipcRenderer.invoke(API_METHODS.createBackup, req),
  holdVaultForBackup: (req) => ipcRenderer.invoke(API_METHODS.holdVaultForBackup, req),
  pickBackupArchive: (req) => ipcRenderer.invoke(API_METHODS.pickBackupArchive, req),
  verifyBackup: (req) => ipcRenderer.invoke(API_METHODS.verifyBackup, req),
  applyRestore: (req) => ipcRenderer.invoke(API_METHODS.applyRestore, req),
  finishRestore: (req) => ipcRenderer.invoke(API_METHODS.finishRestore, req),
  discardRestore: (req) => ipcRenderer.invoke(API_METHODS.discardRestore, req),
  saveDbDump: (req) => ipcRenderer.invoke(API_METHODS.saveDbDump, req),
  redactionTargets: (req) => ipcRenderer.invoke(API_METHODS.redactionTargets, req),
  exportCaseFolder: (req) => ipcRenderer.invoke(API_METHODS.exportCaseFolder, req),
  importCaseFolder: (req) => ipcRenderer.invoke(API_METHODS.importCaseFolder, req),
  onImportProgress: (listener) => subscribe(API_EVENTS.onImportProgress, listener),
  onOcrProgress: (listener) => subscribe(API_EVENTS.onOcrProgress, listener),
  onRemindersFired: (listener) => subscribe(API_EVENTS.onRemindersFired, listener),
  onReminderAction: (listener) => subscribe(API_EVENTS.onReminderAction, listener),
  onVaultCheckProgress: (listener) => subscribe(API_EVENTS.onVaultCheckProgress, listener),
  onBackupProgress: (listener) => subscribe(API_EVENTS.onBackupProgress, listener),
} satisfies LiuZhengApi;

contextBridge.exposeInMainWorld('liuzheng', api);
