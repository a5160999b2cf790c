import type { z } from 'zod';
import type { Channel, EventName } from './channels';
import { backupChannels, backupEvents } from './contract/backups';
import { bundleChannels, bundleEvents } from './contract/bundles';
import { documentChannels, documentEvents } from './contract/documents';
import type { ChannelSchemas } from './contract/slice';
import { taggingChannels, taggingEvents } from './contract/tagging';
import { vaultChannels, vaultEvents } from './contract/vault';

// The schemas live per domain in shared/schemas/; what the contract's users import from here stays here.
export * from '../schemas/vault';
export * from '../schemas/documents';
export * from '../schemas/search';
export * from '../schemas/tagging';
export * from '../schemas/bundles';
export { OcrLanguage } from '../schemas/common';
export { MAX_IMPORT_BYTES, MAX_QUERY_LENGTH } from '../domain/limits';

/**
 * The one contract between the renderer and the core. Every channel is listed once with the schema of
 * its input and output, in its domain's slice (shared/ipc/contract/): vault, backups, documents, tagging, bundles.
 * `electron/main` and the loopback test host both answer it from the same handler table
 * (electron/core/ipc/handlers.ts); inputs are validated there, at the boundary.
 */
export const contract = {
  ...vaultChannels,
  ...backupChannels,
  ...documentChannels,
  ...taggingChannels,
  ...bundleChannels,
} as const satisfies Record<Channel, ChannelSchemas>;

export const events = {
  ...vaultEvents,
  ...backupEvents,
  ...documentEvents,
  ...taggingEvents,
  ...bundleEvents,
} as const satisfies Record<EventName, z.ZodType>;

export type Contract = typeof contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
