import type { Contest, Locale, RulesVersion, WorkspaceMembership } from '@postplan/contracts';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { StatusBadge } from '../../../components/ui/status-badge';
import { api, queryKeys } from '../../../lib/api/endpoints';
import { Field } from '../../../components/ui/field';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useGeneratedRules, useRules, useSaveRules } from '../api/use-contests';
import { canEditContests, formatWhen } from '../utils/contest-view';

type Props = { workspace: WorkspaceMembership; contest: Contest };

/**
 * The rules (Teilnahmebedingungen): generated from the contest's fields in German and English,
 * saved as numbered versions, edited by hand into a new version. The latest version is what the
 * public rules page shows and what the commitment records.
 */
export function RulesPanel({ workspace, contest }: Props) {
  const { t, intlLocale, locale } = useI18n();
  const toast = useToast();
  const rules = useRules(workspace.slug, contest.id);
  const save = useSaveRules(workspace.slug, contest.id);
  const editable = canEditContests(workspace.role) && contest.status === 'open';
  const [selected, setSelected] = useState<number | null>(null);
  const [language, setLanguage] = useState<Locale>(locale);
  const [editing, setEditing] = useState<{ de: string; en: string } | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const generated = useGeneratedRules(workspace.slug, contest.id, previewing || editing !== null);

  if (rules.isPending) return <LoadingState label={t('contests.rules.loading')} />;
  if (rules.isError)
    return (
      <ErrorState message={t('contests.rules.loadFailed')} detail={errorMessage(rules.error, t)} />
    );

  const versions = rules.data.items;
  const latest = versions[0] ?? null;
  const shown: RulesVersion | null = versions.find((v) => v.version === selected) ?? latest;

  const generate = () =>
    save.mutate(
      { generate: true },
      {
        onSuccess: (v) => {
          setSelected(v.version);
          setPreviewing(false);
          toast.show({
            tone: 'success',
            message: t('contests.rules.saved', { version: v.version }),
          });
        },
      },
    );

  const startEditing = () =>
    setEditing(shown ? { de: shown.de, en: shown.en } : (generated.data ?? { de: '', en: '' }));

  return (
    <div className="contests-page__stack" data-testid="contest-rules">
      <section className="contests-card">
        <h2 className="contests-card__title">{t('contests.rules.title')}</h2>
        <p className="contests-page__intro">{t('contests.rules.intro')}</p>
        {latest ? (
          <p data-testid="rules-in-force">
            {t('contests.rules.inForce', { version: latest.version })}{' '}
            <a href={contest.rulesUrl} target="_blank" rel="noreferrer">
              {t('contests.rules.publicLink')}
            </a>
          </p>
        ) : (
          <p className="alert alert--warning">{t('contests.rules.none')}</p>
        )}
        <p className="field__hint">{t('contests.rules.approvalNote')}</p>
        {latest && contest.postIds.length > 0 && (
          <LinkedPostApprovals workspace={workspace} contest={contest} version={latest.version} />
        )}
        {save.isError && (
          <div className="alert alert--error" role="alert">
            {errorMessage(save.error, t)}
          </div>
        )}
        {editable && !editing && (
          <div className="contests-card__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={save.isPending}
              onClick={generate}
            >
              {latest ? t('contests.rules.regenerate') : t('contests.rules.generate')}
            </button>
            <button type="button" className="button" onClick={() => setPreviewing((p) => !p)}>
              {previewing ? t('contests.rules.hidePreview') : t('contests.rules.preview')}
            </button>
            <button
              type="button"
              className="button"
              disabled={!shown && !generated.data}
              onClick={startEditing}
            >
              {t('contests.rules.edit')}
            </button>
          </div>
        )}
      </section>

      {previewing && !editing && (
        <section className="contests-card" aria-labelledby="rules-preview-title">
          <h3 id="rules-preview-title" className="contests-card__title">
            {t('contests.rules.previewTitle')}
          </h3>
          {generated.isPending && <LoadingState label={t('contests.rules.loading')} />}
          {generated.isError && <ErrorState message={errorMessage(generated.error, t)} />}
          {generated.data && (
            <div className="contest-rules__text" lang={language}>
              {generated.data[language]}
            </div>
          )}
        </section>
      )}

      {editing && (
        <section className="contests-card" aria-labelledby="rules-edit-title">
          <h3 id="rules-edit-title" className="contests-card__title">
            {t('contests.rules.editTitle')}
          </h3>
          <Field label={t('contests.rules.textDe')}>
            <textarea
              className="contest-rules__editor"
              lang="de"
              value={editing.de}
              onChange={(e) => setEditing({ ...editing, de: e.target.value })}
            />
          </Field>
          <Field label={t('contests.rules.textEn')}>
            <textarea
              className="contest-rules__editor"
              lang="en"
              value={editing.en}
              onChange={(e) => setEditing({ ...editing, en: e.target.value })}
            />
          </Field>
          <div className="contests-card__actions">
            <button type="button" className="button" onClick={() => setEditing(null)}>
              {t('contests.form.cancel')}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={save.isPending || !editing.de.trim() || !editing.en.trim()}
              onClick={() =>
                save.mutate(editing, {
                  onSuccess: (v) => {
                    setEditing(null);
                    setSelected(v.version);
                    toast.show({
                      tone: 'success',
                      message: t('contests.rules.saved', { version: v.version }),
                    });
                  },
                })
              }
            >
              {t('contests.rules.saveVersion')}
            </button>
          </div>
        </section>
      )}

      {versions.length === 0 && !previewing && !editing && (
        <EmptyState message={t('contests.rules.empty')} />
      )}

      {shown && !editing && (
        <section className="contests-card" aria-labelledby="rules-shown-title">
          <div className="contests-page__header">
            <h3 id="rules-shown-title" className="contests-card__title">
              {t('contests.rules.versionTitle', { version: shown.version })}
            </h3>
            <div className="segmented" role="group" aria-label={t('language.label')}>
              {(['de', 'en'] as const).map((l) => (
                <button
                  key={l}
                  type="button"
                  className="segmented__item"
                  aria-pressed={language === l}
                  onClick={() => setLanguage(l)}
                >
                  {t(`language.${l}`)}
                </button>
              ))}
            </div>
          </div>
          <p className="contest-hash">SHA-256 {shown.hash}</p>
          <div className="contest-rules__text" lang={language} data-testid="rules-text">
            {shown[language]}
          </div>
        </section>
      )}

      {versions.length > 0 && (
        <section className="contests-card" aria-labelledby="rules-versions-title">
          <h3 id="rules-versions-title" className="contests-card__title">
            {t('contests.rules.versions')}
          </h3>
          <ol className="contest-versions" reversed>
            {versions.map((v) => (
              <li key={v.version}>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  aria-current={v.version === shown?.version ? 'true' : undefined}
                  onClick={() => setSelected(v.version)}
                >
                  {t('contests.rules.versionTitle', { version: v.version })}
                </button>
                <span>
                  {t(v.generated ? 'contests.rules.generated' : 'contests.rules.edited')} ·{' '}
                  {formatWhen(v.createdAt, intlLocale, workspace.timeZone)}
                  {v.createdBy && ` · ${v.createdBy.name}`}
                </span>
                {v.version === latest?.version && (
                  <span className="contest-status contest-status--running">
                    {t('contests.rules.current')}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}

/**
 * Each contest post with what its approval covers. Saving a rules version re-hashes the linked
 * posts, which voids their approval: an approved contest post therefore covers the latest version.
 */
function LinkedPostApprovals({
  workspace,
  contest,
  version,
}: {
  workspace: WorkspaceMembership;
  contest: Contest;
  version: number;
}) {
  const { t } = useI18n();
  const posts = useQueries({
    queries: contest.postIds.map((id) => ({
      queryKey: queryKeys.post(workspace.slug, id),
      queryFn: () => api.post(workspace.slug, id),
    })),
  });
  return (
    <ul className="contest-versions" data-testid="rules-approvals">
      {posts.map((query, index) => {
        const post = query.data;
        if (!post) return <li key={contest.postIds[index]}>{t('app.loading')}</li>;
        return (
          <li key={post.id}>
            <span>{post.title || t('contests.untitledPost')}</span>
            <StatusBadge status={post.status} label={t(`status.${post.status}`)} />
            <span>
              {post.status === 'approved'
                ? t('contests.rules.approvalCovers', { version })
                : t('contests.rules.approvalPending', { version })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
