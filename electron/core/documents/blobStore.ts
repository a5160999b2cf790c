import { createHash } from 'node:crypto';
import type { VaultDatabase } from '../vault/database';

/**
 * Binary content inside the encrypted database: originals, page images, thumbnails. Rows are written
 * in the caller's transaction, so a blob never outlives the document that referenced it by accident.
 */
export interface StoredBlob {
  id: number;
  sha256: string;
  mime: string;
  size: number;
}

export function putBlob(db: VaultDatabase, data: Uint8Array, mime: string): StoredBlob {
  const sha256 = createHash('sha256').update(data).digest('hex');
  const result = db
    .prepare('INSERT INTO blobs (sha256, mime, size, data) VALUES (?, ?, ?, ?)')
    .run(sha256, mime, data.byteLength, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  return { id: Number(result.lastInsertRowid), sha256, mime, size: data.byteLength };
}

export function deleteBlobs(db: VaultDatabase, ids: Array<number | null>): void {
  const remove = db.prepare('DELETE FROM blobs WHERE id = ?');
  for (const id of ids) if (id !== null) remove.run(id);
}
