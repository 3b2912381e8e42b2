import { z } from 'zod';
import { HexColorSchema, IdSchema, PlatformSchema } from './common';
import { ChannelConnectionSchema } from './channel-connections';
import { ChannelWordingSchema } from './wording';

export const ChannelSchema = z.object({
  id: IdSchema,
  name: z.string(),
  platform: PlatformSchema,
  color: z.string(),
  /** The channel's wording settings (the API always sends them; {}: the defaults). */
  wording: ChannelWordingSchema.optional(),
  /** Non-secret settings (CHANNEL_SETTINGS_SCHEMAS); the secrets are never sent. */
  settings: z.record(z.string(), z.unknown()).optional(),
  connection: ChannelConnectionSchema.optional(),
  createdAt: z.string(),
});
export type Channel = z.infer<typeof ChannelSchema>;

export const ChannelListSchema = z.object({ items: z.array(ChannelSchema) });
export type ChannelList = z.infer<typeof ChannelListSchema>;

export const CreateChannelRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  platform: PlatformSchema,
  color: HexColorSchema.optional(),
  wording: ChannelWordingSchema.optional(),
});
export type CreateChannelRequest = z.input<typeof CreateChannelRequestSchema>;

export const UpdateChannelRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(80).optional(),
  color: HexColorSchema.optional(),
  wording: ChannelWordingSchema.nullable().optional().meta({
    description: 'Replaces the wording settings as a whole; null resets them to the defaults',
  }),
  settings: z.record(z.string(), z.unknown()).optional().meta({
    description:
      "Replaces the non-secret settings as a whole, checked against the platform's schema",
  }),
});
export type UpdateChannelRequest = z.input<typeof UpdateChannelRequestSchema>;
