/**
 * Channel and event names, without schemas, so that the sandboxed preload can build `window.dalel`
 * from this list without bundling zod. `contract.ts` gives every name here its schemas; a test checks
 * the two lists are the same.
 */
export const CHANNELS = [
  'vault:create',
  'vault:unlock',
  'vault:openDemo',
  'vault:lock',
  'vault:status',
  'vault:changePassphrase',
  'vault:verify',
  'settings:get',
  'settings:update',
  'session:activity',
  'dialog:pickFolder',
  'dialog:pickFiles',
  'clipboard:copyRecoveryCode',
  'recovery:saveCode',
  'documents:import',
  'documents:importFiles',
  'documents:cancelImport',
  'documents:retryImport',
  'documents:list',
  'documents:get',
  'documents:pageImage',
  'documents:rerunOcr',
  'documents:confirmReading',
  'documents:edit',
  'documents:delete',
  'search:query',
  'search:documentMatches',
  'persons:list',
  'persons:get',
  'persons:save',
  'persons:addVariant',
  'persons:removeVariant',
  'persons:merge',
  'persons:addRelation',
  'laws:list',
  'laws:save',
  'tags:forDocument',
  'tags:suggest',
  'tags:accept',
  'tags:reject',
  'tags:add',
  'tags:remove',
  'tags:addPerson',
  'deadlines:list',
  'deadlines:add',
  'deadlines:setDone',
  'cases:list',
  'cases:get',
  'cases:save',
  'cases:setMember',
  'cases:forMember',
  'dialog:pickSavePath',
  'documents:translations',
  'documents:attachTranslation',
  'bundles:list',
  'bundles:get',
  'bundles:save',
  'bundles:delete',
  'bundles:propose',
  'bundles:plan',
  'bundles:previewPage',
  'bundles:export',
  'bundles:cancelExport',
  'bundles:openExported',
  'vault:rotateKey',
  'vault:newRecoveryCode',
  'vault:wipe',
  'vault:restore',
  'dialog:pickBackupFile',
  'backups:now',
  'backups:cancel',
  'backups:schedule',
  'backups:setSchedule',
] as const;

export type Channel = (typeof CHANNELS)[number];

/** Push events, main → renderer. */
export const EVENTS = ['vault:statusChanged', 'import:progress', 'documents:changed', 'tags:changed', 'bundles:progress', 'backups:progress', 'register:changed'] as const;

export type EventName = (typeof EVENTS)[number];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENTS as readonly string[]).includes(value);
}
