// Online clustering of posts into issues, as they arrive, on the posts' own timestamps.
//
// 1. Near-duplicates first: a post whose MinHash signature is close (≥ 0.7) to a recent post joins
//    that post's issue (copy-pasted and lightly edited posts).
// 2. Otherwise the post joins the active issue whose time-decayed TF-IDF centroid is closest
//    (cosine, plus a small bonus when topics or the ward agree, a penalty when the wards differ),
//    if that similarity reaches JOIN. Civic concepts (text core, concepts/) weigh most: a post that
//    speaks of an issue's main concept ("lội bì bõm" for a flooding issue) joins it even when they
//    share no word, and a post about another concept is held back from an issue it shares only
//    place words with (flooding and a building site on the same street stay apart). Issues idle for
//    more than MAX_GAP (post time) take no new posts,
//    unless pinned.
// 3. Otherwise it is compared with recent posts that belong to no issue yet (the pool); two similar
//    posts (≥ SEED) found a new issue together. A post with no partner waits in the pool: an issue
//    always has at least two posts. Only posts of public concern (a concept or a topic) found
//    issues, and posts of none join one only on clearly shared words: greetings, ads and recipes
//    stay out of issues.
// Analysts' edits are respected: issues split apart are never merged back (`apart`), renamed and
// pinned issues keep their name and stay open; posts an analyst placed are never moved.
import { NearIndex, parseSignature, similarity as sigSimilarity } from './near.ts';
import type { Term } from './terms.ts';
import type { AnalyzerModels } from '@nhipcau/text-vi';
import type { TitleBasis } from './titles.ts';
import { ConceptAssociations } from './associations.ts';
import { DocFreq, dot, norm, prune, vectorize, type PostVector, type Vector } from './vectors.ts';

export const JOIN = 0.3;
export const SEED = 0.38;
export const NEAR_DUPLICATE = 0.7;
const TOPIC_BONUS = 0.05;
const WARD_BONUS = 0.05;
const WARD_PENALTY = 0.12;
/** The post speaks of the issue's main concept (or, in the pool, of its partner's). */
const CONCEPT_BONUS = 0.38;
/** The post speaks of a concern many of the issue's posts also speak of ("cống nghẹt" in a flooding issue). */
const PRESENT_BONUS = 0.26;
/** The post names the spot a good share (PLACE_SHARE) of the issue's posts name. */
const PLACE_BONUS = 0.12;
const PLACE_SHARE = 0.25;
/**
 * The post names another spot than the issue's, days after the issue went quiet: another event of the
 * same kind (a tree down on another street two weeks later), not more of this one.
 */
const OTHER_SPOT_PENALTY = 0.5;
const QUIET_MS = 2 * 24 * 3600_000;
/** How long after an issue's last post one of no concern may still join it. */
const FOLLOW_UP_MS = 24 * 3600_000;
/** Share of an issue's posts with a concept for it to be present in the issue (see PRESENT_BONUS). */
const PRESENT_SHARE = 0.15;
/** The post speaks of a kindred concern: a concept of the same topic, or the topic alone. */
const KIN_BONUS = 0.1;
/** The post speaks of other concepts than the issue's main one. */
const CONCEPT_PENALTY = 0.18;
/** Extra similarity asked of a post of no concept and no topic to join an issue. */
const UNCONCERNED_MARGIN = 0.12;
/** Concepts of a post that count (the strongest first). */
const POST_CONCEPTS = 2;
/** Pool posts one post can bring into its issue. */
const MAX_ADOPTED = 50;
/** Centroid half-life in post time: recent posts shape an issue more than old ones. */
const TAU_MS = 3 * 24 * 3600_000 / Math.LN2;
/** An issue idle longer than this (post time) takes no new posts. */
export const MAX_GAP_MS = 10 * 24 * 3600_000;
const POOL_WINDOW_MS = 3 * 24 * 3600_000;
const POOL_MAX = 6_000;
const LSH_MAX = 20_000;
const CENTROID_TERMS = 100;
const INDEXED_TERMS = 24;
const QUERY_TERMS = 16;
const REPRESENTATIVES = 6;

