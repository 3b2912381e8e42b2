import type { MediaItem, WorkspaceMembership } from '@postplan/contracts';
import { MAX_ALT_TEXT_LENGTH } from '@postplan/contracts';
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { canCreatePosts, canManageWorkspace } from '../../../lib/permissions';
import {
  useDeleteMedia,
  useMediaLibrary,
  useMediaSettings,
  useUpdateMedia,
  useUpdateMediaSettings,
  useUploadMedia,
} from '../api/use-media';
import { formatBytes, formatDuration, mediaFiles } from '../utils/media-format';
import '../media.css';

/**
 * The workspace's media library: drop or pick files to upload, find them by name or alt text,
 * describe them for people who cannot see them, and remove what no post needs.
 */
export function MediaLibraryPage({ workspace }: { workspace: WorkspaceMembership }) {
  const { t } = useI18n();
  const ws = workspace.slug;
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  // Searching waits for a pause in typing, so every key does not ask the server.
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const library = useMediaLibrary(ws, q);
  const items = library.data?.pages.flatMap((p) => p.items) ?? [];
  const mayUpload = canCreatePosts(workspace.role);
  const searchId = useId();

  return (
    <div className="media-library" data-testid="media-library">
      <div className="media-library__header">
        <h1>{t('media.title')}</h1>
        <div className="media-library__search">
          <label htmlFor={searchId} className="visually-hidden">
            {t('media.search')}
          </label>
          <input
            id={searchId}
            type="search"
            value={search}
            placeholder={t('media.search')}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="media-search"
          />
        </div>
      </div>
      <p className="media-library__intro">{t('media.intro')}</p>
      {canManageWorkspace(workspace.role) && <AltTextSetting workspace={ws} />}
      {mayUpload && <UploadZone workspace={ws} />}
      {library.isPending && <LoadingState label={t('media.loading')} />}
      {library.isError && (
        <ErrorState message={t('media.loadFailed')} detail={errorMessage(library.error, t)} />
      )}
      {library.isSuccess && items.length === 0 && (
        <EmptyState message={q ? t('media.noMatch', { q }) : t('media.empty')} />
      )}
      <ul className="media-library__grid">
        {items.map((item) => (
          // Keyed by the version too: a saved alt text starts the field afresh.
          <MediaCard key={`${item.id}:${item.updatedAt}`} workspace={workspace} item={item} />
        ))}
      </ul>
      {library.hasNextPage && (
        <button
          type="button"
          className="button"
          disabled={library.isFetchingNextPage}
          onClick={() => void library.fetchNextPage()}
        >
          {t('media.more')}
        </button>
      )}
    </div>
  );
}

