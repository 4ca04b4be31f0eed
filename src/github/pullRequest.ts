/**
 * Opens the follow-up pull request for a bot branch, or updates the one already open: never two
 * for one branch, even when two runs race (a 409/422 is retried against fresh state).
 */
import type { RepositoryName } from '../config.js';
import { draftCommentKeys, type DraftComment } from '../report/draftComments.js';
import type { GitHubClient } from './client.js';
import { GitHubApiError, GitHubRateLimitError } from './client.js';
import { asRecord, numberAt, stringAt } from './json.js';

export interface PullRequestContent {
  /** The bot branch, in the target repository. */
  readonly branch: string;
  readonly base: string;
  readonly title: string;
  readonly body: string;
  readonly draft: boolean;
  readonly labels: readonly string[];
  readonly reviewers: readonly string[];
  readonly teamReviewers: readonly string[];
}

export interface PullRequestRef {
  readonly number: number;
  readonly url: string;
}

export interface PullRequestResult extends PullRequestRef {
  readonly operation: 'created' | 'updated';
  /** Problems that did not stop the PR (a reviewer who cannot be asked, say). */
  readonly warnings: readonly string[];
}

const ATTEMPTS = 3;

/**
 * The pull request is open (or updated) but a later step of the upsert failed: the branch and its PR agree, so the
 * caller must not undo the push.
 */
