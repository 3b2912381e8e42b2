import {
  type ApprovalPolicy,
  type Channel,
  type MediaItem,
  type Post,
  type PostStatus,
  type WorkspaceMembership,
} from '@postplan/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useToast } from '../../../components/ui/toast';
import { errorDetails, isApiError } from '../../../lib/api/api-error';
import { errorMessage, mediaProblems } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { canCreatePosts, canEditPost } from '../../../lib/permissions';
import { queryKeys } from '../../../lib/api/endpoints';
import { restorePost } from '../api/restore-post';
import { useMediaCheck } from '../api/use-media-check';
import { useCreatePost, useDeletePost, useUpdatePost } from '../api/use-post-mutations';
import { useSubmitPost } from '../api/use-submit-post';
import {
  checkPlannedTime,
  createRequest,
  emptyForm,
  isBlank,
  mediaCheckRequest,
  postToForm,
  updateRequest,
  mediaDraft,
  type ChannelChoice,
  type MediaDraft,
  type PostFormValues,
} from '../utils/post-form';
import { tickChannel, untickChannel, type ParkedTexts } from '../utils/channel-selection';
import { blockersFrom, canSubmitForReview, type ServerBlocker } from '../utils/submit';
import { optionIssues } from '../utils/variant-option-fields';

export type EditorTarget =
  | { kind: 'create'; slot: { date: string; time: string } | null; status: PostStatus }
  | { kind: 'edit'; post: Post };

