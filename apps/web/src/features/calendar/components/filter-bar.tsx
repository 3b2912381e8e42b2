import { POST_STATUSES, type Campaign, type Channel, type Member } from '@postplan/contracts';
import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { countActiveFilters, EMPTY_FILTERS, type PostFilters } from '../utils/post-filters';

type FilterBarProps = {
  filters: PostFilters;
  onChange: (filters: PostFilters) => void;
  channels: readonly Channel[];
  /** The member list when the role may read it; otherwise the "only mine" switch is offered. */
  members: readonly Member[] | null;
  /** The workspace's campaigns; the filter shows once there is one. */
  campaigns?: readonly Campaign[];
  userId: string;
};

const single = (values: readonly string[]) => (values.length === 1 ? (values[0] ?? '') : '');

export function FilterBar({
  filters,
  onChange,
  channels,
  members,
  campaigns = [],
  userId,
}: FilterBarProps) {
  const { t } = useI18n();
  const id = useId();
  // What is being typed; null shows the tags from the URL (they change on back/forward too).
  const [tagDraft, setTagDraft] = useState<string | null>(null);
  const tag = tagDraft ?? filters.tag.join(', ');
  const [searchDraft, setSearchDraft] = useState<string | null>(null);
  const search = searchDraft ?? filters.q;
  // Search as you type, once the typing pauses.
  useEffect(() => {
    if (searchDraft === null || searchDraft.trim() === filters.q) return;
    const timer = setTimeout(() => {
      onChange({ ...filters, q: searchDraft.trim() });
      setSearchDraft(null);
    }, 300);
    return () => clearTimeout(timer);
  }, [searchDraft, filters, onChange]);

  const active = countActiveFilters(filters);
  const set = (patch: Partial<PostFilters>) => onChange({ ...filters, ...patch });
  const commitTag = () => {
    const tags = tag
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    setTagDraft(null);
    if (tags.join(',') !== filters.tag.join(',')) set({ tag: tags });
  };

  return (
    <form
      className="filter-bar"
      aria-label={t('filters.title')}
      onSubmit={(e) => {
        e.preventDefault();
        commitTag();
      }}
    >
      <div className="filter-bar__field filter-bar__field--search">
        <label htmlFor={`${id}-q`}>{t('filters.search')}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={search}
          maxLength={200}
          placeholder={t('filters.searchPlaceholder')}
          data-testid="calendar-search"
          onChange={(e) => setSearchDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            setSearchDraft(null);
            if (search.trim() !== filters.q) set({ q: search.trim() });
          }}
        />
      </div>
      <div className="filter-bar__field">
        <label htmlFor={`${id}-channel`}>{t('filters.channel')}</label>
        <select
          id={`${id}-channel`}
          value={single(filters.channel)}
          onChange={(e) => set({ channel: e.target.value ? [e.target.value] : [] })}
        >
          <option value="">{t('filters.all')}</option>
          {channels.map((channel) => (
            <option key={channel.id} value={channel.id}>
              {channel.name}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-bar__field">
        <label htmlFor={`${id}-status`}>{t('filters.status')}</label>
        <select
          id={`${id}-status`}
          value={single(filters.status)}
          onChange={(e) => {
            const status = POST_STATUSES.find((s) => s === e.target.value);
            set({ status: status ? [status] : [] });
          }}
        >
          <option value="">{t('filters.all')}</option>
          {POST_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      {campaigns.length > 0 && (
        <div className="filter-bar__field">
          <label htmlFor={`${id}-campaign`}>{t('filters.campaign')}</label>
          <select
            id={`${id}-campaign`}
            value={single(filters.campaign)}
            data-testid="campaign-filter"
            onChange={(e) => set({ campaign: e.target.value ? [e.target.value] : [] })}
          >
            <option value="">{t('filters.all')}</option>
            {campaigns.map((campaign) => (
              <option key={campaign.id} value={campaign.id}>
                {campaign.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="filter-bar__field">
        <label htmlFor={`${id}-tag`}>{t('filters.tag')}</label>
        <input
          id={`${id}-tag`}
          type="search"
          value={tag}
          placeholder={t('filters.tagPlaceholder')}
          onChange={(e) => setTagDraft(e.target.value)}
          onBlur={commitTag}
        />
      </div>
      {members ? (
        <div className="filter-bar__field">
          <label htmlFor={`${id}-author`}>{t('filters.author')}</label>
          <select
            id={`${id}-author`}
            value={single(filters.author)}
            onChange={(e) => set({ author: e.target.value ? [e.target.value] : [] })}
          >
            <option value="">{t('filters.all')}</option>
            {members.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <label className="filter-bar__check">
          <input
            type="checkbox"
            checked={filters.author.length === 1 && filters.author[0] === userId}
            onChange={(e) => set({ author: e.target.checked ? [userId] : [] })}
          />
          {t('filters.onlyMine')}
        </label>
      )}
      {active > 0 && (
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => onChange(EMPTY_FILTERS)}
        >
          {t('filters.clear')}{' '}
          <span className="filter-bar__count">({t('filters.active', { count: active })})</span>
        </button>
      )}
    </form>
  );
}
