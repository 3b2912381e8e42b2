import type { Campaign, Channel } from '@postplan/contracts';
import { publishedText } from '@postplan/domain';
import { Field } from '../../../components/ui/field';
import { useCampaigns } from '../../../lib/api/queries';
import { useI18n } from '../../../lib/i18n/i18n-context';
import type { PostEditorState } from '../hooks/use-post-editor';
import type { PostFormValues } from '../utils/post-form';

export type TaggedText = { channel: Channel; text: string };

/**
 * What each ticked channel publishes once the campaign's UTM parameters are appended to its
 * links: only the channels whose text tagging changes. The same function tags at publishing
 * and goes into the approved content, so this is what will be approved and sent.
 */
export function taggedTexts(
  values: Pick<PostFormValues, 'text' | 'channels'>,
  campaign: Pick<Campaign, 'utm'> | undefined,
  channelsById: ReadonlyMap<string, Channel>,
): TaggedText[] {
  if (!campaign?.utm) return [];
  return values.channels.flatMap((choice) => {
    const channel = channelsById.get(choice.channelId);
    if (!channel) return [];
    const text = choice.text.trim() ? choice.text : values.text;
    const tagged = publishedText(text, campaign.utm, channel.platform);
    return tagged === text ? [] : [{ channel, text: tagged }];
  });
}

/** The post's campaign, and its links as they will be published. */
export function CampaignField({ editor }: { editor: PostEditorState }) {
  const { t } = useI18n();
  const { campaigns, campaignsById } = useCampaigns(editor.workspace.slug);
  const { values } = editor;
  const current = values.campaignId ? campaignsById.get(values.campaignId) : undefined;
  const tagged = taggedTexts(values, current, editor.channelsById);
  if (campaigns.length === 0 && !values.campaignId) return null;
  return (
    <>
      <Field
        label={t('editor.campaign')}
        hint={current?.utm ? t('editor.campaignHint') : undefined}
      >
        <select
          name="campaignId"
          value={values.campaignId}
          data-testid="campaign-select"
          onChange={(e) => editor.set('campaignId', e.target.value)}
        >
          <option value="">{t('editor.noCampaign')}</option>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </Field>
      {tagged.length > 0 && (
        <section
          className="tagged-links"
          aria-label={t('editor.taggedLinks')}
          data-testid="tagged-preview"
        >
          <p className="field__label">{t('editor.taggedLinks')}</p>
          {tagged.map(({ channel, text }) => (
            <div key={channel.id} className="tagged-links__item" data-channel-id={channel.id}>
              <p className="field__hint">{channel.name}</p>
              <p className="tagged-links__text">{text}</p>
            </div>
          ))}
        </section>
      )}
    </>
  );
}
