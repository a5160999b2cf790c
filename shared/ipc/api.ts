import { CHANNELS, EVENTS, type Channel, type EventName } from './channels';
import type { EventPayload, Input, Output } from './contract';
import type { Result } from './errors';

/**
 * The shape of `window.dalel`, built from the channel list: `vault:unlock` becomes
 * `dalel.vault.unlock(input)`. The preload and the loopback test host's bridge both build it with
 * `buildApi`, each with its own transport, so the renderer cannot tell them apart.
 */
type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string> = C extends `${string}:${infer V}` ? V : never;
type Call<C extends Channel> = Record<string, never> extends Input<C>
  ? (input?: Input<C>) => Promise<Result<Output<C>>>
  : (input: Input<C>) => Promise<Result<Output<C>>>;

export type DalelApi = {
  [D in DomainOf<Channel>]: {
    [C in Extract<Channel, `${D}:${string}`> as VerbOf<C>]: Call<C>;
  };
} & {
  /** Subscribe to a push event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export interface Transport {
  invoke(channel: Channel, input: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

export function buildApi(transport: Transport): DalelApi {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    const [domain, verb] = channel.split(':') as [string, string];
    const group = (api[domain] ??= {}) as Record<string, unknown>;
    group[verb] = (input: unknown) => transport.invoke(channel, input ?? {});
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!(EVENTS as readonly string[]).includes(event)) throw new Error(`Unknown event ${String(event)}`);
    return transport.subscribe(event, listener);
  };
  return deepFreeze(api) as unknown as DalelApi;
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) {
    if (inner && typeof inner === 'object') deepFreeze(inner as object);
  }
  return Object.freeze(value);
}
