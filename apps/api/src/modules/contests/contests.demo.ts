import { Inject, Injectable } from '@nestjs/common';
import { CreateContestRequestSchema, CreatePostRequestSchema } from '@postplan/contracts';
import { personKey } from '@postplan/domain';
import { Clock } from '../../common/clock/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { PostsService } from '../posts/posts.service';
import { SandboxService } from '../publishing/sandbox.service';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { ContestDrawService } from './contest-draw.service';
import { ContestEntriesService } from './contest-entries.service';
import { pseudonymOf } from './contest-pseudonyms';
import { ContestsRepository, type NewEntry } from './contests.repository';
import { ContestsService } from './contests.service';

const DAY = 86_400_000;

/** The demo's finished giveaway: its entrants commented on a sandbox post. */
const COMMENTS: { author: string; text: string; day: number }[] = [
  { author: 'lisa.wandert', text: 'Wie toll! Ich nehme @jonas_b mit in die Berge 🏔️', day: 1 },
  { author: 'jonas_b', text: 'Dabei! @lisa.wandert 💧', day: 1 },
  { author: 'mareike_k', text: 'Ich wäre gern dabei @tante.gerda', day: 2 },
  { author: 'tobi.radelt', text: 'Das wäre perfekt für meine nächste Tour @kathi', day: 3 },
  { author: 'kathi', text: 'Ich auch! @tobi.radelt', day: 3 },
  { author: 'bergquell_team', text: 'Viel Glück euch allen! @lisa.wandert', day: 4 },
  { author: 'sepp.huber', text: 'Super Aktion', day: 5 },
  { author: 'anna.liest', text: 'Dabei mit @buecherwurm', day: 6 },
  { author: 'gewinnspiel_jaeger99', text: 'Mitmachen! @a @b @c', day: 6 },
  { author: 'mareike_k', text: 'Nochmal, weil es so schön ist @tante.gerda', day: 8 },
  { author: 'paul.trinkt', text: 'Für den Sommer genau richtig @emma', day: 9 },
  { author: 'emma', text: 'Oh ja @paul.trinkt', day: 10 },
  { author: 'noah.s', text: 'Ich bin dabei @mia', day: 12 },
];

/**
 * Seeds the demo workspace's finished contest through the real services: rules generated and
 * saved, entries from the sandbox comments, a manual exclusion, the commitment, the draw, one
 * recorded replacement and a drafted winner notification, so the certificate and the public
 * verification page can be opened at once. The contest belongs to the demo campaign when one
 * exists.
 */
