import type { z } from 'zod';
import type { Channel, EventName } from '../channels';

/** One domain's part of the contract: its channels, each with the schema of its input and output. */
export type ChannelSlice = Partial<Record<Channel, ChannelSchemas>>;
export interface ChannelSchemas {
  input: z.ZodType;
  output: z.ZodType;
}

/** One domain's push events, each with the schema of its payload. */
export type EventSlice = Partial<Record<EventName, z.ZodType>>;