/** What the caller keeps with a post while it waits in the pool (for the counts when it joins an issue later). */
export interface PostMeta {
  sourceId: number;
  authorHash: string | null;
  sentiment: number;
  frustration: number;
}

export interface ClusterPost {
  id: number;
  meta: PostMeta;
  /** posted_at, ms. */
  time: number;
  terms: readonly Term[];
  topics: readonly string[];
  /** Civic concepts, the strongest first. */
  concepts: readonly string[];
  places: readonly string[];
  ward: string;
  signature: string | null;
  /** The signature parsed (set by the model). */
  hashes?: Uint16Array | null;
  /** For a reply: the issue of the post it answers, if that post is in one. */
  parentIssue?: number;
}

export interface IssueState {
  /** > 0 stored; < 0 created in this batch, not yet stored. */
  id: number;
  centroid: Vector;
  centroidAt: number;
  norm: number;
  surfaces: Map<number, string>;
  topics: Map<string, number>;
  /** Posts per civic concept. */
  concepts: Map<string, number>;
  /** What the generated title was made from (see titles.ts). */
  title?: TitleBasis | null;
  places: Map<string, number>;
  wards: Map<string, number>;
  count: number;
  firstSeen: number;
  lastSeen: number;
  pinned: boolean;
  renamed: boolean;
  apart: Set<number>;
  reps: Array<{ id: number; sim: number; sig: Uint16Array | null }>;
  indexed: Set<number>;
  /** The centroid changed since it was last written (wall-clock ms of that write in `savedAt`). */
  dirty: boolean;
  savedAt: number;
}

interface PoolEntry {
  post: ClusterPost;
  pv: PostVector;
}

/** Pool posts an issue took in when it formed or grew (posts that waited alone until their issue appeared). */
interface Adoptions {
  adopted?: ClusterPost[];
}

export type Decision =
  | ({ kind: 'join'; issueId: number; similarity: number; via: 'near-duplicate' | 'thread' | 'centroid' } & Adoptions)
  | ({ kind: 'seed'; issueId: number; partner: number; partnerPost?: ClusterPost; similarity: number; via: 'near-duplicate' | 'pool' } & Adoptions)
  | { kind: 'pool' };

export interface ClusterModelOptions {
  df?: DocFreq;
  associations?: ConceptAssociations;
  thresholds?: { join: number; seed: number };
  conceptTopics?: ReadonlyMap<string, string>;
  broadPlaces?: ReadonlySet<string>;
}

/** The options a model needs from the text models: concepts' topics and the places too broad to be a spot. */
export function modelOptions(models: AnalyzerModels): Pick<ClusterModelOptions, 'conceptTopics' | 'broadPlaces'> {
  return {
    conceptTopics: new Map([...(models.concepts?.byId.values() ?? [])].map((c) => [c.id, c.topic])),
    broadPlaces: new Set([...models.gazetteer.places.values()].filter((p) => p.type === 'ward' || p.type === 'district').map((p) => p.id)),
  };
}

export class ClusterModel {
  readonly issues = new Map<number, IssueState>();
  /** term hash → issues that have it among their heaviest terms */
  private readonly index = new Map<number, Set<number>>();
  private readonly pool = new Map<number, PoolEntry>();
  private readonly poolIndex = new Map<number, Set<number>>();
  /** concept → issues in which it is present (see presentConcepts) */
  private readonly conceptIndex = new Map<string, Set<number>>();
  private readonly indexedConcepts = new Map<number, string[]>();
  /** concept → pool posts that speak of it */
  private readonly poolConcepts = new Map<string, Set<number>>();
  private readonly lsh = new NearIndex();
  private readonly lshOrder: Array<{ id: number; time: number }> = [];
  private lshHead = 0;
  /** post id → issue id (0 = none yet), for posts in the LSH window */
  private readonly postIssue = new Map<number, number>();
  /** merged issue → the issue it went into */
  readonly redirects = new Map<number, number>();
  private nextTemp = -1;
  /** Issues changed since the last takeChanged(). */
  private readonly changed = new Set<number>();

