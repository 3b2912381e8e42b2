import { type CommentAudience, commentRecipients } from './comment-notifier';

const ANNA = 'u-anna';
const BEN = 'u-ben';
const CARLA = 'u-carla';
const DIETER = 'u-dieter';

const audience = (over: Partial<CommentAudience>): CommentAudience => ({
  writerId: BEN,
  mentionedIds: [],
  postAuthorId: ANNA,
  participantIds: [],
  memberIds: new Set([ANNA, BEN, CARLA, DIETER]),
  ...over,
});

describe('who hears about a new comment', () => {
  it('tells the post’s author about a comment on it, not the writer', () => {
    expect(commentRecipients(audience({}))).toEqual({ mentioned: [], commented: [ANNA] });
    expect(commentRecipients(audience({ writerId: ANNA }))).toEqual({
      mentioned: [],
      commented: [],
    });
  });

  it('tells the thread’s participants about a reply, each once', () => {
    expect(
      commentRecipients(audience({ participantIds: [CARLA, BEN, CARLA, ANNA] })).commented,
    ).toEqual([ANNA, CARLA]);
  });

  it('gives someone mentioned a mention instead of a comment notice, and never the writer', () => {
    expect(
      commentRecipients(audience({ mentionedIds: [ANNA, BEN], participantIds: [CARLA] })),
    ).toEqual({ mentioned: [ANNA], commented: [CARLA] });
  });

  it('leaves out people who left the workspace', () => {
    expect(
      commentRecipients(
        audience({ participantIds: [DIETER], memberIds: new Set([ANNA, BEN, CARLA]) }),
      ).commented,
    ).toEqual([ANNA]);
  });

  it('tells the author and everyone mentioned about a review-link visitor’s comment', () => {
    expect(commentRecipients(audience({ writerId: null, mentionedIds: [CARLA] }))).toEqual({
      mentioned: [CARLA],
      commented: [ANNA],
    });
  });
});
