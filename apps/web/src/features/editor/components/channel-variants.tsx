import type { Extension } from '@codemirror/state';
import { useI18n } from '../../../lib/i18n/i18n-context';
import type { PostEditorState } from '../hooks/use-post-editor';
import { ChannelMedia } from './editor-media';
import type { RenderTextField } from './editor-text-field';
import { VariantOptions } from './variant-options';

type ChannelVariantsProps = {
  editor: PostEditorState;
  renderTextField: RenderTextField;
  textExtensions?: Readonly<Record<string, readonly Extension[]>> | undefined;
};

/** The channels a post goes to, each with its own text when it should differ from the base. */
export function ChannelVariants({ editor, renderTextField, textExtensions }: ChannelVariantsProps) {
  const { t } = useI18n();
  const { channels, channelsById, values, editable, toggleChannel, setOverride, setOption } =
    editor;
  return (
    <fieldset className="editor-form__group">
      <legend className="field__label">{t('editor.channels')}</legend>
      {channels.length === 0 && <p className="field__hint">{t('editor.noChannels')}</p>}
      <ul className="channel-list">
        {channels.map((channel) => {
          const choice = values.channels.find((c) => c.channelId === channel.id);
          const extensions = textExtensions?.[channel.id];
          return (
            <li key={channel.id} className="channel-list__item">
              <label className="choice">
                <input
                  type="checkbox"
                  checked={choice !== undefined}
                  onChange={(e) => toggleChannel(channel.id, e.target.checked)}
                />
                <span
                  className="channel-dot"
                  style={{ background: channel.color }}
                  aria-hidden="true"
                />
                {channel.name}
                <span className="channel-list__platform">{channel.platform}</span>
              </label>
              {choice &&
                renderTextField({
                  field: channel.id,
                  counterLabel: channel.name,
                  label: t('editor.override', { channel: channel.name }),
                  hint: t('editor.overrideHint'),
                  value: choice.text,
                  onChange: (text) => setOverride(channel.id, text),
                  readOnly: !editable,
                  testId: `text-${channel.id}`,
                  ...(extensions ? { extensions } : {}),
                })}
              {choice && <ChannelMedia editor={editor} channel={channel} />}
              {choice && (
                <VariantOptions
                  channel={channel}
                  options={choice.options ?? {}}
                  issues={editor.optionProblems.get(channel.id) ?? new Map<string, string>()}
                  readOnly={!editable}
                  onChange={(key, value) => setOption(channel.id, key, value)}
                />
              )}
            </li>
          );
        })}
        {values.channels
          .filter((c) => !channelsById.has(c.channelId))
          .map((c) => (
            <li key={c.channelId} className="channel-list__item channel-list__item--missing">
              {c.channelId}
            </li>
          ))}
      </ul>
      {editor.removed && (
        <p className="notice channel-list__removed" role="status" data-testid="channel-removed">
          <span>
            {t('editor.channelRemoved', {
              channel: channelsById.get(editor.removed.channelId)?.name ?? editor.removed.channelId,
            })}
          </span>{' '}
          <button type="button" className="button button--small" onClick={editor.undoRemove}>
            {t('editor.channelRemoved.undo')}
          </button>
        </p>
      )}
    </fieldset>
  );
}