  readonly df: DocFreq;
  readonly associations: ConceptAssociations;
  private readonly thresholds: { join: number; seed: number };
  /** Concept id → its topic: concepts of one topic are kin ("cống nghẹt" in a flooding issue). */
  private readonly conceptTopics: ReadonlyMap<string, string>;
  /** Wards and districts: too broad to say two posts are about one spot (wards count apart). */
  private readonly broadPlaces: ReadonlySet<string>;

  constructor(options: ClusterModelOptions = {}) {
    this.df = options.df ?? new DocFreq();
    this.associations = options.associations ?? new ConceptAssociations();
    this.thresholds = options.thresholds ?? { join: JOIN, seed: SEED };
    this.conceptTopics = options.conceptTopics ?? new Map();
    this.broadPlaces = options.broadPlaces ?? new Set();
  }

  /** Decides where a post goes and updates the state; returns the decision. */
  add(input: ClusterPost): Decision {
    let post = input;
    post.hashes ??= post.signature ? parseSignature(post.signature) : null;
    const pv = vectorize(post.terms, this.df);
    if (post.concepts.length) this.associations.observe(post.terms, post.concepts[0]);
    else {
      const inferred = this.associations.infer(post.terms, this.df);
      if (inferred) post = { ...post, concepts: [inferred] };
    }
    // A concept only guessed from the installation's word associations is no sign of concern to keep a quiet issue open.
    const decision = this.decide(post, pv, concerned(input));
    if (decision.kind === 'join') this.join(this.issues.get(decision.issueId) as IssueState, post, pv, decision.similarity);
    else if (decision.kind === 'seed') {
      const partner = this.pool.get(decision.partner) as PoolEntry;
      decision.partnerPost = partner.post;
      this.removeFromPool(decision.partner);
      const issue = this.newIssue(partner.post);
      decision.issueId = issue.id;
      this.join(issue, partner.post, partner.pv, 1);
      this.join(issue, post, pv, decision.similarity);
      this.postIssue.set(partner.post.id, issue.id);
    } else this.addToPool(post, pv);
    this.remember(post, decision.kind === 'pool' ? 0 : decision.issueId);
    if (decision.kind !== 'pool') {
      const adopted = this.adopt(this.issues.get(decision.issueId) as IssueState, post.time);
      if (adopted.length) decision.adopted = adopted;
    }
    return decision;
  }

  /**
   * Pool posts of the issue's main concept, from the days around `time`, that now score as joining it:
   * a post that had no partner when it came joins the issue its concern turned into.
   */
  private adopt(issue: IssueState, time: number): ClusterPost[] {
    const concept = mainConcept(issue);
    const waiting = concept ? this.poolConcepts.get(concept) : undefined;
    if (!waiting?.size) return [];
    const out: ClusterPost[] = [];
    for (const id of [...waiting]) {
      const entry = this.pool.get(id);
      if (!entry || Math.abs(entry.post.time - time) > POOL_WINDOW_MS) continue;
      const score = this.score(issue, entry.post, entry.pv.vec);
      if (score < this.thresholds.join) continue;
      this.removeFromPool(id);
      this.join(issue, entry.post, entry.pv, score);
      this.postIssue.set(id, issue.id);
      out.push(entry.post);
      if (out.length >= MAX_ADOPTED) break;
    }
    return out;
  }

