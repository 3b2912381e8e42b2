import { MAX_ALT_TEXT_LENGTH, MAX_MEDIA_PER_POST, type MediaItem } from '@postplan/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { Field } from '../../../components/ui/field';
import { useToast } from '../../../components/ui/toast';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { usePickerMedia, useUploadForPost } from '../api/use-media-picker';
import type { PostEditorState } from '../hooks/use-post-editor';
import './editor-media.css';

/**
 * The post's images and videos: picked from the library or uploaded on the spot, in the order
 * the platforms show them, each with the alt text this post uses.
 */
export function EditorMedia({ editor }: { editor: PostEditorState }) {
  const { t } = useI18n();
  const { values, editable } = editor;
  const [picking, setPicking] = useState(false);
  const count = values.media.length;
  return (
    <fieldset className="editor-form__group editor-media" data-testid="editor-media">
      <legend className="field__label">{t('editor.media')}</legend>
      {count === 0 && <p className="field__hint">{t('editor.media.none')}</p>}
      <ol className="editor-media__list">
        {values.media.map((m, index) => (
          <li key={m.mediaId} className="editor-media__item" data-testid="editor-media-item">
            <img className="editor-media__thumb" src={m.thumbnailUrl} alt="" />
            <div className="editor-media__body">
              <span className="editor-media__name">
                {index + 1}. {m.name}
              </span>
              <Field
                label={t('editor.media.altText', { name: m.name })}
                hint={t('editor.media.altHint')}
              >
                <textarea
                  rows={2}
                  value={m.altText}
                  maxLength={MAX_ALT_TEXT_LENGTH}
                  readOnly={!editable}
                  onChange={(e) => editor.media.setAltText(m.mediaId, e.target.value)}
                />
              </Field>
            </div>
            {editable && (
              <div className="editor-media__actions">
                <button
                  type="button"
                  className="button button--small"
                  disabled={index === 0}
                  onClick={() => editor.media.move(m.mediaId, -1)}
                  aria-label={t('editor.media.earlier', { name: m.name })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button--small"
                  disabled={index === count - 1}
                  onClick={() => editor.media.move(m.mediaId, 1)}
                  aria-label={t('editor.media.later', { name: m.name })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button button--small button--danger"
                  onClick={() => editor.media.remove(m.mediaId)}
                  aria-label={t('editor.media.remove', { name: m.name })}
                >
                  ×
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {editable && count < MAX_MEDIA_PER_POST && (
        <button
          type="button"
          className="button button--small"
          aria-expanded={picking}
          onClick={() => setPicking((open) => !open)}
          data-testid="editor-media-add"
        >
          {t(picking ? 'editor.media.closePicker' : 'editor.media.add')}
        </button>
      )}
      {picking && (
        <MediaPicker
          workspace={editor.workspace.slug}
          attached={new Set(values.media.map((m) => m.mediaId))}
          onPick={(item) => editor.media.add(item)}
        />
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
