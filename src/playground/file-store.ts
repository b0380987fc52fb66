import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A file someone sent: the bot's uploads and the playground person's photos. */
export interface StoredFile {
  fileId: string;
  /** Telegram's file_unique_id: stable for the same bytes. */
  uniqueId: string;
  filename: string;
  contentType: string;
  size: number;
  /** Pixel size, for images the playground can measure (PNG, JPEG, GIF). */
  width?: number;
  height?: number;
}

/** Where a file's bytes and description live. */
export interface FileStore {
  save(bytes: Uint8Array, meta: { filename: string; contentType: string }): Promise<StoredFile>;
  /** The file's description, or null for an id this store never gave out. */
  describe(fileId: string): Promise<StoredFile | null>;
  read(fileId: string): Promise<Uint8Array | null>;
}

/** Telegram-looking file ids: URL-safe, and nothing else, so an id can never name a path. */
const FILE_ID = /^[A-Za-z0-9_-]{16,64}$/;

/** Width and height from a PNG, GIF or JPEG header; undefined for anything else. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && view.getUint32(0) === 0x89504e47) {
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length >= 10 && view.getUint32(0) === 0x47494638) {
    return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
  }
  if (bytes.length >= 4 && view.getUint16(0) === 0xffd8) {
    // Walk the JPEG segments to the first start-of-frame (SOF0…SOF15 less DHT, JPG, DAC).
    let at = 2;
    while (at + 9 < bytes.length && bytes[at] === 0xff) {
      const marker = bytes[at + 1]!;
      const length = view.getUint16(at + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
      }
      at += 2 + length;
    }
  }
  return undefined;
}

/**
 * Files on disk under `dir` (`<id>` holds the bytes, `<id>.json` the description),
 * so a file id the bot stored in its database (a listing's photo) still shows
 * after the playground restarts.
 */
export function createFileStore(dir: string): FileStore {
  return {
    async save(bytes, meta) {
      await mkdir(dir, { recursive: true });
      const fileId = `PG${randomBytes(18).toString('base64url')}`;
      const stored: StoredFile = {
        fileId,
        uniqueId: createHash('sha256').update(bytes).digest('base64url').slice(0, 16),
        filename: meta.filename,
        contentType: meta.contentType,
        size: bytes.byteLength,
        ...imageSize(bytes),
      };
      await writeFile(join(dir, fileId), bytes);
      await writeFile(join(dir, `${fileId}.json`), JSON.stringify(stored));
      return stored;
    },
    async describe(fileId) {
      if (!FILE_ID.test(fileId)) return null;
      try {
        return JSON.parse(await readFile(join(dir, `${fileId}.json`), 'utf8')) as StoredFile;
      } catch {
        return null;
      }
    },
    async read(fileId) {
      if (!FILE_ID.test(fileId)) return null;
      try {
        return new Uint8Array(await readFile(join(dir, fileId)));
      } catch {
        return null;
      }
    },
  };
}