  private decide(post: ClusterPost, pv: PostVector, said: boolean): Decision {
    // 1. Near-duplicates.
    if (post.hashes) {
      for (const near of this.lsh.near(post.hashes, NEAR_DUPLICATE)) {
        const otherId = near.id;
        const issueId = this.resolve(this.postIssue.get(otherId) ?? 0);
        const issue = issueId ? this.issues.get(issueId) : undefined;
        if (issue && this.open(issue, post.time)) return { kind: 'join', issueId: issue.id, similarity: near.similarity, via: 'near-duplicate' };
        if (!issueId && this.pool.has(otherId) && concerned(post)) return { kind: 'seed', issueId: 0, partner: otherId, similarity: near.similarity, via: 'near-duplicate' };
      }
    }
    // 2. A reply under a post of an issue is part of it ("+1 nhà mình cũng bị", "lửa tắt rồi nha mn")
    //    unless it speaks of another concern.
    if (post.parentIssue) {
      const issue = this.issues.get(this.resolve(post.parentIssue));
      if (issue && this.open(issue, post.time) && this.agreement(post, mainConcept(issue), (c) => present(issue, c)) >= 0) {
        return { kind: 'join', issueId: issue.id, similarity: this.score(issue, post, pv.vec), via: 'thread' };
      }
    }
    // 3. The closest open issue.
    const queryTerms = heaviest(pv.vec, QUERY_TERMS);
    const candidates = new Set<number>();
    for (const h of queryTerms) for (const id of this.index.get(h) ?? []) candidates.add(id);
    for (const c of post.concepts.slice(0, POST_CONCEPTS)) for (const id of this.conceptIndex.get(c) ?? []) candidates.add(id);
    let best: IssueState | undefined;
    let bestScore = -1;
    const isConcerned = concerned(post);
    for (const id of candidates) {
      const issue = this.issues.get(id);
      if (!issue || !this.open(issue, post.time)) continue;
      // A post of no concern (a follow-up, or noise sharing a word) joins only an issue heard from lately:
      // otherwise an ad for potted plants keeps a tree-fall issue of two weeks ago open.
      if (!said && post.time - issue.lastSeen > FOLLOW_UP_MS) continue;
      const score = this.score(issue, post, pv.vec);
      if (score > bestScore || (score === bestScore && best && issue.count > best.count)) {
        best = issue;
        bestScore = score;
      }
    }
    const join = this.thresholds.join + (isConcerned ? 0 : UNCONCERNED_MARGIN);
    if (best && bestScore >= join) return { kind: 'join', issueId: best.id, similarity: bestScore, via: 'centroid' };
    if (!isConcerned) return { kind: 'pool' };
    // 4. A partner in the pool.
    const poolCandidates = new Set<number>();
    for (const h of queryTerms) for (const id of this.poolIndex.get(h) ?? []) poolCandidates.add(id);
    for (const c of post.concepts.slice(0, POST_CONCEPTS)) for (const id of this.poolConcepts.get(c) ?? []) poolCandidates.add(id);
    let partner: PoolEntry | undefined;
    let partnerScore = -1;
    for (const id of poolCandidates) {
      const entry = this.pool.get(id);
      if (!entry || Math.abs(entry.post.time - post.time) > POOL_WINDOW_MS || !concerned(entry.post)) continue;
      let score = dot(pv.vec, entry.pv.vec);
      if (post.ward && entry.post.ward && post.ward !== entry.post.ward) score -= WARD_PENALTY;
      if (post.topics.some((t) => entry.post.topics.includes(t))) score += TOPIC_BONUS;
      score += this.agreement(post, entry.post.concepts[0], (c) => entry.post.concepts.slice(0, POST_CONCEPTS).includes(c));
      if (score > partnerScore) {
        partner = entry;
        partnerScore = score;
      }
    }
    if (partner && partnerScore >= this.thresholds.seed) return { kind: 'seed', issueId: 0, partner: partner.post.id, similarity: partnerScore, via: 'pool' };
    return { kind: 'pool' };
  }