export class PullRequestIncompleteError extends Error {
  constructor(
    readonly pullRequest: PullRequestRef & { readonly operation: 'created' | 'updated' },
    cause: unknown,
  ) {
    super(
      `Pull request ${pullRequest.url} is ${pullRequest.operation}, but then ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'PullRequestIncompleteError';
  }
}

export class PullRequests {
  private constructor(
    private readonly github: GitHubClient,
    private readonly repository: string,
    private readonly owner: string,
  ) {}

  /** Checks the repository is reachable with the token before anything is pushed to it. */
  static async create(github: GitHubClient, repository: RepositoryName): Promise<PullRequests> {
    const fullName = `${repository.owner}/${repository.name}`;
    const repo = asRecord(await github.request({ method: 'GET', path: `/repos/${fullName}` }));
    const owner = stringAt(asRecord(repo?.owner), 'login') ?? repository.owner;
    return new PullRequests(github, stringAt(repo, 'full_name') ?? fullName, owner);
  }

  async findOpen(branch: string): Promise<PullRequestRef | undefined> {
    const head = encodeURIComponent(`${this.owner}:${branch}`);
    const pulls = await this.github.paginate(`/repos/${this.repository}/pulls?state=open&head=${head}`);
    for (const pull of pulls) {
      const ref = pullRequestRef(pull);
      if (ref) return ref;
    }
    return undefined;
  }

  async upsert(content: PullRequestContent): Promise<PullRequestResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        const existing = await this.findOpen(content.branch);
        const result = existing ? await this.update(existing, content) : await this.open(content);
        try {
          await this.addLabels(result.number, content.labels);
          const warnings = result.operation === 'created' ? await this.requestReviewers(result.number, content) : [];
          return { ...result, warnings };
        } catch (error) {
          throw new PullRequestIncompleteError(result, error);
        }
      } catch (error) {
        const raced = error instanceof GitHubApiError && (error.status === 409 || error.status === 422);
        if (!raced || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  private async open(content: PullRequestContent): Promise<PullRequestRef & { operation: 'created' }> {
    const created = await this.github.request({
      method: 'POST',
      path: `/repos/${this.repository}/pulls`,
      body: {
        title: content.title,
        body: content.body,
        head: content.branch,
        base: content.base,
        draft: content.draft,
        maintainer_can_modify: true,
      },
    });
    return { ...requireRef(created), operation: 'created' };
  }

  private async update(
    existing: PullRequestRef,
    content: PullRequestContent,
  ): Promise<PullRequestRef & { operation: 'updated' }> {
    const updated = await this.github.request({
      method: 'PATCH',
      path: `/repos/${this.repository}/pulls/${existing.number}`,
      body: { title: content.title, body: content.body },
    });
    return { ...(pullRequestRef(updated) ?? existing), operation: 'updated' };
  }

  private async addLabels(number: number, labels: readonly string[]): Promise<void> {
    if (labels.length === 0) return;
    await this.github.request({
      method: 'POST',
      path: `/repos/${this.repository}/issues/${number}/labels`,
      body: { labels },
    });
  }

  /**
   * One review holding a comment on the line of every draft no earlier run commented on, up to `limit`, against
   * `commitId`. GitHub refuses a whole review when one line is not in the diff: then nothing is posted, a warning
   * says so, and the drafts stay in the description.
   */
  async commentOnDrafts(
    number: number,
    commitId: string,
    comments: readonly DraftComment[],
    limit: number,
  ): Promise<DraftCommentsResult> {
    if (comments.length === 0) return { posted: 0, alreadyPosted: 0, left: 0, warnings: [] };
    let existing: unknown[];
    try {
      existing = await this.github.paginate(`/repos/${this.repository}/pulls/${number}/comments`);
    } catch (error) {
      if (error instanceof GitHubRateLimitError) return limited(number, 0, comments.length, error);
      throw error;
    }
    const seen = new Set(existing.flatMap((comment) => draftCommentKeys(stringAt(asRecord(comment), 'body') ?? '')));
    const fresh = comments.filter((comment) => !seen.has(comment.key));
    const alreadyPosted = comments.length - fresh.length;
    const posting = fresh.slice(0, limit);
    const left = fresh.length - posting.length;
    if (posting.length === 0) return { posted: 0, alreadyPosted, left, warnings: [] };
    try {
      // One review holds every comment: one content-creating request, however many drafts.
      await this.github.request({
        method: 'POST',
        path: `/repos/${this.repository}/pulls/${number}/reviews`,
        body: {
          commit_id: commitId,
          event: 'COMMENT',
          body: `AMTS: ${posting.length} machine draft${posting.length === 1 ? '' : 's'} to review, each on its line.`,
          comments: posting.map((comment) => ({
            path: comment.path,
            line: comment.line,
            side: 'RIGHT',
            body: comment.body,
          })),
        },
      });
      return { posted: posting.length, alreadyPosted, left, warnings: [] };
    } catch (error) {
      // The pull request is complete without the comments: a rate limit costs them, not the run.
      if (error instanceof GitHubRateLimitError) return limited(number, alreadyPosted, fresh.length, error);
      if (error instanceof GitHubApiError && error.status === 422) {
        return {
          posted: 0,
          alreadyPosted,
          left: fresh.length,
          warnings: [`Could not comment on the drafts of #${number}: ${error.apiMessage}; they are in the description`],
        };
      }
      throw error;
    }
  }

  /** Asked once, when the PR opens, so updates do not ping reviewers again. */
  private async requestReviewers(number: number, content: PullRequestContent): Promise<string[]> {
    if (content.reviewers.length === 0 && content.teamReviewers.length === 0) return [];
    try {
      await this.github.request({
        method: 'POST',
        path: `/repos/${this.repository}/pulls/${number}/requested_reviewers`,
        body: { reviewers: content.reviewers, team_reviewers: content.teamReviewers },
      });
      return [];
    } catch (error) {
      if (error instanceof GitHubApiError && error.status === 422) {
        return [`Could not request reviewers on #${number}: ${error.apiMessage}`];
      }
      throw error;
    }
  }
}

/** What became of the draft comments of one run. */
export interface DraftCommentsResult {
  readonly posted: number;
  /** Drafts an earlier run already commented on. */
  readonly alreadyPosted: number;
  /** Drafts left to the description: over the limit, or refused by GitHub. */
  readonly left: number;
  readonly warnings: readonly string[];
}

function limited(number: number, alreadyPosted: number, left: number, error: Error): DraftCommentsResult {
  return {
    posted: 0,
    alreadyPosted,
    left,
    warnings: [`Could not comment on the drafts of #${number}: ${error.message}; they are in the description`],
  };
}

function pullRequestRef(value: unknown): PullRequestRef | undefined {
  const record = asRecord(value);
  const number = numberAt(record, 'number');
  const url = stringAt(record, 'html_url');
  return number !== undefined && url !== undefined ? { number, url } : undefined;
}

function requireRef(value: unknown): PullRequestRef {
  const ref = pullRequestRef(value);
  if (!ref) throw new Error('GitHub answered the pull request call without number and html_url');
  return ref;
}
