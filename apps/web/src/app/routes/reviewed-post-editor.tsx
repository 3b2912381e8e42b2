import type { Extension } from '@codemirror/state';
import type { Channel, WorkspaceMembership } from '@postplan/contracts';
import type { PreviewMediaInput } from '@postplan/domain';
import { useMemo, type ReactNode } from 'react';
import { PostHistory } from '../../features/audit/components/post-history';
import { PostEditor, type EditorTarget } from '../../features/editor/components/post-editor';
import type { EditorTextFieldProps } from '../../features/editor/components/editor-text-field';
import { usePostEditor } from '../../features/editor/hooks/use-post-editor';
import { PostPreviews } from '../../features/previews/components/post-previews';
import { PostPublishing } from '../../features/publishing/components/post-publishing';
import { PublicationAttempts } from '../../features/publishing/components/publication-attempts';
import { useApprovalPolicy } from '../../features/review/api/use-approval-policy';
import { usePostDetail } from '../../features/review/api/use-post-review';
import { OpenChangeRequest } from '../../features/review/components/open-change-request';
import { ReviewPanel } from '../../features/review/components/review-panel';
import { useEngineSettings } from '../../features/wording/api/use-wording-settings';
import { useCampaigns } from '../../lib/api/queries';
import { WordingField, type FieldCounter } from '../../features/wording/components/wording-field';
import { WordingSummary } from '../../features/wording/components/wording-summary';
import {
  useWordingReview,
  type WordingReview,
} from '../../features/wording/hooks/use-wording-review';
import type { WordingChannel } from '../../features/wording/utils/targets';

export type ReviewedPostEditorProps = {
  workspace: WorkspaceMembership;
  userId: string;
  channels: readonly Channel[];
  target: EditorTarget;
  onClose: () => void;
  textExtensions?: Readonly<Record<string, readonly Extension[]>>;
  sections?: ReactNode;
};

function countersFor(review: WordingReview, field: string, fallbackLabel: string): FieldCounter[] {
  return review.targets
    .filter((r) => r.target.field === field)
    .map((r) => ({
      key: r.target.id,
      label: r.target.channel?.name ?? fallbackLabel,
      length: r.length,
    }));
}

/**
 * The post editor composed with the features it works with: the wording review on its texts
 * (which also decides whether submitting is blocked), the approval policy (what submitting
 * does), and for a saved post the review panel with the post's history.
 */
export function ReviewedPostEditor({
  workspace,
  userId,
  channels,
  target,
  onClose,
  textExtensions,
  sections,
}: ReviewedPostEditorProps) {
  const ws = workspace.slug;
  const policyKind = useApprovalPolicy(ws).data?.policy.kind;
  const editor = usePostEditor({ workspace, userId, channels, target, onClose, policyKind });
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
  const settings = useEngineSettings(ws);
  const { campaignsById } = useCampaigns(ws);
  const campaignUtm = editor.values.campaignId
    ? (campaignsById.get(editor.values.campaignId)?.utm ?? null)
    : null;
  const review = useWordingReview({
    workspace: ws,
    ...(editor.base ? { postId: editor.base.id } : {}),
    plannedAt: editor.plannedInstant,
    baseText: editor.values.text,
    // The media rules see what goes out with each text, as the server's check at submit does.
    baseMedia: editor.values.media,
    channelTexts: editor.values.channels,
    channelsById: wordingChannels,
    settings,
    server: editor.editable,
    campaignUtm,
  });

  // Media a platform would refuse block submitting like wording errors. The media check answers
  // from the adapters' own limits; the wording's media rules (count, required) say the same from
  // the same numbers (libs/platforms limits.spec), so they are not counted twice.
  const wordingBlocking = review.blocking.filter(
    (b) => !b.finding.rule.startsWith('media.'),
  ).length;

  const renderTextField = ({ field, counterLabel, ...props }: EditorTextFieldProps) => (
    <WordingField
      {...props}
      findings={review.byField.get(field) ?? []}
      counters={countersFor(review, field, counterLabel)}
      channelNames={channelNames}
    />
  );

  const base = editor.base;
  return (
    <PostEditor
      editor={editor}
      renderTextField={renderTextField}
      blockingCount={wordingBlocking + editor.mediaBlockingCount}
      summary={<WordingSummary review={review} />}
      previews={
        <PostPreviews
          channels={channels}
          title={editor.values.title}
          baseText={editor.values.text}
          baseMedia={editor.values.media.map(previewMedia)}
          variants={editor.values.channels.map((c) => ({
            channelId: c.channelId,
            text: c.text,
            ...(c.options ? { options: c.options } : {}),
            ...(c.media ? { media: c.media.map(previewMedia) } : {}),
          }))}
        />
      }
      notice={base && <ChangeRequestNote workspace={ws} postId={base.id} userId={userId} />}
      reviewPanel={
        base && (
          <>
            {/* Once approved (or published before), each channel's publishing status. */}
            {(base.status === 'approved' || (base.publications?.length ?? 0) > 0) && (
              <PostPublishing
                workspace={workspace}
                userId={userId}
                post={base}
                channels={channels}
              />
            )}
            <ReviewPanel
              workspace={workspace}
              userId={userId}
              post={base}
              channels={channels}
              unsaved={editor.unsaved}
              onTransition={editor.setBase}
              onOutdated={editor.showStale}
              renderHistory={(names) => (
                <>
                  <PublicationAttempts workspace={workspace} postId={base.id} channels={channels} />
                  <PostHistory
                    workspace={workspace}
                    postId={base.id}
                    channelName={(id) => channelNames.get(id) ?? null}
                    {...names}
                  />
                </>
              )}
            />
          </>
        )
      }
      textExtensions={textExtensions}
      sections={sections}
    />
  );
}

/** An attached medium as the previews draw it: the thumbnail, framed by the original's size. */
function previewMedia(m: {
  mediaId: string;
  thumbnailUrl: string;
  mimeType: string;
  altText: string | null;
  width: number | null;
  height: number | null;
}): PreviewMediaInput {
  return {
    id: m.mediaId,
    url: m.thumbnailUrl,
    mimeType: m.mimeType,
    altText: m.altText?.trim() ? m.altText : null,
    width: m.width,
    height: m.height,
  };
}

/** What the reviewer asked for, from the post's review state (the review panel's query). */
function ChangeRequestNote({
  workspace,
  postId,
  userId,
}: {
  workspace: string;
  postId: string;
  userId: string;
}) {
  const detail = usePostDetail(workspace, postId).data;
  return detail ? <OpenChangeRequest detail={detail} userId={userId} /> : null;
}