  private score(issue: IssueState, post: ClusterPost, vec: Vector): number {
    let s = dot(vec, issue.centroid) / (issue.norm || 1);
    const agreement = this.agreement(post, mainConcept(issue), (c) => present(issue, c));
    s += agreement;
    // The spot the issue is about (a street, a market, a crossing), named by a post of no other concern.
    if (post.places.length) {
      const spots = this.spots(issue);
      if (agreement >= 0 && spots.some((p) => post.places.includes(p))) s += PLACE_BONUS;
      else if (spots.length && post.time - issue.lastSeen > QUIET_MS && post.places.some((p) => !this.broadPlaces.has(p))) s -= OTHER_SPOT_PENALTY;
    }
    if (post.topics.length && post.topics.some((t) => (issue.topics.get(t) ?? 0) * 3 >= issue.count)) s += TOPIC_BONUS;
    if (post.ward) {
      const mainWard = topKey(issue.wards);
      if (mainWard === post.ward) s += WARD_BONUS;
      else if (mainWard && (issue.wards.get(mainWard) ?? 0) * 2 > issue.count && !issue.wards.has(post.ward)) s -= WARD_PENALTY;
    }
    return s;
  }

  /**
   * How far the post's concerns agree with `concept`: its own concept (bonus), a kindred one of the same
   * topic, or only the topic without a concept (a smaller bonus), another concern (penalty), nothing
   * said (0).
   */
  private agreement(post: ClusterPost, concept: string | undefined, isPresent: (c: string) => boolean): number {
    if (!concept) return 0;
    const topic = this.conceptTopics.get(concept);
    if (!post.concepts.length) return topic && post.topics.includes(topic) ? KIN_BONUS : 0;
    let best = -CONCEPT_PENALTY;
    for (let i = 0; i < post.concepts.length && i < POST_CONCEPTS; i++) {
      const c = post.concepts[i];
      if (c === concept) return CONCEPT_BONUS;
      if (isPresent(c)) best = Math.max(best, PRESENT_BONUS);
      else if (topic && this.conceptTopics.get(c) === topic) best = Math.max(best, KIN_BONUS);
    }
    return best;
  }

  /** Both issues are about spots (streets, markets…), and none the same. */
  private spotsDiffer(a: IssueState, b: IssueState): boolean {
    const sa = this.spots(a);
    const sb = this.spots(b);
    return sa.length > 0 && sb.length > 0 && !sa.some((p) => sb.includes(p));
  }

  private spots(issue: IssueState): string[] {
    const min = Math.max(2, PLACE_SHARE * issue.count);
    return [...issue.places].filter(([p, n]) => n >= min && !this.broadPlaces.has(p)).map(([p]) => p);
  }

  private open(issue: IssueState, time: number): boolean {
    return issue.pinned || time - issue.lastSeen <= MAX_GAP_MS;
  }

  private newIssue(first: ClusterPost): IssueState {
    const issue: IssueState = {
      id: this.nextTemp--,
      centroid: new Map(),
      centroidAt: first.time,
      norm: 0,
      surfaces: new Map(),
      topics: new Map(),
      concepts: new Map(),
      places: new Map(),
      wards: new Map(),
      count: 0,
      firstSeen: first.time,
      lastSeen: first.time,
      pinned: false,
      renamed: false,
      apart: new Set(),
      reps: [],
      indexed: new Set(),
      dirty: true,
      savedAt: 0,
    };
    this.issues.set(issue.id, issue);
    return issue;
  }

  private join(issue: IssueState, post: ClusterPost, pv: PostVector, sim: number): void {
    addToCentroid(issue, pv, post.time);
    for (const t of post.topics) issue.topics.set(t, (issue.topics.get(t) ?? 0) + 1);
    for (const c of post.concepts.slice(0, POST_CONCEPTS)) issue.concepts.set(c, (issue.concepts.get(c) ?? 0) + 1);
    for (const p of post.places) issue.places.set(p, (issue.places.get(p) ?? 0) + 1);
    if (post.ward) issue.wards.set(post.ward, (issue.wards.get(post.ward) ?? 0) + 1);
    issue.count++;
    issue.firstSeen = Math.min(issue.firstSeen, post.time);
    issue.lastSeen = Math.max(issue.lastSeen, post.time);
    considerRepresentative(issue, post, sim);
    this.reindex(issue);
    issue.dirty = true;
    this.changed.add(issue.id);
  }