export type UsePostEditorOptions = {
  workspace: WorkspaceMembership;
  userId: string;
  channels: readonly Channel[];
  target: EditorTarget;
  onClose: () => void;
  /** The workspace's approval policy kind (undefined while unknown): what submitting does. */
  policyKind: ApprovalPolicy['kind'] | undefined;
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

/**
 * The post editor's state and actions: the form against the post it was opened with, the planned
 * time's check in the workspace's zone, saving, deleting (with undo), submitting and the conflict
 * when someone else saved first. The components only show it.
 */
export function usePostEditor({
  workspace,
  userId,
  channels,
  target,
  onClose,
  policyKind,
}: UsePostEditorOptions) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const client = useQueryClient();
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
  const [requestReview, setRequestReview] = useState(false);
  // Own texts of unticked channels, until save; the last one unticked is offered for undo.
  const [parked, setParked] = useState<ParkedTexts>({});
  const [removed, setRemoved] = useState<ChannelChoice | null>(null);
  // What the API said about options, by channel and field, until they change again.
  const [serverOptionIssues, setServerOptionIssues] = useState<
    ReadonlyMap<string, ReadonlyMap<string, string>>
  >(new Map());
  // What a platform said about a channel's media (submit refused), until the media change.
  const [serverMediaProblems, setServerMediaProblems] = useState<
    ReadonlyMap<string, readonly string[]>
  >(new Map());
  // After a conflict: the person's own version next to the one that was loaded, to copy from.
  const [kept, setKept] = useState<{
    mine: Pick<PostFormValues, 'title' | 'text' | 'channels'>;
    current: Post;
  } | null>(null);

  const create = useCreatePost(ws);
  const update = useUpdatePost(ws);
  const remove = useDeletePost(ws);
  const submit = useSubmitPost(ws);
  const releases = policyKind === 'none' || (policyKind === 'optional' && !requestReview);
  const pending = create.isPending || update.isPending || remove.isPending || submit.isPending;

  const editable = base
    ? canEditPost(workspace.role, base, userId)
    : canCreatePosts(workspace.role);
  const check = useMemo(() => checkPlannedTime(values, tz), [values, tz]);
  const candidates = check.kind === 'ambiguous' ? check.candidates : serverCandidates;
  const channelsById = useMemo(() => new Map(channels.map((c) => [c.id, c])), [channels]);
  const submittable = base !== null && editable && canSubmitForReview(base.status);
  /** The planned instant as far as it is known (null while unscheduled or undecided). */
  const plannedInstant = check.kind === 'exact' ? check.instant : chosen;

  const set = <K extends keyof PostFormValues>(key: K, value: PostFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    if (key === 'date' || key === 'time') {
      setChosen(null);
      setServerCandidates(null);
    }
    setFormError(null);
    setServerBlockers([]);
  };

  const channelOrder = useMemo(() => channels.map((c) => c.id), [channels]);
  const toggleChannel = (channelId: string, selected: boolean) => {
    const next = selected
      ? tickChannel(values, parked, channelId, channelOrder)
      : untickChannel(values, parked, channelId);
    setValues(next.values);
    setParked(next.parked);
    setRemoved(next.removed);
  };
  /** Ticks the channel unticked last again, with its own text. */
  const undoRemove = () => {
    if (removed) toggleChannel(removed.channelId, true);
  };
  /** Sets one per-platform option of a channel; an empty value removes it. */
  const setOption = (channelId: string, key: string, value: unknown) => {
    setValues((current) => ({
      ...current,
      channels: current.channels.map((c) =>
        c.channelId === channelId ? { ...c, options: { ...c.options, [key]: value } } : c,
      ),
    }));
    setServerOptionIssues((current) => {
      if (!current.has(channelId)) return current;
      const next = new Map(current);
      next.delete(channelId);
      return next;
    });
    setFormError(null);
  };
  /**
   * One media list's actions: attach (once each), order, describe, remove. `edit` changes the
   * list inside the form; the post's own list and each channel's use the same actions.
   */
  const mediaActions = (edit: (change: (list: MediaDraft[]) => MediaDraft[]) => void) => ({
    add: (item: MediaItem | MediaDraft) =>
      edit((list) =>
        list.some((m) => m.mediaId === ('mediaId' in item ? item.mediaId : item.id))
          ? list
          : [...list, 'mediaId' in item ? { ...item } : mediaDraft(item)],
      ),
    remove: (mediaId: string) => edit((list) => list.filter((m) => m.mediaId !== mediaId)),
    move: (mediaId: string, by: -1 | 1) =>
      edit((list) => {
        const next = [...list];
        const from = next.findIndex((m) => m.mediaId === mediaId);
        const to = from + by;
        if (from < 0 || to < 0 || to >= next.length) return list;
        [next[from], next[to]] = [next[to]!, next[from]!];
        return next;
      }),
    setAltText: (mediaId: string, altText: string) =>
      edit((list) => list.map((m) => (m.mediaId === mediaId ? { ...m, altText } : m))),
  });
  const forgetMediaProblems = (channelId: string | null) =>
    setServerMediaProblems((current) => {
      if (current.size === 0 || (channelId !== null && !current.has(channelId))) return current;
      if (channelId === null) return new Map();
      const next = new Map(current);
      next.delete(channelId);
      return next;
    });
  /** The post's media: attach from the library (once each), order, describe, remove. */
  const media = mediaActions((change) => {
    setValues((current) => ({ ...current, media: change(current.media) }));
    // The post's media reach every channel that has none of its own.
    forgetMediaProblems(null);
  });
  const editChannelMedia = (
    channelId: string,
    change: (list: MediaDraft[] | null, base: MediaDraft[]) => MediaDraft[] | null,
  ) => {
    setValues((current) => ({
      ...current,
      channels: current.channels.map((c) =>
        c.channelId === channelId ? { ...c, media: change(c.media ?? null, current.media) } : c,
      ),
    }));
    forgetMediaProblems(channelId);
  };
  /**
   * A channel's own media: `setOwn(true)` starts from a copy of the post's (same order and alt
   * texts), to drop, add or reorder for that platform; `setOwn(false)` follows the post again.
   */
  const channelMediaActions = (channelId: string) => ({
    setOwn: (own: boolean) =>
      editChannelMedia(channelId, (list, base) =>
        own ? (list ?? base.map((m) => ({ ...m }))) : null,
      ),
    ...mediaActions((change) =>
      editChannelMedia(channelId, (list, base) => change(list ?? base.map((m) => ({ ...m })))),
    ),
  });
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
    if (isApiError(error, 'MEDIA_PLATFORM_REJECTED')) {
      const byChannel = new Map<string, string[]>();
      for (const p of mediaProblems(error)) {
        const list = byChannel.get(p.channelId) ?? [];
        if (!list.includes(p.messages[locale])) list.push(p.messages[locale]);
        byChannel.set(p.channelId, list);
      }
      setServerMediaProblems(byChannel);
      // Whatever changed since the last live answer (a setting, a library item): ask again.
      void client.invalidateQueries({ queryKey: [...queryKeys.media(ws), 'check'] });
    }
    if (isApiError(error, 'VARIANT_OPTIONS_INVALID')) {
      const channels = errorDetails(error, 'VARIANT_OPTIONS_INVALID')?.channels ?? [];
      setServerOptionIssues(
        new Map(
          channels.map((c) => [
            c.channelId,
            new Map(c.issues.map((i) => [i.path.split('.')[0] ?? '', i.message] as const)),
          ]),
        ),
      );
    }
    if (isApiError(error, 'LOCAL_TIME_AMBIGUOUS')) {
      const fromServer = errorDetails(error, 'LOCAL_TIME_AMBIGUOUS')?.candidates;
      if (fromServer) {
        setServerCandidates(fromServer);
        setChosen(null);
      }
    }
    setFormError(errorMessage(error, t, locale));
  };

  const timeBlocks =
    check.kind === 'incomplete' ||
    check.kind === 'nonexistent' ||
    (candidates !== null && chosen === null);
  const textMissing = isBlank(values);
  /** Problems with each channel's options: the form's own check, then what the API said. */
  const optionProblems = useMemo(() => {
    const byChannel = new Map<string, ReadonlyMap<string, string>>();
    for (const choice of values.channels) {
      const platform = channelsById.get(choice.channelId)?.platform;
      const own = platform ? optionIssues(platform, choice.options) : new Map<string, string>();
      const merged = new Map([...(serverOptionIssues.get(choice.channelId) ?? []), ...own]);
      if (merged.size > 0) byChannel.set(choice.channelId, merged);
    }
    return byChannel;
  }, [values.channels, channelsById, serverOptionIssues]);
  const optionsInvalid = optionProblems.size > 0;
  // The live check of each channel's media, as they stand (editors only: it is their question).
  const checkRequest = useMemo(
    () => mediaCheckRequest({ media: values.media, channels: values.channels }),
    [values.media, values.channels],
  );
  const liveMediaProblems = useMediaCheck(ws, checkRequest, editable);
  /** Per channel, in the reader's language: the live check's problems, then the last refusal's. */
  const channelMediaProblems = useMemo((): ReadonlyMap<string, readonly string[]> => {
    const byChannel = new Map<string, string[]>();
    const add = (channelId: string, message: string) => {
      const list = byChannel.get(channelId) ?? [];
      if (!list.includes(message)) list.push(message);
      byChannel.set(channelId, list);
    };
    for (const [channelId, problems] of liveMediaProblems)
      for (const p of problems) add(channelId, p.messages[locale]);
    for (const [channelId, messages] of serverMediaProblems)
      for (const m of messages) add(channelId, m);
    return byChannel;
  }, [liveMediaProblems, serverMediaProblems, locale]);
  const mediaBlockingCount = [...channelMediaProblems.values()].reduce(
    (n, list) => n + list.length,
    0,
  );
  const canSubmit = editable && !pending && !timeBlocks && !textMissing && !optionsInvalid;

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
   * the version that save returned. `blocked`: the wording review has findings that block.
   */
  const submitForReview = async (blocked: boolean) => {
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
        setParked({});
        setRemoved(null);
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
    setKept({ mine: values, current });
    setBase(current);
    setOriginal(form);
    setValues(form);
    setParked({});
    setRemoved(null);
    setChosen(initialChoice(current, form, tz));
    setServerCandidates(null);
    setFormError(null);
  };

  return {
    workspace,
    channels,
    channelsById,
    onClose,
    policyKind,
    base,
    values,
    /** True once the form differs from what was loaded. */
    unsaved: values !== original,
    check,
    candidates,
    chosen,
    plannedInstant,
    stale,
    /** After "load the current version": the person's own version, kept to copy from. */
    kept,
    dismissKept: () => setKept(null),
    /** The channel just unticked with its own text (kept until save), for the undo offer. */
    removed,
    undoRemove,
    formError,
    serverBlockers,
    submitted,
    confirming,
    requestReview,
    releases,
    pending,
    saving: pending && !remove.isPending,
    deleting: remove.isPending,
    submitting: submit.isPending || update.isPending,
    editable,
    submittable,
    timeBlocks,
    textMissing,
    set,
    setChosen,
    toggleChannel,
    setOverride,
    setOption,
    media,
    /** A channel's own media (or the post's again). */
    channelMedia: channelMediaActions,
    /**
     * Per channel, what its platform would refuse about its media: the live check as they are
     * chosen, and what the last submit was refused with (until that channel's media change).
     */
    mediaProblems: channelMediaProblems,
    /** How many media problems block submitting (add them to the wording's blocking count). */
    mediaBlockingCount,
    /** Per channel, the fields whose option is not valid for its platform. */
    optionProblems,
    optionsInvalid,
    setConfirming,
    setRequestReview,
    /** A transition elsewhere (the review panel) returned a newer post. */
    setBase,
    /** Something else found the post outdated. */
    showStale: (current: Post | null) => setStale({ current }),
    onSubmit,
    submitForReview,
    onDelete,
    loadCurrent,
  };
}

export type PostEditorState = ReturnType<typeof usePostEditor>;
