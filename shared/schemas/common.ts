import { z } from 'zod';
import { IMPORT_ERROR_CODES, IMPORT_WARNINGS, OCR_LANGUAGES } from '../domain/documentKinds';
import { MAX_QUERY_LENGTH } from '../domain/limits';
import { MAX_PASSPHRASE_LENGTH } from '../domain/passphrase';


/** Building blocks of the schemas: paths, ids, days, boxes, languages, queries — each checked the same way on every channel. */

export const passphrase = z.string().max(MAX_PASSPHRASE_LENGTH);
export const vaultPath = z.string().min(1).max(4096);
export const empty = z.object({}).strict();

export const OcrLanguage = z.enum(OCR_LANGUAGES);
export const languages = z.array(OcrLanguage).min(1).max(OCR_LANGUAGES.length);
export const docId = z.string().regex(/^doc_[A-Za-z0-9_-]{6,40}$/);
export const ImportWarning = z.enum(IMPORT_WARNINGS);
export const ImportError = z.object({ code: z.enum(IMPORT_ERROR_CODES), message: z.string() });
export const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'Expected bytes');

/** A day that exists: 2021-02-30 and 9999-99-99 match the pattern but reached the handlers as `internal` (handler fuzz). */
export const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD')
  .refine((text) => {
    const [year, month, date] = text.split('-').map(Number) as [number, number, number];
    const parsed = new Date(Date.UTC(year, month - 1, date));
    return year >= 1 && parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === date;
  }, 'Expected a date that exists');
export const box = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export const query = z.string().max(MAX_QUERY_LENGTH);

export const personId = z.string().min(1).max(64);
export const name = z.string().min(1).max(500);

export const bundleId = z.string().regex(/^bnd_[A-Za-z0-9_-]{6,40}$/);
export const pixelBox = z.tuple([z.number().min(0), z.number().min(0), z.number().positive(), z.number().positive()]);

export const savePath = z.string().min(1).max(4096);

export const auditHeadRef = z.object({ seq: z.number().int(), hash: z.string() });