  /** Puts an issue (loaded from the database, or rebuilt after an edit) into the model. */
  load(issue: IssueState): void {
    this.unindex(issue.id);
    this.issues.set(issue.id, issue);
    issue.indexed = new Set();
    this.reindex(issue);
  }

  /** Removes an issue (merged, archived, deleted); its posts' near-duplicates follow `into` when given. */
  drop(id: number, into?: number): void {
    this.unindex(id);
    this.issues.delete(id);
    if (into) this.redirects.set(id, into);
  }

  /** Ids given by the database to issues created in this batch. */
  renumber(ids: Map<number, number>): void {
    for (const [temp, real] of ids) {
      const issue = this.issues.get(temp);
      if (!issue) continue;
      this.unindex(temp);
      this.issues.delete(temp);
      issue.id = real;
      this.issues.set(real, issue);
      issue.indexed = new Set();
      this.reindex(issue);
      if (this.changed.delete(temp)) this.changed.add(real);
    }
    for (const [post, issue] of this.postIssue) if (issue < 0 && ids.has(issue)) this.postIssue.set(post, ids.get(issue) as number);
  }

  /** Issues whose centroid has changed since it was last written. */
  dirtyIssues(): IssueState[] {
    return [...this.issues.values()].filter((i) => i.dirty && i.id > 0);
  }

  /** Issues changed since the last call, and forgets them. */
  takeChanged(): IssueState[] {
    const out = [...this.changed].map((id) => this.issues.get(id)).filter((i): i is IssueState => !!i);
    this.changed.clear();
    return out;
  }

  /** Rebuilds the pool and near-duplicate window from stored recent posts (after a restart). */
  warm(post: ClusterPost, issueId: number | null): void {
    post.hashes ??= post.signature ? parseSignature(post.signature) : null;
    const pv = vectorize(post.terms, this.df, false);
    if (!issueId) this.addToPool(post, pv);
    this.remember(post, issueId ?? 0);
  }

  /** Drops issues idle for longer than MAX_GAP before `now` (post time), except pinned ones. */
  evictIdle(now: number): number[] {
    const gone: number[] = [];
    for (const issue of this.issues.values()) {
      if (issue.id > 0 && !issue.pinned && now - issue.lastSeen > MAX_GAP_MS) gone.push(issue.id);
    }
    for (const id of gone) this.drop(id);
    return gone;
  }

  /**
   * Pairs of open issues whose centroids are at least `threshold` similar (cosine), most similar first,
   * leaving out pairs an analyst kept apart. Used by the periodic merge of issues that grew together.
   */
  similarPairs(threshold: number): Array<{ a: IssueState; b: IssueState; similarity: number }> {
    const out: Array<{ a: IssueState; b: IssueState; similarity: number }> = [];
    for (const a of this.issues.values()) {
      if (a.id < 0 || !a.norm) continue;
      const seen = new Set<number>();
      const concept = mainConcept(a);
      const others = heaviest(a.centroid, QUERY_TERMS).flatMap((h) => [...(this.index.get(h) ?? [])]);
      if (concept) others.push(...(this.conceptIndex.get(concept) ?? []));
      for (const id of others) {
        if (id <= a.id || seen.has(id)) continue;
        seen.add(id);
        const b = this.issues.get(id);
        if (!b || !b.norm || a.apart.has(b.id) || b.apart.has(a.id)) continue;
        // Issues of one concern that formed apart (the same concept, in the same ward, with no long gap
        // between them) are one issue; issues of different concepts need more shared words.
        let sim = dot(a.centroid, b.centroid) / (a.norm * b.norm);
        const bConcept = mainConcept(b);
        if (concept && bConcept) {
          // Kindred concepts are not merged: on hand-written streams that joined different traffic
          // concerns (parking fees, road works, fake fine calls) into one.
          if (concept !== bConcept) sim -= CONCEPT_PENALTY;
          else if (!wardsDiffer(a, b) && gapBetween(a, b) <= MAX_GAP_MS && !(gapBetween(a, b) > QUIET_MS && this.spotsDiffer(a, b))) sim += CONCEPT_BONUS;
        }
        if (sim >= threshold) out.push({ a, b, similarity: sim });
      }
    }
    return out.sort((x, y) => y.similarity - x.similarity);
  }

