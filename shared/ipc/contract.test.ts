import { describe, expect, it } from 'vitest';
import { CHANNELS, EVENTS } from './channels';
import { contract, events } from './contract';
import { backupChannels, backupEvents } from './contract/backups';
import { bundleChannels, bundleEvents } from './contract/bundles';
import { documentChannels, documentEvents } from './contract/documents';
import { taggingChannels, taggingEvents } from './contract/tagging';
import { vaultChannels, vaultEvents } from './contract/vault';

/**
 * The contract merges its domains' slices. `satisfies Record<Channel, …>` catches a channel missing or
 * unknown, but not one listed in two slices: the later slice's schemas would silently win.
 */
describe('the contract slices', () => {
  it('list every channel once', () => {
    const listed = [vaultChannels, backupChannels, documentChannels, taggingChannels, bundleChannels].flatMap((slice) => Object.keys(slice));
    expect(listed.sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
  });

  it('list every event once', () => {
    const listed = [vaultEvents, backupEvents, documentEvents, taggingEvents, bundleEvents].flatMap((slice) => Object.keys(slice));
    expect(listed.sort()).toEqual([...EVENTS].sort());
    expect(Object.keys(events).sort()).toEqual([...EVENTS].sort());
  });
});