@Injectable()
export class ContestsDemo {
  constructor(
    private readonly repo: ContestsRepository,
    private readonly contests: ContestsService,
    private readonly entries: ContestEntriesService,
    private readonly draws: ContestDrawService,
    private readonly posts: PostsService,
    private readonly sandbox: SandboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seed(
    ws: WorkspaceWithRole,
    people: { ownerId: string; editorId: string; authorId: string },
    sandboxChannelId: string,
  ): Promise<string> {
    const now = this.clock.now();
    const origin = this.config.publicUrl ?? '';
    const from = new Date(now.getTime() - 24 * DAY);
    const until = new Date(now.getTime() - 8 * DAY);
    const campaignId = await this.repo.firstCampaignId(ws.id);
    const post = await this.posts.create(
      { userId: people.authorId, workspace: ws },
      CreatePostRequestSchema.parse({
        title: 'Gewinnspiel: Bergquell-Wanderpaket',
        text: 'Gewinnspiel! 🎉 Wir verlosen zwei Bergquell-Wanderpakete. Kommentiert und markiert, mit wem ihr wandern geht. Teilnahme bis Sonntag.',
        plannedAt: from.toISOString(),
        variants: [{ channelId: sandboxChannelId }],
      }),
    );
    const contest = await this.contests.create(
      ws,
      people.editorId,
      CreateContestRequestSchema.parse({
        campaignId,
        title: 'Bergquell-Wanderpaket',
        description: 'Zwei Wanderpakete mit Trinkflasche, Rucksack und einem Kasten Bergquell.',
        prizes: [
          { name: 'Wanderpaket mit Rucksack', quantity: 1, value: '120 €' },
          { name: 'Wanderpaket mit Trinkflasche', quantity: 1, value: '45 €' },
        ],
        alternatesCount: 2,
        entriesFrom: from.toISOString(),
        entriesUntil: until.toISOString(),
        entryMethods: ['comment'],
        eligibility: {
          minimumAge: 18,
          countries: ['DE', 'AT'],
          requiredMentions: 1,
          staffHandles: ['bergquell_team'],
        },
        organiser: {
          name: 'Bergquell Getränke GmbH',
          address: 'Quellenweg 1\n83471 Berchtesgaden',
          email: 'gewinnspiel@bergquell.example',
        },
        retentionDays: 90,
        postIds: [post.id],
      }),
      origin,
    );
    const id = contest.id;
    await this.contests.saveRules(ws, people.editorId, id, { generate: true }, origin);
    // The contest post says where the rules are, as the wording review asks.
    const current = await this.posts.get({ userId: people.authorId, workspace: ws }, post.id);
    const linked = await this.posts.update(
      { userId: people.authorId, workspace: ws },
      post.id,
      { text: `${current.text}\nTeilnahmebedingungen: ${contest.rulesUrl}` },
      current.version,
    );
    // It went out to the sandbox when the period began, and people commented there.
    const sandboxPostId = await this.repo.transaction((em) =>
      this.sandbox.recordPublished(em, {
        workspaceId: ws.id,
        postId: post.id,
        channelId: sandboxChannelId,
        title: linked.title,
        text: linked.text,
        contentHash: linked.review.contentHash,
        at: from,
      }),
    );
    const row = await this.contests.row(ws, id);
    const entries: NewEntry[] = [];
    for (const c of COMMENTS) {
      const at = new Date(from.getTime() + c.day * DAY + 3_600_000 * (8 + (c.author.length % 9)));
      const stored = await this.repo.transaction((em) =>
        this.sandbox.comment(em, { postId: sandboxPostId, author: c.author, text: c.text, at }),
      );
      const key = personKey('sandbox', c.author);
      entries.push({
        source: 'comment',
        platform: 'sandbox',
        pseudonym: pseudonymOf(row.pseudonym_key, key),
        personKey: key,
        handle: c.author,
        commentId: stored.id,
        text: c.text,
        email: null,
        age: null,
        country: null,
        enteredAt: at,
        postId: post.id,
        channelId: sandboxChannelId,
      });
    }
    // Collected as the adapter would (the server is not listening yet while the demo is seeded).
    await this.repo.transaction((em) => this.repo.insertEntries(em, id, entries, until));
    const hunter = entries.find((e) => e.handle === 'gewinnspiel_jaeger99')!;
    await this.entries.setExcluded(
      ws,
      people.editorId,
      id,
      hunter.pseudonym,
      'Reines Gewinnspiel-Konto, markiert erfundene Namen',
    );
    await this.draws.commit(ws, people.editorId, id);
    const drawn = await this.draws.draw(ws, people.ownerId, id, {
      publicValue: 'Glückszahl aus dem Live-Stream: 4711',
      publicValueBy: 'Petra Kunz (Kundin, nach der Festschreibung)',
    });
    const first = drawn.result!.winners[0]!.entrantId;
    await this.draws.redraw(ws, people.editorId, id, {
      entrantId: first,
      reason: 'Hat sich nicht innerhalb von 7 Tagen gemeldet.',
    });
    const after = await this.draws.get(ws, id);
    await this.draws.draftNotification(
      ws,
      people.authorId,
      id,
      { entrantId: after.result!.currentWinners[0]!.entrantId, kind: 'reply' },
      origin,
    );
    return id;
  }
}