  resolve(id: number): number {
    let cur = id;
    for (let i = 0; i < 20 && this.redirects.has(cur); i++) cur = this.redirects.get(cur) as number;
    return cur;
  }

  get poolSize(): number {
    return this.pool.size;
  }

  private remember(post: ClusterPost, issueId: number): void {
    if (!post.hashes) return;
    this.lsh.add(post.id, post.hashes);
    this.postIssue.set(post.id, issueId);
    this.lshOrder.push({ id: post.id, time: post.time });
    while (this.lshOrder.length - this.lshHead > LSH_MAX || (this.lshHead < this.lshOrder.length && post.time - this.lshOrder[this.lshHead].time > POOL_WINDOW_MS)) {
      const old = this.lshOrder[this.lshHead++];
      this.lsh.remove(old.id);
      this.postIssue.delete(old.id);
    }
    if (this.lshHead > 50_000) {
      this.lshOrder.splice(0, this.lshHead);
      this.lshHead = 0;
    }
  }

  private addToPool(post: ClusterPost, pv: PostVector): void {
    this.pool.set(post.id, { post, pv });
    for (const c of post.concepts.slice(0, POST_CONCEPTS)) {
      let set = this.poolConcepts.get(c);
      if (!set) this.poolConcepts.set(c, (set = new Set()));
      set.add(post.id);
    }
    for (const h of heaviest(pv.vec, QUERY_TERMS)) {
      let set = this.poolIndex.get(h);
      if (!set) this.poolIndex.set(h, (set = new Set()));
      set.add(post.id);
    }
    // Oldest first (Map keeps insertion order).
    for (const [id, entry] of this.pool) {
      if (this.pool.size <= POOL_MAX && post.time - entry.post.time <= POOL_WINDOW_MS) break;
      this.removeFromPool(id);
    }
  }

  private removeFromPool(id: number): void {
    const entry = this.pool.get(id);
    if (!entry) return;
    this.pool.delete(id);
    for (const c of entry.post.concepts.slice(0, POST_CONCEPTS)) {
      const set = this.poolConcepts.get(c);
      if (set?.delete(id) && set.size === 0) this.poolConcepts.delete(c);
    }
    for (const h of entry.pv.vec.keys()) {
      const set = this.poolIndex.get(h);
      if (set?.delete(id) && set.size === 0) this.poolIndex.delete(h);
    }
  }

  private reindex(issue: IssueState): void {
    const concepts = presentConcepts(issue);
    const had = this.indexedConcepts.get(issue.id) ?? [];
    if (concepts.length !== had.length || concepts.some((c, i) => c !== had[i])) {
      this.unindexConcepts(issue.id);
      for (const c of concepts) {
        let set = this.conceptIndex.get(c);
        if (!set) this.conceptIndex.set(c, (set = new Set()));
        set.add(issue.id);
      }
      if (concepts.length) this.indexedConcepts.set(issue.id, concepts);
    }
    const want = new Set(heaviest(issue.centroid, INDEXED_TERMS));
    for (const h of issue.indexed) {
      if (want.has(h)) continue;
      const set = this.index.get(h);
      if (set?.delete(issue.id) && set.size === 0) this.index.delete(h);
    }
    for (const h of want) {
      if (issue.indexed.has(h)) continue;
      let set = this.index.get(h);
      if (!set) this.index.set(h, (set = new Set()));
      set.add(issue.id);
    }
    issue.indexed = want;
  }

  private unindexConcepts(id: number): void {
    for (const c of this.indexedConcepts.get(id) ?? []) {
      const set = this.conceptIndex.get(c);
      if (set?.delete(id) && set.size === 0) this.conceptIndex.delete(c);
    }
    this.indexedConcepts.delete(id);
  }

