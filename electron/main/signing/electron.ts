// The app's SecretSealer: Electron safeStorage (DPAPI on Windows, the Keychain on macOS, the
// desktop's secret service on Linux). Linux without a keyring falls back to a fixed password
// ('basic_text'), which protects nothing, so there the key file says it is unsealed instead.
import { safeStorage } from 'electron';
import { plainSealer, type SecretSealer } from './keys';

export function safeStorageSealer(): SecretSealer {
  const weak = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (!safeStorage.isEncryptionAvailable() || weak) return plainSealer;
  return {
    protection: 'os-keystore',
    // safeStorage seals strings; the secret goes in as base64 so any bytes survive.
    seal: (secret) => safeStorage.encryptString(secret.toString('base64')),
    open: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}
