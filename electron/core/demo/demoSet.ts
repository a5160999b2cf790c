import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import { OCR_LANGUAGES } from '../../../shared/domain/document';
import { PERSON_ROLES, RELATION_TYPES } from '../../../shared/domain/tagging';
import { DalelFailure } from '../errors';

/**
 * The demo vault's sample set (resources/demo): fictional documents, each pinned by SHA-256 in demo.json,
 * and the fictional persons and case registered with them. Read whole and checked before anything is
 * written, so a damaged or altered set is refused before a demo vault is created from it, and the bytes
 * checked are the bytes imported (they are handed to the import as data, not as paths to read again).
 */

/** resources/demo in this repository (Node tools and tests; the app passes its packaged copy). */
export function defaultDemoDir(): string {
  return resolve(__dirname, '../../../resources/demo');
}

const DEMO_FILE = 'demo.json';
const Words = z.object({ en: z.string().min(1), ru: z.string().min(1), kk: z.string().min(1) }).strict();
const PersonId = z.string().regex(/^demo-[a-z-]{1,40}$/);

const DemoFile = z
  .object({
    about: z.string(),
    documents: z
      .array(
        z
          .object({
            // a plain file name in the folder: nothing outside it is ever read
            file: z.string().refine((name) => name === basename(name) && name !== DEMO_FILE && !name.startsWith('.')),
            sha256: z.string().regex(/^[0-9a-f]{64}$/),
            bytes: z.number().int().positive().max(5 * 1024 * 1024),
            languages: z.array(z.enum(OCR_LANGUAGES)).min(1),
            persons: z.array(PersonId),
            inCase: z.boolean(),
          })
          .strict(),
      )
      .min(1)
      .max(10),
    persons: z
      .array(
        z
          .object({
            id: PersonId,
            name: Words,
            variants: z.array(z.string().min(1)),
            role: z.enum(PERSON_ROLES),
            dateOfBirth: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
            protected: z.boolean(),
            notes: Words,
            relations: z.array(z.object({ type: z.enum(RELATION_TYPES), to: PersonId }).strict()),
          })
          .strict(),
      )
      .min(1),
    case: z.object({ title: Words, notes: Words, persons: z.array(PersonId) }).strict(),
  })
  .strict()
  .superRefine((set, context) => {
    const ids = new Set(set.persons.map((person) => person.id));
    const named = [...set.documents.flatMap((document) => document.persons), ...set.case.persons, ...set.persons.flatMap((person) => person.relations.map((relation) => relation.to))];
    for (const id of named) if (!ids.has(id)) context.addIssue({ code: 'custom', message: `${id} is not one of the demo persons` });
    if (new Set(set.documents.map((document) => document.sha256)).size !== set.documents.length) context.addIssue({ code: 'custom', message: 'a document is listed twice' });
  });

export type DemoSetFile = z.infer<typeof DemoFile>;
export type DemoDocument = DemoSetFile['documents'][number] & { data: Uint8Array };
export type DemoPerson = DemoSetFile['persons'][number];
export interface DemoSet {
  documents: DemoDocument[];
  persons: DemoPerson[];
  case: DemoSetFile['case'];
}

/** Read and check the sample set in `dir`; `internal` (the app's own files are broken) when anything is off. */
export function loadDemoSet(dir: string): DemoSet {
  const broken = (why: string) => new DalelFailure('internal', `The sample documents that come with Dalel are damaged (${why}). Reinstall Dalel to try the demo.`);
  let parsed: DemoSetFile;
  try {
    parsed = DemoFile.parse(JSON.parse(readFileSync(join(dir, DEMO_FILE), 'utf8')));
  } catch (error) {
    throw broken(`${DEMO_FILE}: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);
  }
  const documents = parsed.documents.map((document) => {
    let data: Buffer;
    try {
      data = readFileSync(join(dir, document.file));
    } catch {
      throw broken(`${document.file} is missing`);
    }
    if (data.byteLength !== document.bytes || createHash('sha256').update(data).digest('hex') !== document.sha256) {
      throw broken(`${document.file} is not the file listed`);
    }
    return { ...document, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  });
  return { documents, persons: parsed.persons, case: parsed.case };
}