  private unindex(id: number): void {
    this.unindexConcepts(id);
    const issue = this.issues.get(id);
    if (!issue) return;
    for (const h of issue.indexed) {
      const set = this.index.get(h);
      if (set?.delete(id) && set.size === 0) this.index.delete(h);
    }
    issue.indexed = new Set();
  }
}

/** Decays the centroid to the post's time and adds the post's vector. */
export function addToCentroid(issue: IssueState, pv: PostVector, time: number): void {
  let weight = 1;
  if (time > issue.centroidAt) {
    const f = Math.exp(-(time - issue.centroidAt) / TAU_MS);
    if (f < 0.999) for (const [h, w] of issue.centroid) issue.centroid.set(h, w * f);
    issue.centroidAt = time;
  } else weight = Math.exp(-(issue.centroidAt - time) / TAU_MS);
  for (const [h, w] of pv.vec) {
    issue.centroid.set(h, (issue.centroid.get(h) ?? 0) + w * weight);
    const surface = pv.surfaces.get(h);
    const known = issue.surfaces.get(h);
    if (surface && (!known || (!hasMark(known) && hasMark(surface)))) issue.surfaces.set(h, surface);
  }
  if (issue.centroid.size > CENTROID_TERMS * 1.5) {
    prune(issue.centroid, CENTROID_TERMS);
    for (const h of issue.surfaces.keys()) if (!issue.centroid.has(h)) issue.surfaces.delete(h);
  }
  issue.norm = norm(issue.centroid);
}

function considerRepresentative(issue: IssueState, post: ClusterPost, sim: number): void {
  if (issue.reps.some((r) => r.id === post.id)) return;
  // A copy of a post already shown adds nothing.
  const h = post.hashes ?? null;
  if (h && issue.reps.some((r) => r.sig && sigSimilarity(r.sig, h) >= 0.5)) return;
  if (issue.reps.length >= REPRESENTATIVES && sim <= issue.reps[issue.reps.length - 1].sim) return;
  issue.reps.push({ id: post.id, sim, sig: h });
  issue.reps.sort((a, b) => b.sim - a.sim);
  if (issue.reps.length > REPRESENTATIVES) issue.reps.length = REPRESENTATIVES;
}

function heaviest(v: Vector, n: number): number[] {
  if (v.size <= n) return [...v.keys()];
  return [...v.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([h]) => h);
}

/** Concepts that a good share of an issue's posts speak of, its main one first. */
function presentConcepts(issue: IssueState): string[] {
  const main = mainConcept(issue);
  const out = main ? [main] : [];
  for (const c of issue.concepts.keys()) if (c !== main && present(issue, c)) out.push(c);
  return out;
}

function present(issue: Pick<IssueState, 'concepts' | 'count'>, concept: string): boolean {
  return (issue.concepts.get(concept) ?? 0) >= Math.max(2, PRESENT_SHARE * issue.count);
}

/** Both issues have a main ward, and not the same one. */
function wardsDiffer(a: IssueState, b: IssueState): boolean {
  const wa = topKey(a.wards);
  const wb = topKey(b.wards);
  return !!wa && !!wb && wa !== wb;
}

/** Time between two issues' spans (0 when they overlap). */
const gapBetween = (a: IssueState, b: IssueState): number => Math.max(0, Math.max(a.firstSeen, b.firstSeen) - Math.min(a.lastSeen, b.lastSeen));

/** A post of public concern: it speaks of a civic concept or a topic. */
const concerned = (post: ClusterPost): boolean => post.concepts.length > 0 || post.topics.length > 0;

/** The concept most of an issue's posts speak of (at least a third of them). */
export function mainConcept(issue: Pick<IssueState, 'concepts' | 'count'>): string | undefined {
  const c = topKey(issue.concepts);
  return c && (issue.concepts.get(c) ?? 0) * 3 >= issue.count ? c : undefined;
}

function topKey(m: Map<string, number>): string | undefined {
  let best: string | undefined;
  let n = 0;
  for (const [k, v] of m) if (v > n) (best = k), (n = v);
  return best;
}

const hasMark = (s: string): boolean => /[^\u0000-\u007f]/.test(s);