function UploadZone({ workspace }: { workspace: string }) {
  const { t } = useI18n();
  const toast = useToast();
  const upload = useUploadMedia(workspace);
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(0);

  const send = async (files: File[]) => {
    setBusy((n) => n + files.length);
    // One after another: each file has its own answer, and a refusal names its file.
    for (const file of files) {
      try {
        await upload.mutateAsync(file);
        toast.show({ tone: 'success', message: t('media.uploaded', { name: file.name }) });
      } catch (error) {
        toast.show({
          tone: 'error',
          message: t('media.uploadFailed', { name: file.name, reason: errorMessage(error, t) }),
        });
      } finally {
        setBusy((n) => n - 1);
      }
    }
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    void send(mediaFiles(e.dataTransfer.files));
  };

  return (
    <div
      className={`media-upload${dragging ? ' media-upload--dragging' : ''}`}
      data-testid="media-upload"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <p>{t('media.dropHere')}</p>
      <button
        type="button"
        className="button button--primary"
        onClick={() => input.current?.click()}
      >
        {t('media.choose')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept="image/jpeg,image/png,image/gif,image/webp,video/mp4,video/quicktime,video/webm"
        data-testid="media-file-input"
        onChange={(e) => {
          void send(mediaFiles(e.target.files));
          e.target.value = '';
        }}
      />
      <p className="media-upload__hint">{t('media.formats')}</p>
      {busy > 0 && (
        <p role="status" aria-live="polite">
          {t('media.uploading', { count: busy })}
        </p>
      )}
    </div>
  );
}

function MediaCard({ workspace, item }: { workspace: WorkspaceMembership; item: MediaItem }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const update = useUpdateMedia(workspace.slug);
  const remove = useDeleteMedia(workspace.slug);
  const [alt, setAlt] = useState(item.altText ?? '');
  const altId = useId();
  const mayEdit = canCreatePosts(workspace.role);
  const changed = alt.trim() !== (item.altText ?? '');

  const saveAlt = () => {
    if (!changed) return;
    update.mutate(
      { id: item.id, body: { altText: alt } },
      {
        onSuccess: () => toast.show({ tone: 'success', message: t('media.altSaved') }),
        onError: (error) => toast.show({ tone: 'error', message: errorMessage(error, t) }),
      },
    );
  };

  const onDelete = () => {
    if (!window.confirm(t('media.confirmDelete', { name: item.name }))) return;
    remove.mutate(item.id, {
      onError: (error) => toast.show({ tone: 'error', message: errorMessage(error, t) }),
    });
  };

  const facts = [
    item.kind === 'video' ? t('media.kind.video') : t('media.kind.image'),
    item.width && item.height ? `${item.width} × ${item.height}` : null,
    item.durationMs !== null ? formatDuration(item.durationMs) : null,
    formatBytes(item.bytes, locale),
  ].filter(Boolean);

  return (
    <li className="media-card" data-testid="media-card">
      <div className="media-card__thumb">
        <img src={item.thumbnailUrl} alt={item.altText ?? ''} loading="lazy" />
        {item.kind === 'video' && (
          <span className="media-card__badge" aria-hidden="true">
            ▶
          </span>
        )}
      </div>
      <div className="media-card__body">
        <p className="media-card__name" title={item.name}>
          {item.name}
        </p>
        <p className="media-card__facts">{facts.join(' · ')}</p>
        <p className="media-card__usage">{t('media.usage', { count: item.usageCount })}</p>
        <label htmlFor={altId} className="field__label">
          {t('media.altText')}
        </label>
        <textarea
          id={altId}
          value={alt}
          rows={2}
          maxLength={MAX_ALT_TEXT_LENGTH}
          readOnly={!mayEdit}
          placeholder={mayEdit ? t('media.altPlaceholder') : ''}
          onChange={(e) => setAlt(e.target.value)}
          onBlur={saveAlt}
          data-testid="media-alt"
        />
        {!item.altText && <p className="media-card__missing">{t('media.altMissing')}</p>}
        {mayEdit && (
          <div className="button-group">
            <button
              type="button"
              className="button button--small"
              disabled={!changed || update.isPending}
              onClick={saveAlt}
            >
              {t('media.saveAlt')}
            </button>
            <a
              className="button button--small button--ghost"
              href={item.url}
              target="_blank"
              rel="noreferrer"
            >
              {t('media.open')}
            </a>
            <button
              type="button"
              className="button button--small button--danger"
              disabled={remove.isPending}
              onClick={onDelete}
            >
              {t('media.delete')}
            </button>
          </div>
        )}
      </div>
    </li>
  );
}

function AltTextSetting({ workspace }: { workspace: string }) {
  const { t } = useI18n();
  const toast = useToast();
  const settings = useMediaSettings(workspace);
  const update = useUpdateMediaSettings(workspace);
  if (!settings.data) return null;
  return (
    <label className="media-library__setting">
      <input
        type="checkbox"
        checked={settings.data.altTextRequired}
        disabled={update.isPending}
        data-testid="media-alt-required"
        onChange={(e) =>
          update.mutate(e.target.checked, {
            onError: (error) => toast.show({ tone: 'error', message: errorMessage(error, t) }),
          })
        }
      />
      {t('media.altRequired')}
    </label>
  );
}
