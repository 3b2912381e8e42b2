import {
  MAX_ALT_TEXT_LENGTH,
  MAX_MEDIA_PER_POST,
  type Channel,
  type MediaItem,
} from '@postplan/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { Field } from '../../../components/ui/field';
import { useToast } from '../../../components/ui/toast';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { usePickerMedia, useUploadForPost } from '../api/use-media-picker';
import type { PostEditorState } from '../hooks/use-post-editor';
import type { MediaDraft } from '../utils/post-form';
import './editor-media.css';

type MediaListActions = {
  add: (item: MediaItem | MediaDraft) => void;
  remove: (mediaId: string) => void;
  move: (mediaId: string, by: -1 | 1) => void;
  setAltText: (mediaId: string, altText: string) => void;
};

/** What the list's controls say: the post's list and a channel's are told apart by name. */
type MediaListLabels = {
  altText: (name: string) => string;
  earlier: (name: string) => string;
  later: (name: string) => string;
  remove: (name: string) => string;
};

/** One media list in order, each item with its alt text and buttons to move or remove it. */
function MediaList({
  items,
  editable,
  actions,
  labels,
  testId,
}: {
  items: readonly MediaDraft[];
  editable: boolean;
  actions: MediaListActions;
  labels: MediaListLabels;
  testId: string;
}) {
  const { t } = useI18n();
  const count = items.length;
  return (
    <ol className="editor-media__list">
      {items.map((m, index) => (
        <li
          key={m.mediaId}
          className="editor-media__item"
          data-testid={testId}
          data-media-id={m.mediaId}
        >
          <img className="editor-media__thumb" src={m.thumbnailUrl} alt="" />
          <div className="editor-media__body">
            <span className="editor-media__name">
              {index + 1}. {m.name}
              {m.kind === 'video' && ` (${t('media.kind.video')})`}
            </span>
            <Field label={labels.altText(m.name)} hint={t('editor.media.altHint')}>
              <textarea
                rows={2}
                value={m.altText}
                maxLength={MAX_ALT_TEXT_LENGTH}
                readOnly={!editable}
                onChange={(e) => actions.setAltText(m.mediaId, e.target.value)}
              />
            </Field>
          </div>
          {editable && (
            <div className="editor-media__actions">
              <button
                type="button"
                className="button button--small"
                disabled={index === 0}
                onClick={() => actions.move(m.mediaId, -1)}
                aria-label={labels.earlier(m.name)}
              >
                ↑
              </button>
              <button
                type="button"
                className="button button--small"
                disabled={index === count - 1}
                onClick={() => actions.move(m.mediaId, 1)}
                aria-label={labels.later(m.name)}
              >
                ↓
              </button>
              <button
                type="button"
                className="button button--small button--danger"
                onClick={() => actions.remove(m.mediaId)}
                aria-label={labels.remove(m.name)}
              >
                ×
              </button>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

/** "Add media…" and the library picker it opens, for a list that has room left. */
function AddMedia({
  workspace,
  attached,
  onPick,
  label,
}: {
  workspace: string;
  attached: readonly MediaDraft[];
  onPick: (item: MediaItem) => void;
  label: string;
}) {
  const { t } = useI18n();
  const [picking, setPicking] = useState(false);
  if (attached.length >= MAX_MEDIA_PER_POST) return null;
  return (
    <>
      <button
        type="button"
        className="button button--small"
        aria-expanded={picking}
        onClick={() => setPicking((open) => !open)}
        data-testid="editor-media-add"
      >
        {picking ? t('editor.media.closePicker') : label}
      </button>
      {picking && (
        <MediaPicker
          workspace={workspace}
          attached={new Set(attached.map((m) => m.mediaId))}
          onPick={onPick}
        />
      )}
    </>
  );
}

/**
 * The post's images and videos: picked from the library or uploaded on the spot, in the order
 * the platforms show them, each with the alt text this post uses.
 */
export function EditorMedia({ editor }: { editor: PostEditorState }) {
  const { t } = useI18n();
  const { values, editable } = editor;
  return (
    <fieldset className="editor-form__group editor-media" data-testid="editor-media">
      <legend className="field__label">{t('editor.media')}</legend>
      {values.media.length === 0 && <p className="field__hint">{t('editor.media.none')}</p>}
      <MediaList
        items={values.media}
        editable={editable}
        actions={editor.media}
        testId="editor-media-item"
        labels={{
          altText: (name) => t('editor.media.altText', { name }),
          earlier: (name) => t('editor.media.earlier', { name }),
          later: (name) => t('editor.media.later', { name }),
          remove: (name) => t('editor.media.remove', { name }),
        }}
      />
      {editable && (
        <AddMedia
          workspace={editor.workspace.slug}
          attached={values.media}
          onPick={editor.media.add}
          label={t('editor.media.add')}
        />
      )}
    </fieldset>
  );
}

/**
 * A channel's media: the post's (the default), or its own selection and order of them, for a
 * platform that should get fewer, others or another order (no video on X, another picture for
 * Pinterest). Its own list starts as a copy of the post's; the post's media it leaves out are
 * offered back, and the library is open to it too. What the platform would refuse (the live
 * check while media are chosen, or the last submit's refusal) is named here, under the channel
 * it concerns.
 */
export function ChannelMedia({ editor, channel }: { editor: PostEditorState; channel: Channel }) {
  const { t } = useI18n();
  const { values, editable } = editor;
  const choice = values.channels.find((c) => c.channelId === channel.id);
  if (!choice) return null;
  const own = choice.media ?? null;
  const actions = editor.channelMedia(channel.id);
  const problems = editor.mediaProblems.get(channel.id) ?? [];
  const name = channel.name;
  const missing = own ? values.media.filter((m) => !own.some((o) => o.mediaId === m.mediaId)) : [];
  // Nothing to choose between: no media on the post and none of its own.
  if (!own && values.media.length === 0 && problems.length === 0 && !editable) return null;
  return (
    <fieldset
      className="channel-media"
      data-testid={`channel-media-${channel.id}`}
      data-own={own ? 'true' : 'false'}
    >
      <legend className="channel-media__legend">
        {t('editor.channelMedia.title', { channel: name })}
      </legend>
      <label className="choice">
        <input
          type="checkbox"
          checked={own !== null}
          disabled={!editable}
          onChange={(e) => actions.setOwn(e.target.checked)}
        />
        {t('editor.channelMedia.own', { channel: name })}
      </label>
      {!own && (
        <p className="field__hint" data-testid="channel-media-summary">
          {t('editor.channelMedia.follows', { count: values.media.length })}
        </p>
      )}
      {own && (
        <>
          {own.length === 0 && (
            <p className="field__hint" data-testid="channel-media-summary">
              {t('editor.channelMedia.none', { channel: name })}
            </p>
          )}
          <MediaList
            items={own}
            editable={editable}
            actions={actions}
            testId="channel-media-item"
            labels={{
              altText: (item) => t('editor.channelMedia.altText', { name: item, channel: name }),
              earlier: (item) => t('editor.channelMedia.earlier', { name: item, channel: name }),
              later: (item) => t('editor.channelMedia.later', { name: item, channel: name }),
              remove: (item) => t('editor.channelMedia.remove', { name: item, channel: name }),
            }}
          />
          {editable && missing.length > 0 && (
            <p className="channel-media__back">
              <span>{t('editor.channelMedia.fromPost')}</span>{' '}
              {missing.map((m) => (
                <button
                  key={m.mediaId}
                  type="button"
                  className="button button--small"
                  onClick={() => actions.add(m)}
                  aria-label={t('editor.channelMedia.addBack', { name: m.name, channel: name })}
                >
                  + {m.name}
                </button>
              ))}
            </p>
          )}
          {editable && (
            <AddMedia
              workspace={editor.workspace.slug}
              attached={own}
              onPick={actions.add}
              label={t('editor.channelMedia.add', { channel: name })}
            />
          )}
        </>
      )}
      {problems.length > 0 && (
        <ul className="channel-media__problems" role="alert" data-testid="channel-media-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

function MediaPicker({
  workspace,
  attached,
  onPick,
}: {
  workspace: string;
  attached: ReadonlySet<string>;
  onPick: (item: MediaItem) => void;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const searchId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const library = usePickerMedia(workspace, q, true);
  const upload = useUploadForPost(workspace);
  const items = library.data?.items ?? [];

  const uploadFiles = (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      upload.mutate(file, {
        onSuccess: (item) => onPick(item),
        onError: (error) =>
          toast.show({
            tone: 'error',
            message: t('media.uploadFailed', { name: file.name, reason: errorMessage(error, t) }),
          }),
      });
    }
  };

  return (
    <div className="media-picker" data-testid="media-picker">
      <div className="media-picker__bar">
        <label htmlFor={searchId} className="visually-hidden">
          {t('media.search')}
        </label>
        <input
          id={searchId}
          type="search"
          value={search}
          placeholder={t('media.search')}
          onChange={(e) => setSearch(e.target.value)}
        />
        <button
          type="button"
          className="button button--small"
          onClick={() => fileInput.current?.click()}
          disabled={upload.isPending}
        >
          {upload.isPending ? t('editor.media.uploading') : t('editor.media.upload')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="image/*,video/*"
          multiple
          hidden
          data-testid="editor-media-file"
          onChange={(e) => {
            uploadFiles(e.target.files);
            e.target.value = '';
          }}
        />
      </div>
      {library.isPending && <p className="field__hint">{t('media.loading')}</p>}
      {!library.isPending && items.length === 0 && (
        <p className="field__hint">{t('editor.media.emptyLibrary')}</p>
      )}
      <ul className="media-picker__grid">
        {items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className="media-picker__item"
              disabled={attached.has(item.id)}
              onClick={() => onPick(item)}
              aria-label={t('editor.media.pick', { name: item.name })}
            >
              <img src={item.thumbnailUrl} alt="" loading="lazy" />
              <span>{item.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
