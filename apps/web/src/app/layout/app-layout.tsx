import type { Locale } from '@postplan/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { Link, NavLink, Outlet, useMatch, useNavigate, useParams } from 'react-router';
import { LanguageSelect } from '../../components/ui/language-select';
import { useToast } from '../../components/ui/toast';
import { useLogout } from '../../features/auth/api/use-session';
import { ReviewNavLink } from '../../features/review/components/review-nav-link';
import { CrisisBanner } from '../../features/crisis/components/crisis-banner';
import { CrisisControl } from '../../features/crisis/components/crisis-control';
import { NotificationBell } from '../../features/notifications/components/notification-bell';
import { api, queryKeys } from '../../lib/api/endpoints';
import { errorMessage } from '../../lib/i18n/error-message';
import { useI18n } from '../../lib/i18n/i18n-context';
import { rememberWorkspace } from '../../lib/last-workspace';
import { useSession, type WorkspaceContext } from '../session';
import './app-nav.css';

export function AppLayout() {
  const { me } = useSession();
  const { slug = '' } = useParams();
  const { t, locale, setLocale } = useI18n();
  const navigate = useNavigate();
  const logout = useLogout();
  const toast = useToast();
  const client = useQueryClient();
  const switcherId = useId();
  const workspace = me.workspaces.find((w) => w.slug === slug);
  const inCampaigns = useMatch('/w/:slug/campaigns/*');
  const inContests = useMatch('/w/:slug/contests/*');

  useEffect(() => {
    if (workspace) rememberWorkspace(workspace.slug);
  }, [workspace]);

  const changeLocale = (next: Locale) => {
    setLocale(next);
    api.updateMe({ locale: next }).then(
      () => client.invalidateQueries({ queryKey: queryKeys.me }),
      (error: unknown) => toast.show({ tone: 'error', message: errorMessage(error, t) }),
    );
  };

  const context: WorkspaceContext | null = workspace ? { me, workspace } : null;

  return (
    <div className="app-layout">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            P
          </span>
          <span className="brand__name">{t('app.name')}</span>
        </Link>
        <div className="app-header__workspace">
          <label htmlFor={switcherId} className="visually-hidden">
            {t('header.workspace')}
          </label>
          <select
            id={switcherId}
            className="workspace-switcher"
            value={workspace?.slug ?? ''}
            data-testid="workspace-switcher"
            onChange={(e) => void navigate(`/w/${encodeURIComponent(e.target.value)}/calendar`)}
          >
            {!workspace && <option value="">{slug}</option>}
            {me.workspaces.map((w) => (
              <option key={w.id} value={w.slug}>
                {w.name}
              </option>
            ))}
          </select>
          {workspace && (
            <span
              className="role-badge"
              title={t('header.role', { role: t(`role.${workspace.role}`) })}
            >
              {t(`role.${workspace.role}`)}
            </span>
          )}
        </div>
        {workspace && (
          <nav className="app-header__nav" aria-label={t('header.workspace')}>
            <NavLink
              to={`/w/${encodeURIComponent(workspace.slug)}/calendar`}
              className="button button--ghost button--small"
            >
              {t('nav.calendar')}
            </NavLink>
            <ReviewNavLink
              workspace={workspace.slug}
              className="button button--ghost button--small"
            />
            {/* Campaigns and their contests share one entry; the section has its own tabs. */}
            <Link
              to={`/w/${encodeURIComponent(workspace.slug)}/campaigns`}
              className="button button--ghost button--small"
              aria-current={inCampaigns || inContests ? 'page' : undefined}
            >
              {t('nav.campaigns')}
            </Link>
            {/* Every settings page sits behind this entry, with its own navigation there. */}
            <NavLink
              to={`/w/${encodeURIComponent(workspace.slug)}/settings`}
              className="button button--ghost button--small"
            >
              {t('nav.settings')}
            </NavLink>
          </nav>
        )}
        <div className="app-header__end">
          {workspace && <CrisisControl workspace={workspace} />}
          <NotificationBell
            settingsHref={
              workspace ? `/w/${encodeURIComponent(workspace.slug)}/settings/notifications` : null
            }
          />
          <LanguageSelect
            value={locale}
            onChange={changeLocale}
            label={t('language.label')}
            names={{ de: t('language.de'), en: t('language.en') }}
          />
          <span className="app-header__user" title={me.user.email}>
            {t('header.signedInAs', { name: me.user.name })}
          </span>
          <button
            type="button"
            className="button button--ghost"
            title={t('header.signedInAs', { name: me.user.name })}
            disabled={logout.isPending}
            onClick={() => logout.mutate()}
          >
            {t('header.logout')}
          </button>
        </div>
      </header>
      <main className="app-main" id="main" tabIndex={-1}>
        {context ? (
          <>
            <CrisisBanner key={context.workspace.slug} workspace={context.workspace} />
            <Outlet context={context} />
          </>
        ) : (
          <div className="page-message">
            <h1>{t('workspace.notFound.title')}</h1>
            <p>{t('workspace.notFound.body', { slug })}</p>
            <Link to="/" className="button">
              {t('app.notFound.home')}
            </Link>
          </div>
        )}
      </main>
    </div>
  );
}
