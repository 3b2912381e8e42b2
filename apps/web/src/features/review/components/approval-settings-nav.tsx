import { NavLink } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n-context';

/** The two tabs of the approval settings, for owners and admins: the policy and the audit log. */
export function ApprovalSettingsNav({ slug }: { slug: string }) {
  const { t } = useI18n();
  const base = `/w/${encodeURIComponent(slug)}/settings`;
  return (
    <nav className="segmented settings-tabs" aria-label={t('policy.settingsNav')}>
      <NavLink to={`${base}/approval`} className="segmented__item">
        {t('nav.approvalPolicy')}
      </NavLink>
      <NavLink to={`${base}/audit`} className="segmented__item">
        {t('nav.audit')}
      </NavLink>
    </nav>
  );
}
