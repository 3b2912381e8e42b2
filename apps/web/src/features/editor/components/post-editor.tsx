import {
  type Channel,
  type Post,
  type PostStatus,
  type WorkspaceMembership,
} from '@postplan/contracts';
import { useQueryClient } from '@tanstack/react-query';
import type { Extension } from '@codemirror/state';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Field } from '../../../components/ui/field';
import { SidePanel } from '../../../components/ui/side-panel';
import { StatusBadge } from '../../../components/ui/status-badge';
import { useToast } from '../../../components/ui/toast';
import { errorDetails, isApiError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { canCreatePosts, canEditPost } from '../../../lib/permissions';
import { useApprovalPolicy } from '../../review/api/use-approval-policy';
import { ReviewPanel } from '../../review/components/review-panel';
import { useEngineSettings } from '../../wording/api/use-wording-settings';
import { WordingField, type FieldCounter } from '../../wording/components/wording-field';
import { WordingSummary } from '../../wording/components/wording-summary';
import { useWordingReview, type WordingReview } from '../../wording/hooks/use-wording-review';
import { BASE_FIELD, type WordingChannel } from '../../wording/utils/targets';
import { restorePost } from '../api/restore-post';
import { useCreatePost, useDeletePost, useUpdatePost } from '../api/use-post-mutations';
import { useSubmitPost } from '../api/use-submit-post';
import {
  checkPlannedTime,
  createRequest,
  emptyForm,
  isBlank,
  offsetOf,
  postToForm,
  updateRequest,
  type PostFormValues,
} from '../utils/post-form';
import { blockersFrom, canSubmitForReview, type ServerBlocker } from '../utils/submit';

export type EditorTarget =
  | { kind: 'create'; slot: { date: string; time: string } | null; status: PostStatus }
  | { kind: 'edit'; post: Post };

type PostEditorProps = {
  workspace: WorkspaceMembership;
  userId: string;
  channels: readonly Channel[];
  target: EditorTarget;
  onClose: () => void;
  /**
   * CodeMirror extensions other features add to a text field, by field ('base' or a channel id),
   * e.g. comment highlights. Keep the arrays stable (memoised): a new array reconfigures them.
   */
  textExtensions?: Readonly<Record<string, readonly Extension[]>>;
  /** More sections at the end of the panel, from features the app composes with the editor. */
  sections?: ReactNode;
};

function sameInstant(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && new Date(a).getTime() === new Date(b).getTime();
}

function initialChoice(post: Post | null, values: PostFormValues, timeZone: string): string | null {
  if (!post?.plannedAt) return null;
  const check = checkPlannedTime(values, timeZone);
  if (check.kind !== 'ambiguous') return null;
  return check.candidates.find((c) => sameInstant(c, post.plannedAt)) ?? null;
}

function countersFor(review: WordingReview, field: string, fallbackLabel: string): FieldCounter[] {
  return review.targets
    .filter((r) => r.target.field === field)
    .map((r) => ({
      key: r.target.id,
      label: r.target.channel?.name ?? fallbackLabel,
      length: r.length,
    }));
}

export function PostEditor({
  workspace,
  userId,
  channels,
  target,
  onClose,
  textExtensions,
  sections,
}: PostEditorProps) {
  const { t, locale, intlLocale } = useI18n();
  const toast = useToast();
  const client = useQueryClient();
  const formId = useId();
  const blockedNoteId = useId();
  const ws = workspace.slug;
  const tz = workspace.timeZone;

  const [base, setBase] = useState<Post | null>(target.kind === 'edit' ? target.post : null);
  const [original, setOriginal] = useState<PostFormValues>(() =>
    target.kind === 'edit' ? postToForm(target.post, tz) : emptyForm(target.slot, target.status),
  );
  const [values, setValues] = useState<PostFormValues>(original);
  const [chosen, setChosen] = useState<string | null>(() => initialChoice(base, original, tz));
  const [serverCandidates, setServerCandidates] = useState<[string, string] | null>(null);
  const [stale, setStale] = useState<{ current: Post | null } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [serverBlockers, setServerBlockers] = useState<ServerBlocker[]>([]);
  const summaryHeading = useRef<HTMLDivElement>(null);

  const create = useCreatePost(ws);
  const update = useUpdatePost(ws);
  const remove = useDeletePost(ws);
  const submit = useSubmitPost(ws);
  // What submitting does depends on the policy: review, a choice (optional), or release (none).
  const policyKind = useApprovalPolicy(ws).data?.policy.kind;
  const [requestReview, setRequestReview] = useState(false);
  const releases = policyKind === 'none' || (policyKind === 'optional' && !requestReview);
  const pending = create.isPending || update.isPending || remove.isPending || submit.isPending;

  const editable = base
    ? canEditPost(workspace.role, base, userId)
    : canCreatePosts(workspace.role);
  const check = useMemo(() => checkPlannedTime(values, tz), [values, tz]);
  const candidates = check.kind === 'ambiguous' ? check.candidates : serverCandidates;
  const channelsById = useMemo(() => new Map(channels.map((c) => [c.id, c])), [channels]);
  const wordingChannels = useMemo(
    () =>
      new Map<string, WordingChannel>(
        channels.map((c) => [
          c.id,
          {
            id: c.id,
            name: c.name,
            platform: c.platform,
            ...(c.wording ? { wording: c.wording } : {}),
          },
        ]),
      ),
    [channels],
  );
  const channelNames = useMemo(
    () => new Map(channels.map((c) => [c.id, c.name] as const)),
    [channels],
  );
  const wordingSettings = useEngineSettings(ws);
  const review = useWordingReview({
    workspace: ws,
    ...(base ? { postId: base.id } : {}),
    plannedAt: check.kind === 'exact' ? check.instant : chosen,
    baseText: values.text,
    channelTexts: values.channels,
    channelsById: wordingChannels,
    settings: wordingSettings,
    server: editable,
  });
  const blocked = review.blocking.length > 0;
  const submittable = base !== null && editable && canSubmitForReview(base.status);

  useEffect(() => {
    if (confirming) summaryHeading.current?.focus();
  }, [confirming]);

  const set = <K extends keyof PostFormValues>(key: K, value: PostFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    if (key === 'date' || key === 'time') {
      setChosen(null);
      setServerCandidates(null);
    }
    setFormError(null);
    setServerBlockers([]);
  };

  const toggleChannel = (channelId: string, selected: boolean) => {
    setValues((current) => ({
      ...current,
      channels: selected
        ? [...current.channels, { channelId, text: '' }]
        : current.channels.filter((c) => c.channelId !== channelId),
    }));
  };
  const setOverride = (channelId: string, text: string) => {
    setValues((current) => ({
      ...current,
      channels: current.channels.map((c) => (c.channelId === channelId ? { ...c, text } : c)),
    }));
  };

  const fail = (error: unknown) => {
    if (isApiError(error, 'STALE_VERSION')) {
      setStale({ current: errorDetails(error, 'STALE_VERSION')?.current ?? null });
      setConfirming(false);
      return;
    }
    if (isApiError(error, 'WORDING_BLOCKED')) setServerBlockers(blockersFrom(error.details));
    if (isApiError(error, 'LOCAL_TIME_AMBIGUOUS')) {
      const fromServer = errorDetails(error, 'LOCAL_TIME_AMBIGUOUS')?.candidates;
      if (fromServer) {
        setServerCandidates(fromServer);
        setChosen(null);
      }
    }
    setFormError(errorMessage(error, t));
  };

  const timeBlocks =
    check.kind === 'incomplete' ||
    check.kind === 'nonexistent' ||
    (candidates !== null && chosen === null);
  const textMissing = isBlank(values);
  const canSubmit = editable && !pending && !timeBlocks && !textMissing;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!canSubmit) return;
    setFormError(null);
    if (!base) {
      create.mutate(createRequest(values, chosen), {
        onSuccess: () => {
          toast.show({ tone: 'success', message: t('editor.created') });
          onClose();
        },
        onError: fail,
      });
      return;
    }
    const body = updateRequest(values, original, chosen, base.plannedAt);
    if (Object.keys(body).length === 0) {
      onClose();
      return;
    }
    update.mutate(
      { id: base.id, version: base.version, body },
      {
        onSuccess: () => {
          toast.show({ tone: 'success', message: t('editor.saved') });
          onClose();
        },
        onError: fail,
      },
    );
  };

  /**
   * Saves what changed first (the reviewers must see what the summary showed), then submits with
   * the version that save returned.
   */
  const onSubmitForReview = async () => {
    if (!base || blocked) return;
    setFormError(null);
    setServerBlockers([]);
    try {
      let current = base;
      const body = updateRequest(values, original, chosen, base.plannedAt);
      if (Object.keys(body).length > 0) {
        current = await update.mutateAsync({ id: base.id, version: base.version, body });
        const form = postToForm(current, tz);
        setBase(current);
        setOriginal(form);
        setValues(form);
      }
      const result = await submit.mutateAsync({
        id: current.id,
        version: current.version,
        requestReview: policyKind === 'optional' && requestReview,
      });
      toast.show({
        tone: 'success',
        message: t(result.status === 'approved' ? 'editor.released' : 'editor.submitted'),
      });
      onClose();
    } catch (error) {
      fail(error);
    }
  };

  const onDelete = () => {
    if (!base) return;
    const name = base.title.trim() || t('calendar.untitled');
    remove.mutate(base, {
      onSuccess: (deleted) => {
        onClose();
        toast.show({
          tone: 'info',
          message: t('editor.deleted', { title: name }),
          action: {
            label: t('editor.undo'),
            onClick: () => {
              restorePost(client, ws, deleted.id).then(
                () => toast.show({ tone: 'success', message: t('editor.restored') }),
                (error: unknown) => toast.show({ tone: 'error', message: errorMessage(error, t) }),
              );
            },
          },
        });
      },
      onError: fail,
    });
  };

  const loadCurrent = () => {
    const current = stale?.current;
    setStale(null);
    if (!current) {
      onClose();
      return;
    }
    const form = postToForm(current, tz);
    setBase(current);
    setOriginal(form);
    setValues(form);
    setChosen(initialChoice(current, form, tz));
    setServerCandidates(null);
    setFormError(null);
  };

  const zone = tz.replaceAll('_', ' ');
  const zoneLabel = check.kind === 'exact' ? `${zone} (UTC${offsetOf(check.instant)})` : zone;

  const timeFormat = new Intl.DateTimeFormat(intlLocale, { timeStyle: 'short', timeZone: tz });
  const title = base ? t('editor.editTitle') : t('editor.createTitle');

  const submitFooter = (
    <div className="editor-footer">
      <button type="button" className="button" onClick={() => setConfirming(false)}>
        {t('editor.submit.back')}
      </button>
      <span className="editor-footer__spacer" />
      <button
        type="button"
        className="button button--primary"
        disabled={pending || blocked || timeBlocks || textMissing}
        onClick={() => void onSubmitForReview()}
        data-testid="editor-submit-confirm"
      >
        {submit.isPending || update.isPending
          ? t('editor.submit.submitting')
          : t(releases ? 'editor.release.confirm' : 'editor.submit.confirm')}
      </button>
    </div>
  );

  const footer = confirming ? (
    submitFooter
  ) : (
    <div className="editor-footer">
      {base && editable && (
        <button
          type="button"
          className="button button--danger"
          onClick={onDelete}
          disabled={pending}
        >
          {remove.isPending ? t('editor.deleting') : t('editor.delete')}
        </button>
      )}
      <span className="editor-footer__spacer" />
      {submittable && blocked && (
        <button
          type="button"
          id={blockedNoteId}
          className="button button--ghost button--small editor-footer__blocked"
          onClick={() => setConfirming(true)}
          data-testid="submit-blocked-note"
        >
          {t('editor.submit.blockedNote', { count: review.blocking.length })}
        </button>
      )}
      <button type="button" className="button" onClick={onClose}>
        {editable ? t('editor.cancel') : t('editor.close')}
      </button>
      {submittable && (
        <button
          type="button"
          className="button"
          disabled={pending || blocked}
          aria-describedby={blocked ? blockedNoteId : undefined}
          onClick={() => setConfirming(true)}
          data-testid="editor-submit"
        >
          {t(
            policyKind === 'none'
              ? 'editor.release.open'
              : policyKind === 'optional'
                ? 'editor.release.openOptional'
                : 'editor.submit.open',
          )}
        </button>
      )}
      {editable && (
        <button
          type="submit"
          form={formId}
          className="button button--primary"
          disabled={pending}
          data-testid="editor-save"
        >
          {pending && !remove.isPending
            ? t('editor.saving')
            : base
              ? t('editor.save')
              : t('editor.create')}
        </button>
      )}
    </div>
  );

  return (
    <SidePanel
      title={title}
      onClose={onClose}
      closeLabel={t('editor.close')}
      footer={footer}
      testId="post-editor"
    >
      {stale && (
        <div className="alert alert--warning" role="alert" data-testid="stale-warning">
          <p className="alert__title">{t('editor.stale.title')}</p>
          <p>{t('editor.stale.body')}</p>
          <button type="button" className="button button--small" onClick={loadCurrent}>
            {t('editor.stale.reload')}
          </button>
        </div>
      )}
      {!editable && (
        <p className="notice" role="note">
          {t('editor.readOnly')}
        </p>
      )}
      {formError && !stale && (
        <div className="alert alert--error" role="alert" data-testid="editor-error">
          <p>{formError}</p>
          {serverBlockers.length > 0 && (
            <ul className="editor-form__blockers">
              {serverBlockers.map((b, index) => (
                <li key={`${b.channelId ?? ''}:${b.rule}:${index}`}>
                  {b.channelId && channelNames.has(b.channelId) && (
                    <strong>{channelNames.get(b.channelId)}: </strong>
                  )}
                  {b.messages?.[locale] ?? b.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {confirming && (
        <div
          ref={summaryHeading}
          tabIndex={-1}
          className="editor-form__summary"
          role="group"
          aria-label={t('wording.summary.title')}
        >
          <p className="field__hint">{t('editor.submit.intro')}</p>
          {policyKind === 'none' && <p className="field__hint">{t('editor.release.none')}</p>}
          {policyKind === 'optional' && (
            <label className="choice" data-testid="request-review">
              <input
                type="checkbox"
                checked={requestReview}
                onChange={(e) => setRequestReview(e.target.checked)}
              />
              <span>{t('editor.release.requestReview')}</span>
            </label>
          )}
          <WordingSummary review={review} />
        </div>
      )}
      <form id={formId} className="editor-form" onSubmit={onSubmit} noValidate>
        <fieldset disabled={!editable} className="editor-form__fieldset">
          {base && (
            <p className="editor-form__meta">
              <StatusBadge status={base.status} label={t(`status.${base.status}`)} />
              <span>{t('editor.version', { version: base.version })}</span>
            </p>
          )}
          <Field label={t('editor.title')}>
            <input
              name="title"
              maxLength={200}
              value={values.title}
              placeholder={t('editor.titlePlaceholder')}
              onChange={(e) => set('title', e.target.value)}
              data-autofocus
            />
          </Field>
          <WordingField
            label={t('editor.text')}
            hint={t('editor.textHint')}
            error={submitted && textMissing ? t('editor.textRequired') : null}
            value={values.text}
            onChange={(text) => set('text', text)}
            findings={review.byField.get(BASE_FIELD) ?? []}
            counters={countersFor(review, BASE_FIELD, t('wording.counter.noChannel'))}
            channelNames={channelNames}
            readOnly={!editable}
            testId="text-base"
            {...(textExtensions?.[BASE_FIELD] ? { extensions: textExtensions[BASE_FIELD] } : {})}
          />
          {!base && (
            <Field label={t('editor.status')}>
              <select
                name="status"
                value={values.status}
                onChange={(e) => set('status', e.target.value === 'idea' ? 'idea' : 'draft')}
              >
                <option value="draft">{t('status.draft')}</option>
                <option value="idea">{t('status.idea')}</option>
              </select>
            </Field>
          )}
          <fieldset className="editor-form__group">
            <legend className="field__label">{t('editor.planned')}</legend>
            <div className="editor-form__row">
              <Field label={t('editor.plannedDate')}>
                <input
                  type="date"
                  name="date"
                  value={values.date}
                  onChange={(e) => set('date', e.target.value)}
                />
              </Field>
              <Field label={t('editor.plannedTime')}>
                <input
                  type="time"
                  name="time"
                  value={values.time}
                  onChange={(e) => set('time', e.target.value)}
                />
              </Field>
              {(values.date || values.time) && (
                <button
                  type="button"
                  className="button button--ghost button--small editor-form__clear"
                  onClick={() => {
                    set('date', '');
                    set('time', '');
                  }}
                >
                  {t('editor.clearDate')}
                </button>
              )}
            </div>
            <p className="field__hint" data-testid="zone-hint">
              {check.kind === 'unscheduled'
                ? t('editor.unscheduled')
                : t('editor.zoneHint', { zone: zoneLabel })}
            </p>
            {check.kind === 'incomplete' && submitted && (
              <p className="field__error">{t('editor.time.incomplete')}</p>
            )}
            {check.kind === 'nonexistent' && (
              <p className="field__error" role="alert" data-testid="time-nonexistent">
                {t('editor.time.nonexistent', {
                  local: `${values.date} ${values.time}`,
                  zone: tz,
                  next: timeFormat.format(new Date(check.next)),
                })}
              </p>
            )}
            {candidates && (
              <fieldset className="editor-form__candidates" data-testid="time-ambiguous">
                <legend className="field__error">
                  {t('editor.time.ambiguous', { local: `${values.date} ${values.time}`, zone: tz })}
                </legend>
                {candidates.map((candidate) => (
                  <label key={candidate} className="choice">
                    <input
                      type="radio"
                      name="candidate"
                      value={candidate}
                      checked={chosen === candidate}
                      onChange={() => setChosen(candidate)}
                    />
                    {t('editor.time.candidate', {
                      time: timeFormat.format(new Date(candidate)),
                      offset: offsetOf(candidate),
                    })}
                  </label>
                ))}
              </fieldset>
            )}
          </fieldset>
          <Field label={t('editor.tags')} hint={t('editor.tagsHint')}>
            <input name="tags" value={values.tags} onChange={(e) => set('tags', e.target.value)} />
          </Field>
          <fieldset className="editor-form__group">
            <legend className="field__label">{t('editor.channels')}</legend>
            {channels.length === 0 && <p className="field__hint">{t('editor.noChannels')}</p>}
            <ul className="channel-list">
              {channels.map((channel) => {
                const choice = values.channels.find((c) => c.channelId === channel.id);
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
                    {choice && (
                      <WordingField
                        label={t('editor.override', { channel: channel.name })}
                        hint={t('editor.overrideHint')}
                        value={choice.text}
                        onChange={(text) => setOverride(channel.id, text)}
                        findings={review.byField.get(channel.id) ?? []}
                        counters={countersFor(review, channel.id, channel.name)}
                        channelNames={channelNames}
                        readOnly={!editable}
                        testId={`text-${channel.id}`}
                        {...(textExtensions?.[channel.id]
                          ? { extensions: textExtensions[channel.id] }
                          : {})}
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
          </fieldset>
        </fieldset>
      </form>
      {base && (
        <ReviewPanel
          workspace={workspace}
          userId={userId}
          post={base}
          channels={channels}
          unsaved={values !== original}
          onTransition={setBase}
          onOutdated={(current) => setStale({ current })}
        />
      )}
      {sections}
    </SidePanel>
  );
}
