import type { CreatedReviewLink, ReviewLink, WorkspaceMembership } from '@postplan/contracts';
import { useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { useChannels } from '../../../lib/api/queries';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { canManageWorkspace } from '../../../lib/permissions';
import { useReviewLinks, useRevokeReviewLink } from '../api/use-review-links';
import { todayIn } from '../utils/link-form';
import { CreatedLinkNotice } from './created-link-notice';
import { ReviewLinkForm } from './review-link-form';
import { ReviewLinkList } from './review-link-list';
import '../review-links.css';

/** Owners and admins create, copy (once), list and revoke the workspace's review links. */
export function ReviewLinksPage({ workspace }: { workspace: WorkspaceMembership }) {
  const { t } = useI18n();
  const toast = useToast();
  const manages = canManageWorkspace(workspace.role);
  const links = useReviewLinks(workspace.slug);
  const { channels, channelsById } = useChannels(workspace.slug);
  const revoke = useRevokeReviewLink(workspace.slug);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedReviewLink | null>(null);
  const today = todayIn(workspace.timeZone);

  if (!manages) {
    return (
      <div className="page-message">
        <p>{t('reviewLinks.forbidden')}</p>
      </div>
    );
  }

  const onRevoke = (link: ReviewLink) => {
    if (!window.confirm(t('reviewLinks.revoke.confirm', { label: link.label }))) return;
    revoke.mutate(link.id, {
      onSuccess: () =>
        toast.show({ tone: 'success', message: t('reviewLinks.revoked', { label: link.label }) }),
      onError: (error) => toast.show({ tone: 'error', message: errorMessage(error, t) }),
    });
  };

  return (
    <div className="review-links">
      <header className="review-links__header">
        <div>
          <h1 className="review-links__title">{t('reviewLinks.title')}</h1>
          <p className="review-links__intro">{t('reviewLinks.intro')}</p>
        </div>
        {!creating && !created && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setCreating(true)}
          >
            {t('reviewLinks.new')}
          </button>
        )}
      </header>

      {created && <CreatedLinkNotice link={created} onDone={() => setCreated(null)} />}
      {creating && (
        <ReviewLinkForm
          workspace={workspace}
          channels={channels}
          today={today}
          onCancel={() => setCreating(false)}
          onCreated={(link) => {
            setCreating(false);
            setCreated(link);
          }}
        />
      )}

      <section aria-labelledby="rl-list-title">
        <h2 id="rl-list-title" className="review-links__subtitle">
          {t('reviewLinks.list.title')}
        </h2>
        {links.isPending && <LoadingState label={t('app.loading')} />}
        {links.isError && (
          <ErrorState message={t('reviewLinks.loadFailed')} detail={errorMessage(links.error, t)} />
        )}
        {links.isSuccess && links.data.items.length === 0 && (
          <EmptyState message={t('reviewLinks.list.empty')} />
        )}
        {links.isSuccess && links.data.items.length > 0 && (
          <ReviewLinkList
            workspace={workspace}
            links={links.data.items}
            channelsById={channelsById}
            revoking={revoke.isPending ? (revoke.variables ?? null) : null}
            onRevoke={onRevoke}
          />
        )}
      </section>
    </div>
  );
}
