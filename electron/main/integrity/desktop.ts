// The open dialogs that bundle verification needs; kept out of the service so tests can queue paths.
import { pickPath, type WindowRef } from '../dialogs';
import type { IntegrityPorts } from './index';

export function createIntegrityPorts(window: WindowRef): IntegrityPorts {
  return {
    pickBundlePdf: () => pickPath(window, { properties: ['openFile'], filters: [{ name: 'PDF', extensions: ['pdf'] }] }),
    pickBundleFolder: () => pickPath(window, { properties: ['openDirectory'] }),
  };
}
