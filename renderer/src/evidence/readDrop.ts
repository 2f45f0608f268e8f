// Turns a drop into named byte arrays. Folders are walked here because the sandboxed renderer has no
// paths to hand main, and main must never be handed a path to trust.
import type { DroppedFile } from '../../../shared/ipc/contract';

const isHidden = (name: string) => name.split('/').some((part) => part.startsWith('.')) || /(^|\/)(Thumbs\.db|desktop\.ini)$/i.test(name);

async function fromFile(file: File, name: string): Promise<DroppedFile> {
  return { name, lastModified: file.lastModified, bytes: new Uint8Array(await file.arrayBuffer()) };
}

function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    // readEntries returns at most ~100 entries per call; keep asking until it returns none.
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

async function walk(entry: FileSystemEntry, out: DroppedFile[]): Promise<void> {
  const name = entry.fullPath.replace(/^\//, '');
  if (isHidden(name)) return;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push(await fromFile(file, name));
  } else if (entry.isDirectory) {
    for (const child of await readAllEntries((entry as FileSystemDirectoryEntry).createReader())) await walk(child, out);
  }
}

export async function readDataTransfer(dt: DataTransfer): Promise<DroppedFile[]> {
  const entries = [...dt.items].map((item) => item.webkitGetAsEntry?.() ?? null);
  const out: DroppedFile[] = [];
  if (entries.length > 0 && entries.every((e) => e !== null)) {
    for (const entry of entries) if (entry) await walk(entry, out);
    return out;
  }
  for (const file of [...dt.files]) if (!isHidden(file.name)) out.push(await fromFile(file, file.name));
  return out;
}

export function hasFiles(dt: DataTransfer | null): boolean {
  return dt !== null && [...dt.types].includes('Files');
}
