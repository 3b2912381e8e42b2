import {
  BLUESKY_REPLY_MAX,
  FACEBOOK_FIRST_COMMENT_MAX,
  INSTAGRAM_FIRST_COMMENT_MAX,
  LINKEDIN_FIRST_COMMENT_MAX,
  MASTODON_REPLY_MAX,
  PINTEREST_TITLE_MAX,
  type Platform,
  type VariantOptions,
  parseVariantOptions,
} from '@postplan/contracts';
import type { MessageKey } from '../../../lib/i18n/messages-en';

/**
 * The fields of a channel's options section, per platform. The schemas in libs/contracts decide
 * what is valid (the form checks with them, the API again); this only says how to ask.
 */
export type OptionField =
  | {
      key: string;
      kind: 'text' | 'textarea' | 'url';
      label: MessageKey;
      hint?: MessageKey;
      maxLength?: number;
    }
  | {
      key: string;
      kind: 'select';
      label: MessageKey;
      hint?: MessageKey;
      /** The first choice is the platform's default, sent as "no option". */
      choices: readonly { value: string; label: MessageKey }[];
    }
  | { key: string; kind: 'checkbox'; label: MessageKey; hint?: MessageKey };

const firstComment = (max: number, label: MessageKey = 'options.firstComment'): OptionField => ({
  key: 'firstComment',
  kind: 'textarea',
  label,
  hint: label === 'options.reply' ? 'options.reply.hint' : 'options.firstComment.hint',
  maxLength: max,
});

export const OPTION_FIELDS: Partial<Record<Platform, readonly OptionField[]>> = {
  instagram: [
    {
      key: 'format',
      kind: 'select',
      label: 'options.format',
      choices: [
        { value: '', label: 'options.format.post' },
        { value: 'reel', label: 'options.format.reel' },
        { value: 'story', label: 'options.format.story' },
      ],
    },
    firstComment(INSTAGRAM_FIRST_COMMENT_MAX),
  ],
  facebook: [
    { key: 'link', kind: 'url', label: 'options.link', hint: 'options.link.facebookHint' },
    firstComment(FACEBOOK_FIRST_COMMENT_MAX),
  ],
  linkedin: [
    {
      key: 'visibility',
      kind: 'select',
      label: 'options.visibility',
      choices: [
        { value: '', label: 'options.visibility.PUBLIC' },
        { value: 'CONNECTIONS', label: 'options.visibility.CONNECTIONS' },
        { value: 'LOGGED_IN', label: 'options.visibility.LOGGED_IN' },
      ],
    },
    firstComment(LINKEDIN_FIRST_COMMENT_MAX),
  ],
  bluesky: [firstComment(BLUESKY_REPLY_MAX, 'options.reply')],
  mastodon: [
    {
      key: 'visibility',
      kind: 'select',
      label: 'options.visibility',
      choices: [
        { value: '', label: 'options.visibility.public' },
        { value: 'unlisted', label: 'options.visibility.unlisted' },
        { value: 'private', label: 'options.visibility.private' },
      ],
    },
    { key: 'spoilerText', kind: 'text', label: 'options.spoilerText', maxLength: 500 },
    firstComment(MASTODON_REPLY_MAX, 'options.reply'),
  ],
  pinterest: [
    { key: 'boardId', kind: 'text', label: 'options.boardId', hint: 'options.boardId.hint' },
    { key: 'title', kind: 'text', label: 'options.pinTitle', maxLength: PINTEREST_TITLE_MAX },
    { key: 'link', kind: 'url', label: 'options.destination' },
  ],
  telegram: [
    { key: 'silent', kind: 'checkbox', label: 'options.silent', hint: 'options.silent.hint' },
    { key: 'disableLinkPreview', kind: 'checkbox', label: 'options.disableLinkPreview' },
  ],
  x: [
    {
      key: 'replySettings',
      kind: 'select',
      label: 'options.replySettings',
      choices: [
        { value: '', label: 'options.replySettings.everyone' },
        { value: 'following', label: 'options.replySettings.following' },
        { value: 'mentionedUsers', label: 'options.replySettings.mentionedUsers' },
      ],
    },
  ],
  sandbox: [firstComment(2000)],
};

export function optionFieldsFor(platform: Platform): readonly OptionField[] {
  return OPTION_FIELDS[platform] ?? [];
}

/**
 * What the contracts' schema says about a channel's options, by field; empty when all is well.
 * Options the form has no field for are reported under '' so they are not silently lost.
 */
export function optionIssues(
  platform: Platform,
  options: VariantOptions | undefined,
): Map<string, string> {
  const issues = new Map<string, string>();
  if (!options) return issues;
  const parsed = parseVariantOptions(platform, options);
  if (parsed.success) return issues;
  for (const issue of parsed.issues) {
    const key = issue.path.split('.')[0] ?? '';
    if (!issues.has(key)) issues.set(key, issue.message);
  }
  return issues;
}
