// Maps the ocr:* and chat:* channels onto the OCR queue and the vault's stored originals.
import type { OcrApi } from '../../shared/ocr/contract';
import { readChatExport } from './chatRead';
import type { OcrService } from './ocr/queue';
import { createOcrReread } from './ocr/reread';
import { VaultError } from './vault';
import { assertSha256, vaultLayout } from './vault/layout';
import { readSidecar } from './vault/sidecar';

export function createOcrHandlers(ocr: OcrService, vaultDir: string): OcrApi {
  const layout = vaultLayout(vaultDir);
  const reread = createOcrReread(ocr, vaultDir);
  return {
    'ocr:status': () => ocr.status(),
    'ocr:cancel': ({ sha256 }) => ocr.cancel(sha256),
    'ocr:retry': ({ sha256 }) => ocr.retry(sha256),
    // PP-OCR is "the new engine"; where onnxruntime cannot load, the queue's fallback reads instead.
    'ocr:rereadAll': () => reread.start('paddle'),
    'ocr:cancelAll': () => reread.cancelAll(),
    'chat:read': async ({ sha256 }) => {
      const sidecar = await readSidecar(layout, assertSha256(sha256));
      if (!sidecar || sidecar.blob.mediaType !== 'text') throw new VaultError('not-found', 'No chat-log export with this hash is in the vault.');
      const parsed = await readChatExport(layout.blob(sha256), sidecar.blob.originalName);
      if (!parsed) throw new VaultError('unsupported-type', `${sidecar.blob.originalName} is not a QQ or WeChatMsg chat export.`);
      return parsed;
    },
  };
}
