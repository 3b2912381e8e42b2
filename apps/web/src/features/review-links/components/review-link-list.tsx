import type { Channel, ReviewLink, WorkspaceMembership } from '@postplan/contracts';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { inclusiveEnd } from '../utils/link-form';
import { dayIn, formatDay } from '../utils/visitor';

type Props = {
  workspace: WorkspaceMembership;
  links: ReviewLink[];
  channelsById: Map<string, Channel>;
  revoking: string | null;
  onRevoke: (link: ReviewLink) => void;
};

export function ReviewLinkList({ workspace, links, channelsById, revoking, onRevoke }: Props) {
  const { t, intlLocale } = useI18n();
  const tz = workspace.timeZone;
  const day = (iso: string) => formatDay(dayIn(iso, tz), intlLocale);
  const moment = (iso: string) =>
    new Intl.DateTimeFormat(intlLocale, {
      timeZone: tz,
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(iso));

  return (
    <ul className="review-links__list">
      {links.map((link) => {
        const { scope } = link;
        const parts: string[] = [];
        if (scope.from || scope.to) {
          parts.push(
            t('reviewLinks.scope.period', {
              from: scope.from ? day(scope.from) : '…',
              to: scope.to ? formatDay(inclusiveEnd(dayIn(scope.to, tz)), intlLocale) : '…',
            }),
          );
        }
        if (scope.channelIds) {
          const names = scope.channelIds.map((id) => channelsById.get(id)?.name ?? '?');
          parts.push(t('reviewLinks.scope.channels', { names: names.join(', ') }));
        }
        if (scope.postIds) {
          parts.push(t('reviewLinks.scope.posts', { count: scope.postIds.length }));
        }
        return (
          <li
            key={link.id}
            className={`review-link-item review-link-item--${link.state}`}
            data-testid="review-link"
          >
            <div className="review-link-item__head">
              <h3 className="review-link-item__label">{link.label}</h3>
              <span className={`review-link-state review-link-state--${link.state}`}>
                {t(`reviewLinks.state.${link.state}`)}
              </span>
            </div>
            <p className="review-link-item__meta">
              {t(`reviewLinks.permission.${link.permission}`)}
              {link.passwordProtected && ` · ${t('reviewLinks.list.password')}`}
            </p>
            <p className="review-link-item__meta">{parts.join(' · ')}</p>
            <p className="review-link-item__meta">
              {link.state === 'revoked' && link.revokedAt
                ? t('reviewLinks.list.revokedAt', { date: moment(link.revokedAt) })
                : t(
                    link.state === 'expired'
                      ? 'reviewLinks.list.expired'
                      : 'reviewLinks.list.expires',
                    {
                      date: moment(link.expiresAt),
                    },
                  )}
              {' · '}
              {link.lastUsedAt
                ? t('reviewLinks.list.lastUsed', { date: moment(link.lastUsedAt) })
                : t('reviewLinks.list.neverUsed')}
              {link.createdBy &&
                ` · ${t('reviewLinks.list.createdBy', { name: link.createdBy.name })}`}
            </p>
            {link.state === 'active' && (
              <div>
                <button
                  type="button"
                  className="button button--danger button--small"
                  disabled={revoking === link.id}
                  onClick={() => onRevoke(link)}
                  aria-label={t('reviewLinks.revokeNamed', { label: link.label })}
                >
                  {t('reviewLinks.revoke')}
                </button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
