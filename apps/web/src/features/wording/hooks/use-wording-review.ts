import {
  measureText,
  publishedText,
  type UtmDefaults,
  type WorkspaceWordingSettings,
} from '@postplan/domain';
import { useMemo } from 'react';
import { useServerChecks, type ServerCheck } from '../api/use-server-checks';
import type { LengthInfo } from '../utils/counter';
import {
  combineFindings,
  countBySeverity,
  mergeLocalAndServer,
  type FindingCounts,
  type UiFinding,
} from '../utils/findings';
import {
  checkTargetLocally,
  wordingTargets,
  type ChannelText,
  type TargetMedia,
  type WordingChannel,
  type WordingTarget,
} from '../utils/targets';
import { mapFindings } from '../utils/text-edit';
import { useDebouncedValue } from './use-debounced-value';

/** Light: the engine takes about a millisecond per text; this only spares bursts of typing. */
export const LOCAL_CHECK_DELAY = 120;
/** The server is asked once the writer pauses. */
export const SERVER_CHECK_DELAY = 600;

export type TargetReview = {
  target: WordingTarget;
  /** Live, on every keystroke: the counter never lags behind the text. */
  length: LengthInfo;
  findings: UiFinding[];
  counts: FindingCounts;
};

export type WordingReview = {
  targets: TargetReview[];
  /** Findings per editor field (the base text, or a channel's own text). */
  byField: ReadonlyMap<string, UiFinding[]>;
  /** Errors in the texts going to channels block submitting; each names its target. */
  blocking: { target: WordingTarget; finding: UiFinding }[];
  /** The server could not be asked (offline, a server error) for the current texts. */
  serverFailed: boolean;
  /** The server has not yet answered for the current texts. */
  serverPending: boolean;
};

export type WordingReviewInput = {
  workspace: string;
  postId?: string;
  /** The planned instant, when there is one: duplicates are looked for around it. */
  plannedAt?: string | null;
  baseText: string;
  channelTexts: readonly ChannelText[];
  /** The post's media; a channel text's own media replace them. */
  baseMedia?: readonly TargetMedia[];
  channelsById: ReadonlyMap<string, WordingChannel>;
  settings: WorkspaceWordingSettings | undefined;
  /** Whether to ask the server (not for people who cannot change the post). */
  server: boolean;
  /** The UTM defaults of the post's campaign: lengths are counted with the links as tagged. */
  campaignUtm?: UtmDefaults | null;
};

const NO_MEDIA: readonly TargetMedia[] = [];

function liveLength(target: WordingTarget, campaignUtm: UtmDefaults | null): LengthInfo {
  const wording = target.channel?.wording;
  const text = target.channel
    ? publishedText(target.text, campaignUtm, target.platform)
    : target.text;
  const measurement = measureText(text, target.platform, {
    ...(wording?.characterLimit !== undefined ? { characterLimit: wording.characterLimit } : {}),
    asCaption: target.platform === 'telegram' && wording?.telegramCaptionMode === 'caption',
  });
  return { used: measurement.used, limit: measurement.limit, unit: measurement.unit };
}

function serverFindings(check: ServerCheck | undefined, text: string): UiFinding[] {
  if (!check || check.failed) return [];
  return mapFindings(check.findings, check.text, text);
}

/**
 * The wording review of everything the editor holds: the engine runs here on each change (lightly
 * debounced) with the workspace's settings, the server adds spelling and duplicates after a pause,
 * and both answers are moved onto the current text, so underlines stay put while typing.
 */
export function useWordingReview(input: WordingReviewInput): WordingReview {
  const { workspace, postId, baseText, channelTexts, channelsById, settings } = input;
  const baseMedia = input.baseMedia ?? NO_MEDIA;
  const campaignUtm = input.campaignUtm ?? null;
  const targets = useMemo(
    () => wordingTargets(baseText, channelTexts, channelsById, baseMedia),
    [baseText, channelTexts, channelsById, baseMedia],
  );

  const settledForLocal = useDebouncedValue(targets, LOCAL_CHECK_DELAY);
  const local = useMemo(
    () =>
      new Map(
        settledForLocal.map((target) => [
          target.id,
          {
            text: target.text,
            ...checkTargetLocally(target, settledForLocal, settings, postId, campaignUtm),
          },
        ]),
      ),
    [settledForLocal, settings, postId, campaignUtm],
  );

  const settledForServer = useDebouncedValue(targets, SERVER_CHECK_DELAY);
  const server = useServerChecks(
    workspace,
    settledForServer,
    { ...(postId ? { postId } : {}), plannedAt: input.plannedAt ?? null },
    input.server,
  );

  return useMemo(() => {
    const reviews: TargetReview[] = targets.map((target) => {
      const mine = local.get(target.id);
      const localFindings = mine ? mapFindings(mine.findings, mine.text, target.text) : [];
      const findings = mergeLocalAndServer(
        localFindings,
        serverFindings(server[target.id], target.text),
      );
      const length = liveLength(target, campaignUtm);
      return { target, length, findings, counts: countBySeverity(findings) };
    });

    const fields = new Map<string, UiFinding[][]>();
    for (const review of reviews) {
      const list = fields.get(review.target.field) ?? [];
      list.push(review.findings);
      fields.set(review.target.field, list);
    }
    const byField = new Map([...fields].map(([field, lists]) => [field, combineFindings(lists)]));

    // As on the server, which checks the variants a post publishes: a text without a channel
    // goes nowhere, so nothing in it can block.
    const blocking = reviews
      .filter((review) => review.target.channel !== null)
      .flatMap((review) =>
        review.findings
          .filter((finding) => finding.severity === 'error')
          .map((finding) => ({ target: review.target, finding })),
      );

    const asked = targets.filter((t) => t.text.trim() !== '');
    const serverFailed = input.server && asked.some((t) => server[t.id]?.failed === true);
    const serverPending =
      input.server &&
      asked.some((t) => server[t.id] === undefined || server[t.id]?.text !== t.text);
    return { targets: reviews, byField, blocking, serverFailed, serverPending };
  }, [targets, local, server, input.server, campaignUtm]);
}
