/**
 * A ZIP archive written with node:zlib alone (deflate and CRC-32), so an export needs no new
 * dependency. File names are UTF-8 and flagged so (general purpose bit 11): Kazakh and Chinese names
 * open correctly in Windows Explorer and macOS Archive Utility. No ZIP64: an entry or archive past
 * 4 GiB is refused, far beyond any bundle.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { DalelFailure } from '../errors';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** shown as the entry's modification time */
  date?: Date;
}

const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const STORE = 0;
const VERSION = 20; // 2.0: deflate
const LIMIT = 0xffff_fffe;

function dosDateTime(date: Date): { time: number; day: number } {
  const year = Math.min(Math.max(date.getFullYear(), 1980), 2107);
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    day: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

export function zipArchive(entries: readonly ZipEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const names = new Set<string>();
  for (const entry of entries) {
    const name = entry.name.replaceAll('\\', '/').replace(/^\/+/, '');
    if (!name || names.has(name) || name.split('/').includes('..')) throw new DalelFailure('validation', `"${name}" cannot be a file name in the archive.`);
    names.add(name);
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(entry.data, { level: 6 });
    // Already compressed content (a PDF's streams, JPEG) may not shrink: store it then.
    const method = deflated.length < entry.data.length ? DEFLATE : STORE;
    const body = method === DEFLATE ? deflated : Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
    if (entry.data.length > LIMIT || body.length > LIMIT || offset > LIMIT) throw new DalelFailure('validation', 'The archive would be larger than 4 GB.');
    const crc = crc32(entry.data);
    const { time, day } = dosDateTime(entry.date ?? new Date());

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE((3 << 8) | VERSION, 4); // made by: Unix, 2.0
    header.writeUInt16LE(VERSION, 6);
    header.writeUInt16LE(UTF8_NAMES, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(day, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(body.length, 20);
    header.writeUInt32LE(entry.data.length, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt32LE((0o100600 << 16) >>> 0, 38); // a regular file, rw for the owner only
    header.writeUInt32LE(offset, 42);
    central.push(header, nameBytes);

    chunks.push(local, nameBytes, body);
    offset += local.length + nameBytes.length + body.length;
  }
  const centralSize = central.reduce((sum, chunk) => sum + chunk.length, 0);
  if (offset > LIMIT || entries.length > 0xfffe) throw new DalelFailure('validation', 'The archive would be larger than 4 GB.');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
